package org.compliancerunner.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinutesLedgerTest {

    private static final long SECONDS_61 = 61_000;
    private static final long SECONDS_90 = 90_000;

    private final LedgerDatabase db = new LedgerDatabase();
    private final MinutesLedger ledger = db.ledger(0, Map.of());

    private OwnerBalance balance(MinutesLedger of, String owner) {
        return of.statement(owner).balances().get(0);
    }

    private OwnerBalance balance(String owner) {
        return balance(ledger, owner);
    }

    @Test
    void reservingChargesEveryStartedMinute() {
        ledger.reserve(db.video("alice", "a", SECONDS_61), "alice", SECONDS_61);
        ledger.reserve(db.video("alice", "b", 60_000L), "alice", 60_000L);
        ledger.reserve(db.video("alice", "c", null), "alice", null);

        assertThat(balance("alice").reservedMinutes()).isEqualTo(2 + 1 + 1);
    }

    @ParameterizedTest(name = "{0} → reserved {1}, charged {2}, released {3}")
    @CsvSource({
            // retried ingests and replayed sweep chunks
            "reserve reserve,                               2, 0, 0, 1",
            "reserve settle settle,                         0, 2, 0, 2",
            "reserve release release,                       0, 0, 2, 2",
            // a checked video stays charged whatever comes after
            "reserve settle release,                        0, 2, 0, 2",
            // FAILED, then retried and DONE: charged like any DONE video, the earlier release stays on record
            "reserve release settle settle release,         0, 2, 2, 3",
            // registered before billing existed: nothing to settle or release
            "settle release,                                0, 0, 0, 0"})
    void eachKindAppliesOncePerVideo(String steps, long reserved, long charged, long released, int entries) {
        long video = db.video("alice", "a", SECONDS_61);
        for (String step : steps.split(" ")) {
            switch (step) {
                case "reserve" -> ledger.reserve(video, "alice", SECONDS_61);
                case "settle" -> ledger.settle(video);
                case "release" -> ledger.release(video);
                default -> throw new IllegalArgumentException(step);
            }
        }

        assertThat(balance("alice")).isEqualTo(new OwnerBalance("alice", reserved, charged, released, 0));
        assertThat(db.entries(video)).isEqualTo(entries);
    }

    @Test
    void aRetriedIngestWithAnotherDurationKeepsTheFirstReservation() {
        long video = db.video("alice", "a", SECONDS_61);
        ledger.reserve(video, "alice", SECONDS_61);
        ledger.reserve(video, "alice", 600_000L);

        assertThat(balance("alice").reservedMinutes()).isEqualTo(2);
    }

    @Test
    void aSweepChunkThatRollsBackAndIsReplayedChargesOnce() {
        long done = db.video("alice", "done", SECONDS_61);
        long failed = db.video("alice", "failed", SECONDS_90);
        ledger.reserve(done, "alice", SECONDS_61);
        ledger.reserve(failed, "alice", SECONDS_90);

        // the first attempt of the chunk writes its outcomes, then the process dies before the commit
        db.transaction.executeWithoutResult(chunk -> {
            ledger.settle(done);
            ledger.release(failed);
            chunk.setRollbackOnly();
        });
        assertThat(balance("alice")).isEqualTo(new OwnerBalance("alice", 4, 0, 0, 0));

        for (int replay = 0; replay < 2; replay++) {
            db.transaction.executeWithoutResult(chunk -> {
                ledger.settle(done);
                ledger.release(failed);
            });
        }
        assertThat(balance("alice")).isEqualTo(new OwnerBalance("alice", 0, 2, 2, 0));
    }

    @Test
    void chargedMinutesAreTheMinutesOfDoneVideos() {
        // a run of ingests and sweeps with retries, restarts and a video that fails before it is checked after all
        long a = db.video("alice", "a", SECONDS_61);
        long b = db.video("alice", "b", 30_000L);
        long c = db.video("alice", "c", SECONDS_90);
        long d = db.video("alice", "d", null);
        long e = db.video("alice", "e", 600_000L);
        Map<Long, Long> durations = new HashMap<>();
        durations.put(a, SECONDS_61);
        durations.put(b, 30_000L);
        durations.put(c, SECONDS_90);
        durations.put(d, null);
        durations.put(e, 600_000L);
        for (long video : List.of(a, b, c, d, e, a, c)) {
            ledger.reserve(video, "alice", durations.get(video));
        }
        finish(a, "DONE");
        finish(b, "FAILED");
        finish(c, "FAILED");
        finish(a, "DONE");
        finish(c, "DONE");
        finish(d, "DONE");

        OwnerBalance alice = balance("alice");
        assertThat(alice.chargedMinutes()).isEqualTo(minutesOfVideos("DONE")).isEqualTo(2 + 2 + 1);
        assertThat(alice.reservedMinutes()).isEqualTo(minutesOfVideos("PENDING")).isEqualTo(10);
        assertThat(alice.releasedMinutes()).isEqualTo(1 + 2);
    }

    private long minutesOfVideos(String status) {
        return db.jdbc.sql("SELECT duration_ms FROM videos WHERE owner = 'alice' AND status = :status")
                .param("status", status)
                .query((rs, n) -> BilledMinutes.of((Long) rs.getObject(1))).list().stream().mapToLong(Long::longValue).sum();
    }

    private void finish(long video, String status) {
        db.transaction.executeWithoutResult(chunk -> {
            db.status(video, status);
            if (status.equals("DONE")) {
                ledger.settle(video);
            } else {
                ledger.release(video);
            }
        });
    }

    @Test
    void aVideoOverTheQuotaIsRefusedWithWhatToChangeAndNothingIsWritten() {
        MinutesLedger limited = db.ledger(0, Map.of("alice", 5L));
        long charged = db.video("alice", "charged", 180_000L);
        limited.reserve(charged, "alice", 180_000L);
        limited.settle(charged);
        limited.reserve(db.video("alice", "open", 45_000L), "alice", 45_000L);
        long tooLong = db.video("alice", "too-long", SECONDS_90);

        String expected = "owner alice has no room in the minutes quota: quota 5 min, this month used 3 + reserved 1 = 4 min, "
                + "this video needs 2 min; raise compliance.billing.owners.alice.quota-minutes (0 = unlimited)";
        assertThatThrownBy(() -> limited.checkQuota("alice", SECONDS_90))
                .isInstanceOf(QuotaExceededException.class).hasMessage(expected);
        assertThatThrownBy(() -> limited.reserve(tooLong, "alice", SECONDS_90))
                .isInstanceOf(QuotaExceededException.class).hasMessage(expected)
                .satisfies(refused -> {
                    QuotaShortfall shortfall = ((QuotaExceededException) refused).shortfall();
                    assertThat(shortfall).isEqualTo(new QuotaShortfall("alice", 5, 3, 1, 2));
                });
        assertThat(db.entries(tooLong)).isZero();
        assertThat(balance(limited, "alice")).isEqualTo(new OwnerBalance("alice", 1, 3, 0, 5));
        assertThat(balance(limited, "alice").remainingMinutes()).isEqualTo(1);

        // exactly the room that is left still fits
        long oneMinute = db.video("alice", "one-minute", 60_000L);
        limited.checkQuota("alice", 60_000L);
        limited.reserve(oneMinute, "alice", 60_000L);
        assertThat(balance(limited, "alice").remainingMinutes()).isZero();
    }

    @Test
    void releasedMinutesMakeRoomAgain() {
        MinutesLedger limited = db.ledger(2, Map.of());
        long failed = db.video("bob", "failed", SECONDS_61);
        limited.reserve(failed, "bob", SECONDS_61);
        assertThatThrownBy(() -> limited.checkQuota("bob", 1_000L)).isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("raise compliance.billing.owners.bob.quota-minutes");

        limited.release(failed);
        limited.checkQuota("bob", SECONDS_61);
    }

    @Test
    void anIngestRefusedInItsTransactionRegistersNothingAndLeavesTheCallersTransactionUsable() {
        MinutesLedger limited = db.ledger(1, Map.of());
        limited.reserve(db.video("carol", "first", 1_000L), "carol", 1_000L);

        // register and reserve in one transaction, as ingest does: the refusal rolls the registration back
        assertThatThrownBy(() -> db.transaction.executeWithoutResult(ingest -> {
            long video = db.video("carol", "second", 1_000L);
            limited.reserve(video, "carol", 1_000L);
        })).isInstanceOf(QuotaExceededException.class);
        assertThat(db.jdbc.sql("SELECT count(*) FROM videos WHERE title = 'second'").query(Long.class).single()).isZero();

        // a caller that handles the refusal can still commit its other work
        db.transaction.executeWithoutResult(ingest -> {
            assertThatThrownBy(() -> limited.checkQuota("carol", 1_000L)).isInstanceOf(QuotaExceededException.class);
            db.video("dave", "someone-else", 1_000L);
        });
        assertThat(db.jdbc.sql("SELECT count(*) FROM videos WHERE title = 'someone-else'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aQuotaOfZeroIsUnlimitedAndAnOwnerOverrideWinsOverTheDefault() {
        MinutesLedger configured = db.ledger(1, Map.of("erin", 0L, "frank", 3L));
        configured.reserve(db.video("erin", "long", 36_000_000L), "erin", 36_000_000L);
        configured.reserve(db.video("frank", "three", 180_000L), "frank", 180_000L);
        assertThatThrownBy(() -> configured.checkQuota("gina", 61_000L))
                .hasMessageContaining("quota 1 min");

        assertThat(balance(configured, "erin")).isEqualTo(new OwnerBalance("erin", 600, 0, 0, 0));
        assertThat(balance(configured, "erin").remainingMinutes()).isNull();
        assertThat(balance(configured, "frank").remainingMinutes()).isZero();
    }

    @Test
    void theStatementOfAllOwnersSumsEachOwnersEntriesAndListsOwnersWithAQuotaOfTheirOwn() {
        MinutesLedger configured = db.ledger(100, Map.of("idle", 7L));
        long a1 = db.video("alice", "a1", SECONDS_61);
        long a2 = db.video("alice", "a2", SECONDS_90);
        long a3 = db.video("alice", "a3", 10_000L);
        long b1 = db.video("bob", "b1", 300_000L);
        configured.reserve(a1, "alice", SECONDS_61);
        configured.reserve(a2, "alice", SECONDS_90);
        configured.reserve(a3, "alice", 10_000L);
        configured.reserve(b1, "bob", 300_000L);
        configured.settle(a1);
        configured.release(a2);
        configured.settle(b1);

        Statement all = configured.statement(null);
        assertThat(all.balances()).containsExactly(
                new OwnerBalance("alice", 1, 2, 2, 100),
                new OwnerBalance("bob", 0, 5, 0, 100),
                new OwnerBalance("idle", 0, 0, 0, 7));
        assertThat(all.balances()).extracting(OwnerBalance::remainingMinutes).containsExactly(97L, 95L, 7L);
        assertThat(all.entries()).isEmpty();

        Statement alice = configured.statement("alice");
        assertThat(alice.balances()).containsExactly(new OwnerBalance("alice", 1, 2, 2, 100));
        assertThat(alice.entries()).extracting(LedgerEntry::videoId, LedgerEntry::kind, LedgerEntry::minutes)
                .containsExactly(
                        tuple(a1, EntryKind.RESERVE, 2L),
                        tuple(a2, EntryKind.RESERVE, 2L),
                        tuple(a3, EntryKind.RESERVE, 1L),
                        tuple(a1, EntryKind.SETTLE, 2L),
                        tuple(a2, EntryKind.RELEASE, 2L));
    }

    @Test
    void aMonthlyQuotaCountsOnlyVideosReservedThisMonthEvenWhenLastMonthsSettleLater() {
        MinutesLedger monthly = db.ledger(3, Map.of());
        long old = db.video("hana", "last month", 120_000L);
        monthly.reserve(old, "hana", 120_000L);
        db.reservedLastMonth(old);
        // settled and released in this month, the old video still moves only last month's balance
        monthly.settle(old);
        long failed = db.video("hana", "failed last month", 60_000L);
        monthly.reserve(failed, "hana", 60_000L);
        db.reservedLastMonth(failed);
        monthly.release(failed);

        assertThat(balance(monthly, "hana")).isEqualTo(new OwnerBalance("hana", 0, 0, 0, 3));
        monthly.reserve(db.video("hana", "this month", 180_000L), "hana", 180_000L);
        assertThatThrownBy(() -> monthly.checkQuota("hana", 1_000L)).isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("this month used 0 + reserved 3");

        YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        Statement lastMonth = monthly.statement("hana", last);
        assertThat(lastMonth.period()).isEqualTo(last);
        assertThat(lastMonth.balances()).containsExactly(new OwnerBalance("hana", 0, 2, 1, 3));
        assertThat(lastMonth.entries()).extracting(LedgerEntry::videoId).containsExactly(old, old, failed, failed);
    }

    @Test
    void aLifetimeQuotaCountsEveryMonth() {
        MinutesLedger lifetime = db.ledger(3, QuotaPeriod.LIFETIME, Map.of());
        long old = db.video("ivan", "last month", 120_000L);
        lifetime.reserve(old, "ivan", 120_000L);
        db.reservedLastMonth(old);
        lifetime.settle(old);

        assertThat(lifetime.statement("ivan").period()).isNull();
        assertThat(balance(lifetime, "ivan")).isEqualTo(new OwnerBalance("ivan", 0, 2, 0, 3));
        assertThatThrownBy(() -> lifetime.checkQuota("ivan", 120_000L)).isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("in total used 2");
        lifetime.checkQuota("ivan", 60_000L);
    }
}
