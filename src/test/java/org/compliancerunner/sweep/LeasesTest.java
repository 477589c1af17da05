package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.compliancerunner.sweep.Leases.Holder;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

/** The lease mechanism both sweeps and partitions use, on partition_leases with ids no step execution has. */
class LeasesTest extends IntegrationTest {

    /** One beat a second. */
    private static final Duration LEASE = Duration.ofSeconds(4);

    @Autowired
    TaskScheduler scheduler;

    private Leases leases;
    private final List<Long> used = new ArrayList<>();

    @BeforeEach
    void partitionLeases() {
        leases = new Leases(jdbc, scheduler, "partition_leases", "step_execution_id", LEASE);
    }

    @AfterEach
    void releaseAll() {
        used.forEach(leases::release);
    }

    @Test
    void aHeldLeaseNamesThisProcessAndBeatsUntilReleased() {
        long id = unusedId();

        leases.hold(id);
        ageAnHour(id);

        await().atMost(Duration.ofSeconds(5)).until(() -> age(id) < LEASE.toMillis());
        Holder holder = leases.holder(id).orElseThrow();
        assertThat(holder.process()).isEqualTo(Leases.HOST + " pid " + Leases.PID);
        assertThat(holder.processLooksGone()).isFalse();

        leases.release(id);
        assertThat(leases.holder(id)).isEmpty();
        insertHeldByAnother(id);
        sleep(Duration.ofMillis(2500));
        assertThat(age(id)).as("no beat after release").isGreaterThan(Duration.ofMinutes(59).toMillis());
    }

    @Test
    void aBeatIsSkippedWhileTheHolderShouldLookSilent() {
        long id = unusedId();
        AtomicInteger asked = new AtomicInteger();

        leases.hold(id, held -> asked.incrementAndGet() < 0);
        ageAnHour(id);

        await().atMost(Duration.ofSeconds(5)).until(() -> asked.get() >= 2);
        assertThat(age(id)).isGreaterThan(Duration.ofMinutes(59).toMillis());
    }

    @Test
    void ofTwoTakingOverTheSameLeaseOnlyTheFirstWins() {
        long id = unusedId();
        insertHeldByAnother(id);
        Holder seen = leases.holder(id).orElseThrow();

        assertThat(leases.take(id)).as("a held lease is not taken").isFalse();
        assertThat(leases.takeOver(seen)).isTrue();
        assertThat(leases.takeOver(seen)).as("the lease changed since it was read").isFalse();
        assertThat(leases.holder(id).orElseThrow().host()).isEqualTo(Leases.HOST);
    }

    @Test
    void aFreeLeaseIsTakenOnceAndReadAmongOthers() {
        long first = unusedId();
        long second = unusedId();

        assertThat(leases.take(first)).isTrue();
        assertThat(leases.take(first)).isFalse();
        assertThat(leases.holders(List.of(first, second, unusedId()))).extracting(Holder::held).containsExactly(first);
        assertThat(leases.holders(List.of())).isEmpty();
        assertThat(leases.missedBeatsMs()).isEqualTo(2 * 1000 + 1000);
    }

    private long unusedId() {
        long id = -System.nanoTime();
        used.add(id);
        return id;
    }

    private void ageAnHour(long id) {
        jdbc.sql("UPDATE partition_leases SET heartbeat_at = now() - interval '1 hour' WHERE step_execution_id = :id")
                .param("id", id).update();
    }

    private void insertHeldByAnother(long id) {
        jdbc.sql("""
                        INSERT INTO partition_leases (step_execution_id, host, pid, heartbeat_at)
                        VALUES (:id, 'another-host', 4242, now() - interval '1 hour')""")
                .param("id", id).update();
    }

    private long age(long id) {
        return leases.holder(id).orElseThrow().ageMs();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
