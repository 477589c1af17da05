package org.compliancerunner.notify;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recent events and where each of their deliveries stands, for operators. */
public class Deliveries {

    /**
     * One event with one of its deliveries; the delivery's fields are null for an event no channel wanted when it was
     * published.
     */
    public record Delivery(UUID eventId, String type, OffsetDateTime createdAt, @Nullable String channel,
                           @Nullable DeliveryState state, int attempts, @Nullable OffsetDateTime nextAttemptAt,
                           @Nullable OffsetDateTime deliveredAt, @Nullable String lastError) {
    }

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest events first; {@code state} null means every state. */
    public List<Delivery> recent(@Nullable DeliveryState state, int limit) {
        return jdbc.sql("""
                        SELECT e.id, e.type, e.created_at, d.channel, d.state, COALESCE(d.attempts, 0) AS attempts,
                               d.next_attempt_at, d.delivered_at, d.last_error
                        FROM notify_events e LEFT JOIN notify_deliveries d ON d.event_id = e.id
                        WHERE CAST(:state AS TEXT) IS NULL OR d.state = :state
                        ORDER BY e.created_at DESC, e.id, d.channel
                        LIMIT :limit""")
                .param("state", state == null ? null : state.name()).param("limit", limit)
                .query((rs, row) -> new Delivery(rs.getObject("id", UUID.class), rs.getString("type"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("channel"),
                        rs.getString("state") == null ? null : DeliveryState.valueOf(rs.getString("state")),
                        rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class),
                        rs.getObject("delivered_at", OffsetDateTime.class), rs.getString("last_error")))
                .list();
    }
}
