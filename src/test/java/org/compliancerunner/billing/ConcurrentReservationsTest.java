package org.compliancerunner.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ingests and sweeps of one owner at the same time, each in its own transaction on its own connection. */
class ConcurrentReservationsTest {

    private final LedgerDatabase db = new LedgerDatabase();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aSecondIngestWaitsForTheFirstAndIsRefusedWhenOnlyOneFits() throws Exception {
        MinutesLedger ledger = db.ledger(3, Map.of());
        long first = db.video("alice", "first", 120_000L);
        long second = db.video("alice", "second", 120_000L);
        CountDownLatch firstReserved = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);

        // the first ingest has reserved but not committed when the second one checks the quota
        Future<?> firstIngest = threads.submit(() -> db.transaction.executeWithoutResult(ingest -> {
            ledger.reserve(first, "alice", 120_000L);
            firstReserved.countDown();
            await(secondStarted);
            pause(300);
        }));
        await(firstReserved);
        Future<Throwable> secondIngest = threads.submit(() -> {
            secondStarted.countDown();
            try {
                db.transaction.executeWithoutResult(ingest -> ledger.reserve(second, "alice", 120_000L));
                return null;
            } catch (QuotaExceededException refused) {
                return refused;
            }
        });
        firstIngest.get(10, TimeUnit.SECONDS);

        assertThat(secondIngest.get(10, TimeUnit.SECONDS)).isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("used 0 + reserved 2 = 2 min, this video needs 2 min");
        assertThat(db.entries(second)).isZero();
        assertThat(ledger.statement("alice").balances().get(0).reservedMinutes()).isEqualTo(2);
    }

    @Test
    void concurrentIngestsNearTheQuotaReserveExactlyWhatFits() throws Exception {
        MinutesLedger ledger = db.ledger(0, Map.of("alice", 9L));
        List<Long> videos = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            videos.add(db.video("alice", "v" + i, 120_000L));
        }
        CyclicBarrier start = new CyclicBarrier(videos.size());
        List<CompletableFuture<Boolean>> ingests = videos.stream()
                .map(video -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    try {
                        db.transaction.executeWithoutResult(ingest -> {
                            ledger.checkQuota("alice", 120_000L);
                            // the window in which an unlocked check would let others in
                            pause(20);
                            ledger.reserve(video, "alice", 120_000L);
                        });
                        return true;
                    } catch (QuotaExceededException refused) {
                        return false;
                    }
                }, threads))
                .toList();

        long reserved = 0;
        for (CompletableFuture<Boolean> ingest : ingests) {
            reserved += ingest.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(reserved).isEqualTo(4);
        assertThat(ledger.statement("alice").balances().get(0).reservedMinutes()).isEqualTo(8);
    }

    @Test
    void aSettleAndARacingReleaseOfOneVideoDoNotBothApply() throws Exception {
        MinutesLedger ledger = db.ledger(0, Map.of());
        long video = db.video("alice", "v", 61_000L);
        ledger.reserve(video, "alice", 61_000L);
        CountDownLatch settled = new CountDownLatch(1);

        Future<?> settling = threads.submit(() -> db.transaction.executeWithoutResult(chunk -> {
            ledger.settle(video);
            settled.countDown();
            pause(300);
        }));
        await(settled);
        Future<?> releasing = threads.submit(() -> db.transaction.executeWithoutResult(chunk -> ledger.release(video)));
        settling.get(10, TimeUnit.SECONDS);
        releasing.get(10, TimeUnit.SECONDS);

        assertThat(ledger.statement("alice").balances().get(0)).isEqualTo(new OwnerBalance("alice", 0, 2, 0, 0));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
