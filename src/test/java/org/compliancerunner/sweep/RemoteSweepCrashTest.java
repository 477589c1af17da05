package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Remote partitioning with real processes: a sweep (the manager) and two workers, each its own JVM, on the test
 * PostgreSQL and RabbitMQ with queues of their own. A worker killed with SIGKILL, a worker stopped with SIGTERM and a
 * manager killed with SIGKILL must each leave every video analysed exactly once and the sweep COMPLETED.
 */
class RemoteSweepCrashTest extends RemoteProcessTest {

    private Integer proxyPort;

    @BeforeAll
    static void writeClips() throws Exception {
        clips = MarkerClips.write(HOME.resolve("media/remote"), "remote", 16, i -> 2.0 + i % 2);
    }

    @Test
    void aWorkerKilledMidPartitionHasItsPartitionRedoneByTheOther() throws Exception {
        TwoWorkers run = startTwoWorkers("remote-kill-worker", "kill", 4, Integer.MAX_VALUE);
        run.first().destroyForcibly(); // SIGKILL: no chance to hand anything back

        assertFinishedByTheOther(run, "killed");
    }

    @Test
    void aWorkerStoppedWithSigtermHandsItsPartitionBackAfterItsLastChunk() throws Exception {
        // with videos of its partition still to do, so the signal finds it mid-partition, not between two
        TwoWorkers run = startTwoWorkers("remote-term-worker", "term", 1, 1);
        run.first().destroy(); // SIGTERM

        assertThat(run.first().waitFor(60, TimeUnit.SECONDS)).as("the worker exits on SIGTERM").isTrue();
        assertThat(log("term-a")).as("the stopped worker's log").containsAnyOf("handed back", "did not reach");
        assertFinishedByTheOther(run, "stopped");
    }

