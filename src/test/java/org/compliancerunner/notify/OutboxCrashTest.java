package org.compliancerunner.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/** A dispatcher that dies mid-delivery, and dispatchers racing each other, still deliver each event once. */
class OutboxCrashTest extends OutboxWithReceiver {

    @Test
    void aCrashBetweenSendingAndMarkingStillDeliversExactlyOnceToADeduplicatingReceiver() throws Exception {
        NotifyProperties properties = toReceiver();
        bench.jdbc.sql("CREATE TABLE reviews (id INT PRIMARY KEY, status TEXT NOT NULL)").update();
        bench.jdbc.sql("INSERT INTO reviews VALUES (1, 'OPEN')").update();
        Outbox outbox = bench.outbox(properties);
        // the status change and its event commit together, as a review or sweep step would do them
        UUID id = bench.transactions.execute(status -> {
            bench.jdbc.sql("UPDATE reviews SET status = 'CONFIRMED' WHERE id = 1 AND status = 'OPEN'").update();
            return outbox.publish(EventType.REVIEW_COMPLETED, Map.of("itemId", 1, "verdict", "CONFIRMED"));
        });
        // the receiver accepts, but the dispatcher's database session dies before it can record that
        receiver.onRequest(request -> terminateSessionsIdleInTransaction());

        assertThatThrownBy(() -> bench.dispatcher(properties).dispatchDue()).as("the session is gone, so recording the delivery fails")
                .isInstanceOfAny(DataAccessException.class, TransactionException.class);
        assertThat(receiver.requests()).hasSize(1);
        assertThat(bench.delivery(id, "webhook:ops")).as("the crashed dispatcher recorded nothing")
                .containsEntry("state", "PENDING").containsEntry("attempts", 0);

        receiver.onRequest(request -> { });
        OutboxDispatcher restarted = bench.dispatcher(properties);
        assertThat(restarted.dispatchDue().delivered()).isEqualTo(1);
        assertThat(restarted.dispatchDue().attempts()).as("no re-send once DELIVERED is committed").isZero();
        assertThat(bench.dispatcher(properties).dispatchDue().attempts()).isZero();

        assertThat(receiver.requests()).as("at least once on the wire").hasSize(2)
                .extracting(Receiver.Request::eventId).containsOnly(id.toString());
        assertThat(receiver.distinctEventIds()).as("exactly once after de-duplication by event id")
                .containsExactly(id.toString());
        assertThat(bench.delivery(id, "webhook:ops")).containsEntry("state", "DELIVERED");
    }

    @Test
    void twoDispatchersRunningTogetherDeliverEachEventOnce() throws Exception {
        NotifyProperties properties = toReceiver();
        Outbox outbox = bench.outbox(properties);
        List<UUID> published = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            published.add(bench.publishCommitted(outbox, EventType.VIDEO_FLAGGED, Map.of("videoId", i)));
        }
        // a slow receiver keeps each claim open long enough for the other dispatcher to run into it
        receiver.onRequest(request -> Thread.sleep(15));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DispatchRound>> rounds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                OutboxDispatcher dispatcher = bench.dispatcher(properties);
                rounds.add(pool.submit(() -> {
                    go.await();
                    return dispatcher.dispatchDue();
                }));
            }
            go.countDown();
            DispatchRound first = rounds.get(0).get(60, TimeUnit.SECONDS);
            DispatchRound second = rounds.get(1).get(60, TimeUnit.SECONDS);

            assertThat(first.delivered() + second.delivered()).isEqualTo(30);
            assertThat(first.delivered()).as("both dispatchers took part").isPositive();
            assertThat(second.delivered()).as("both dispatchers took part").isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(receiver.requests()).hasSize(30);
        assertThat(receiver.distinctEventIds()).hasSize(30)
                .containsExactlyInAnyOrderElementsOf(published.stream().map(UUID::toString).toList());
    }

    /** What a process crash looks like to the database: the session holding the claim is gone. */
    private void terminateSessionsIdleInTransaction() throws Exception {
        try (Connection connection = DriverManager.getConnection(bench.url);
             PreparedStatement terminate = connection.prepareStatement("""
                     SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid()
                       AND state = 'idle in transaction'""");
             PreparedStatement alive = connection.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            List<Integer> killed = new ArrayList<>();
            try (ResultSet rows = terminate.executeQuery()) {
                while (rows.next()) {
                    killed.add(rows.getInt(1));
                }
            }
            assertThat(killed).as("the dispatcher's claiming session").hasSize(1);
            // wait until the session is really gone, so the dispatcher cannot record the delivery any more
            for (int i = 0; i < 100; i++) {
                alive.setInt(1, killed.get(0));
                try (ResultSet rows = alive.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("session " + killed.get(0) + " survived pg_terminate_backend");
        }
    }
}
