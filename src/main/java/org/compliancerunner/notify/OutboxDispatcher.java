package org.compliancerunner.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox rows. Each delivery is claimed with {@code FOR UPDATE SKIP LOCKED} in its own transaction that
 * stays open across the send and the state change, so concurrent dispatchers never send the same row, and a
 * dispatcher that dies before committing leaves the row to be sent again: delivery is at least once, and receivers
 * de-duplicate by event id. Once DELIVERED is committed the row is never claimed again.
 */
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Channels channels;
    private final NotifyProperties properties;
    private final Clock clock;

    OutboxDispatcher(JdbcClient jdbc, PlatformTransactionManager transactions, Channels channels,
                     NotifyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    /** Names of the channels this process delivers to; rows of other channels wait for a process that has them. */
    public List<String> channels() {
        return channels.names();
    }

    /**
     * One round: sends every delivery that is due now to its channel, once. Rows of channels this process is not
     * configured with are left for a process that is. Database errors propagate; the claimed row is then untouched.
     */
    public DispatchRound dispatchDue() {
        List<String> mine = channels.names();
        if (mine.isEmpty()) {
            return DispatchRound.NONE;
        }
        // rows rescheduled in this round are due later than its start, so the round ends
        OffsetDateTime roundStart = utc(clock.instant());
        DispatchRound round = DispatchRound.NONE;
        while (true) {
            Optional<DeliveryState> outcome = transactions.execute(status -> dispatchOne(roundStart, mine));
            if (outcome == null || outcome.isEmpty()) {
                return round;
            }
            round = round.plus(outcome.get());
        }
    }

    private Optional<DeliveryState> dispatchOne(OffsetDateTime due, List<String> mine) {
        Optional<Claim> claimed = jdbc.sql("""
                        SELECT d.event_id, d.channel, d.attempts, e.type, CAST(e.payload AS TEXT) AS payload, e.created_at
                        FROM notify_deliveries d JOIN notify_events e ON e.id = d.event_id
                        WHERE d.state = 'PENDING' AND d.next_attempt_at <= :due AND d.channel IN (:channels)
                        ORDER BY d.next_attempt_at, d.event_id
                        LIMIT 1
                        FOR UPDATE OF d SKIP LOCKED""")
                .param("due", due).param("channels", mine)
                .query((rs, row) -> new Claim(
                        new OutboxEvent(rs.getObject("event_id", UUID.class), EventType.of(rs.getString("type")),
                                rs.getString("payload"), rs.getObject("created_at", OffsetDateTime.class).toInstant()),
                        rs.getString("channel"), rs.getInt("attempts")))
                .optional();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Claim claim = claimed.get();
        Channel channel = channels.named(claim.channel()).orElseThrow();
        Attempt attempt = channel.deliver(claim.event());
        return Optional.of(record(claim, attempt));
    }

    private DeliveryState record(Claim claim, Attempt attempt) {
        OffsetDateTime now = utc(clock.instant());
        int attempts = claim.attempts() + 1;
        DeliveryState state;
        OffsetDateTime next = now;
        if (attempt.delivered()) {
            state = DeliveryState.DELIVERED;
        } else if (attempts >= properties.maxAttempts()) {
            state = DeliveryState.FAILED;
            log.warn("Gave up on event {} ({}) to {} after {} attempts: {}", claim.event().id(), claim.event().type(),
                    claim.channel(), attempts, attempt.error());
        } else {
            state = DeliveryState.PENDING;
            next = now.plus(properties.backoffAfter(attempts));
        }
        jdbc.sql("""
                        UPDATE notify_deliveries
                        SET state = :state, attempts = :attempts, last_attempt_at = :now, next_attempt_at = :next,
                            delivered_at = CASE WHEN :state = 'DELIVERED' THEN CAST(:now AS TIMESTAMPTZ) END,
                            last_error = COALESCE(CAST(:error AS TEXT), last_error)
                        WHERE event_id = :event AND channel = :channel AND state = 'PENDING'""")
                .param("state", state.name()).param("attempts", attempts).param("now", now).param("next", next)
                .param("error", attempt.error())
                .param("event", claim.event().id()).param("channel", claim.channel())
                .update();
        return state;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Claim(OutboxEvent event, String channel, int attempts) {
    }
}