    @Test
    void aKilledManagerRestartedDoesNotRedoFinishedPartitions() throws Exception {
        String project = "remote-kill-manager";
        ingest(project);
        worker("manager-a");
        worker("manager-b");
        long before = jdbc.sql("SELECT coalesce(max(step_execution_id), 0) FROM batch_step_execution").query(Long.class).single();
        Process sweep = sweep(project);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .failFast("the sweep ended before it could be killed: " + log("sweep"), () -> !sweep.isAlive())
                .until(() -> completedPartitions(before).size() >= 1);
        sweep.destroyForcibly();
        sweep.waitFor(20, TimeUnit.SECONDS);
        long execution = firstExecution(project);
        List<String> finished = completedPartitions(before);
        Map<Long, OffsetDateTime> committed = clips.committed(jdbc, project, 1);

        Process restart = child("restart", "restart", String.valueOf(execution), "--json");
        assertThat(restart.waitFor(150, TimeUnit.SECONDS)).as("the restart ends").isTrue();

        assertThat(restart.exitValue()).as(log("restart")).isZero();
        assertCompleted(project, committed);
        for (String partition : finished) {
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM batch_step_execution s JOIN batch_job_execution e USING (job_execution_id)
                            WHERE e.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :id)
                              AND s.step_name = :step""")
                    .param("id", execution).param("step", partition).query(Long.class).single())
                    .as("partition %s, finished before the manager died, ran once", partition).isEqualTo(1L);
        }
    }

    /** A sweep over two workers, the first of which holds a partition when the test stops it. */
    private record TwoWorkers(String project, Process first, Process second, Process sweep, List<Long> held,
            Map<Long, OffsetDateTime> committed) {
    }

    /**
     * Starts workers {@code name}-a and {@code name}-b and a sweep, and waits until {@code done} videos are done and
     * the first worker holds a partition with at most {@code maxCommitted} videos committed.
     */
    private TwoWorkers startTwoWorkers(String project, String name, int done, int maxCommitted) throws Exception {
        ingest(project);
        Process first = worker(name + "-a");
        Process second = worker(name + "-b");
        Process sweep = sweep(project);
        awaitDone(project, done, sweep);
        List<Long> held = awaitHeldBy(first, maxCommitted);
        return new TwoWorkers(project, first, second, sweep, held, clips.committed(jdbc, project, 1));
    }

    /** The sweep completes with the second worker alive, and the partitions the first held were finished. */
    private void assertFinishedByTheOther(TwoWorkers run, String how) throws InterruptedException {
        assertThat(run.sweep().waitFor(150, TimeUnit.SECONDS)).as("the sweep ends").isTrue();
        assertThat(run.sweep().exitValue()).as(log("sweep")).isZero();
        assertThat(run.second().isAlive()).isTrue();
        assertCompleted(run.project(), run.committed());
        assertThat(run.held()).allSatisfy(step -> assertThat(stepStatus(step))
                .as("partition %d of the %s worker", step, how).isEqualTo("COMPLETED"));
    }

    /**
     * The partitions (step execution ids) the worker process holds a lease on, once it holds one with at most
     * {@code maxCommitted} videos committed.
     */
    private List<Long> awaitHeldBy(Process worker, int maxCommitted) {
        List<Long> held = new ArrayList<>();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
            held.clear();
            held.addAll(jdbc.sql("""
                            SELECT l.step_execution_id FROM partition_leases l
                            JOIN batch_step_execution s USING (step_execution_id)
                            WHERE l.pid = :pid AND s.commit_count <= :max""")
                    .param("pid", worker.pid()).param("max", maxCommitted).query(Long.class).list());
            return !held.isEmpty();
        });
        return held;
    }

    private String stepStatus(long stepExecutionId) {
        return jdbc.sql("SELECT status FROM batch_step_execution WHERE step_execution_id = :id")
                .param("id", stepExecutionId).query(String.class).single();
    }

    @Test
    void aBrokerRestartDuringTheSweepLosesNothingAndTheSweepFinishes() throws Exception {
        String project = "remote-broker";
        ingest(project);
        try (TcpRelay proxy = new TcpRelay(TestBroker.URI.getHost(),
                TestBroker.URI.getPort() < 0 ? 5672 : TestBroker.URI.getPort())) {
            proxyPort = proxy.port();
            worker("broker-a");
            worker("broker-b");
            Process sweep = sweep(project);
            awaitDone(project, 4, sweep);
            Map<Long, OffsetDateTime> committed = clips.committed(jdbc, project, 1);
            assertThat(proxy.cut()).as("connections to the broker cut").isPositive();

            assertThat(sweep.waitFor(150, TimeUnit.SECONDS)).as("the sweep ends").isTrue();
            if (sweep.exitValue() != 0) {
                // failing cleanly is allowed: then a restart must finish the sweep
                Process restart = child("broker-restart", "restart", String.valueOf(firstExecution(project)));
                assertThat(restart.waitFor(150, TimeUnit.SECONDS)).isTrue();
                assertThat(restart.exitValue()).as(log("broker-restart")).isZero();
            }
            assertCompleted(project, committed);
        } finally {
            proxyPort = null;
        }
    }

    private Process worker(String name) throws Exception {
        return child(name, "worker");
    }

    /** Starts the application with {@code args}, through the broker relay while a test has one. */
    private Process child(String name, String... args) throws Exception {
        List<String> relay = proxyPort == null ? List.of()
                : List.of("-Dspring.rabbitmq.host=127.0.0.1", "-Dspring.rabbitmq.port=" + proxyPort);
        return child(name, relay, args);
    }

    private Process sweep(String project) throws Exception {
        return child("sweep", "sweep", "--project", project, "--rules", clips.rules().toString(), "--partitions", "4", "--json");
    }

    private void awaitDone(String project, int done, Process sweep) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .failFast("the sweep ended too early: " + log("sweep"), () -> !sweep.isAlive())
                .until(() -> MarkerClips.count(jdbc, project, "DONE") >= done);
    }

    private List<String> completedPartitions(long after) {
        return jdbc.sql("SELECT step_name FROM batch_step_execution WHERE step_name LIKE 'analyze-worker:%' "
                + "AND status = 'COMPLETED' AND step_execution_id > :after").param("after", after).query(String.class).list();
    }
}
