package org.compliancerunner.notify;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wire form of an event: {@code {"id","type","createdAt","payload"}}. */
final class EventBodies {

    private final JsonMapper mapper;

    EventBodies(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String json(OutboxEvent event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", event.id().toString());
        envelope.put("type", event.type().wireName());
        envelope.put("createdAt", event.createdAt().toString());
        envelope.put("payload", payload(event));
        return mapper.writeValueAsString(envelope);
    }

    JsonNode payload(OutboxEvent event) {
        return mapper.readTree(event.payloadJson());
    }

    String payloadJson(Map<String, Object> payload) {
        return mapper.writeValueAsString(payload);
    }
}
