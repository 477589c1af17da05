package org.compliancerunner.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as stored in the outbox.
 *
 * @param id          unique; receivers drop a second delivery with an id they have already seen
 * @param payloadJson the payload as published, a JSON object
 */
record OutboxEvent(UUID id, EventType type, String payloadJson, Instant createdAt) {
}
