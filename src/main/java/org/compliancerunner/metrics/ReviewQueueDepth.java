package org.compliancerunner.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code compliance_review_queue_depth{state}}: review items waiting for an operator, read from the database so every
 * process reports the same number; one query serves all states and is reused for a few seconds.
 */
@Component
class ReviewQueueDepth {

    enum WaitingState { OPEN, ESCALATED }

    private static final Duration REUSE = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private Map<WaitingState, Long> counts = new EnumMap<>(WaitingState.class);
    private long readAt = Long.MIN_VALUE;

    ReviewQueueDepth(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (WaitingState state : WaitingState.values()) {
            Gauge.builder("compliance.review.queue.depth", this, depth -> depth.count(state))
                    .description("Review items waiting for an operator")
                    .tag("state", state.name())
                    .register(registry);
        }
    }

    synchronized double count(WaitingState state) {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt > REUSE.toNanos()) {
            Map<WaitingState, Long> fresh = new EnumMap<>(WaitingState.class);
            for (WaitingState waiting : WaitingState.values()) {
                fresh.put(waiting, 0L);
            }
            try {
                jdbc.sql("SELECT state, count(*) AS n FROM review_items WHERE state IN ('OPEN', 'ESCALATED') GROUP BY state")
                        .query((rs, n) -> fresh.put(WaitingState.valueOf(rs.getString("state")), rs.getLong("n")))
                        .list();
            } catch (DataAccessException e) {
                return Double.NaN; // the db health check reports the outage; a scrape must not fail over it
            }
            counts = fresh;
            readAt = now;
        }
        return counts.get(state);
    }
}
