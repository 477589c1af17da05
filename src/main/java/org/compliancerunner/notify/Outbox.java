package org.compliancerunner.notify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes events in the caller's transaction: the event and one pending delivery per interested channel are
 * plain INSERTs on the application's DataSource, so they commit or roll back with the change they report. Outside
 * a transaction they commit at once. Delivery happens later, in {@link OutboxDispatcher#dispatchDue()}.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final Channels channels;
    private final EventBodies bodies;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Channels channels, EventBodies bodies, Clock clock) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.bodies = bodies;
        this.clock = clock;
    }

    /**
     * Records an event for delivery to every channel that wants its type.
     *
     * @param payload a JSON object's fields, e.g. {@code Map.of("jobExecutionId", 7, "status", "COMPLETED")}
     * @return the event id, which receivers see in {@code X-Compliance-Event-Id}
     */
    public UUID publish(EventType type, Map<String, Object> payload) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("INSERT INTO notify_events (id, type, payload, created_at) VALUES (:id, :type, CAST(:payload AS JSONB), :now)")
                .param("id", id).param("type", type.wireName()).param("payload", bodies.payloadJson(payload))
                .param("now", now)
                .update();
        for (Channel channel : channels.wanting(type)) {
            jdbc.sql("INSERT INTO notify_deliveries (event_id, channel, next_attempt_at) VALUES (:id, :channel, :now)")
                    .param("id", id).param("channel", channel.name()).param("now", now)
                    .update();
        }
        return id;
    }

    /** @see #publish(EventType, Map) */
    public UUID publish(String type, Map<String, Object> payload) {
        return publish(EventType.of(type), payload);
    }
}
