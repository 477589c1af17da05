package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.ConnectionFactory;
import org.compliancerunner.support.HoldingInspection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sweep's partition watchdog with real processes, RabbitMQ and PostgreSQL: a request lost in the broker is sent
 * again, a sweep no worker serves fails naming its partitions instead of waiting for the last-resort timeout, and a
 * restart after the sweep's process died waits for the partition a live worker still runs instead of running it twice.
 */
class RemoteWatchdogTest extends RemoteProcessTest {

    private static final int PARTITIONS = 4;

    @BeforeAll
    static void writeClips() throws Exception {
        clips = MarkerClips.write(HOME.resolve("media/watchdog"), "watchdog", 8, i -> 2.0);
    }

    @Test
    void requestsPurgedFromTheQueueAreSentAgainAndTheSweepCompletes() throws Exception {
        String project = "watchdog-purged";
        ingest(project);
        Process sweep = sweep(project, "-Dcompliance.remote.resend-after=3s", "-Dcompliance.remote.give-up-after=5m");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50))
                .failFast("the sweep ended before its requests were purged: " + log("sweep"), () -> !sweep.isAlive())
                .until(() -> queued() == PARTITIONS);
        assertThat(purge()).as("requests purged before any worker ran").isEqualTo(PARTITIONS);
        worker("purged-a");

        assertThat(sweep.waitFor(240, TimeUnit.SECONDS)).as("the sweep ends").isTrue();
        assertThat(sweep.exitValue()).as(log("sweep")).isZero();
        assertThat(log("sweep")).contains("no worker has taken it");
        assertCompleted(project, Map.of());
    }

    @Test
    void withNoWorkerTheSweepFailsNamingItsPartitionsAndARestartWithAWorkerCompletesIt() throws Exception {
        String project = "watchdog-no-worker";
        ingest(project);
        Process sweep = sweep(project, "-Dcompliance.remote.resend-after=2s", "-Dcompliance.remote.give-up-after=6s");

        assertThat(sweep.waitFor(240, TimeUnit.SECONDS)).as("the sweep ends").isTrue();
        assertThat(sweep.exitValue()).as(log("sweep")).isEqualTo(1);
        assertThat(log("sweep")).contains("no worker took partitions 0, 1, 2, 3 in 6 s", "queue " + queue);
        long execution = firstExecution(project);
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id").param("id", execution)
                .query(String.class).single()).isEqualTo("FAILED");
        // it gave up on its own, long before the last-resort manager-timeout of 5 minutes
        assertThat(jdbc.sql("SELECT end_time - start_time < interval '5 minutes' FROM batch_job_execution WHERE job_execution_id = :id")
                .param("id", execution).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM batch_step_execution WHERE job_execution_id = :id
                        AND step_name LIKE 'analyze-worker:%' AND status = 'FAILED'""")
                .param("id", execution).query(Long.class).single()).as("partitions failed, so a restart runs them")
                .isEqualTo(PARTITIONS);

        worker("no-worker-a");
        Process restart = child("restart", List.of(), "restart", String.valueOf(execution), "--json");
        assertThat(restart.waitFor(240, TimeUnit.SECONDS)).as("the restart ends").isTrue();
        assertThat(restart.exitValue()).as(log("restart")).isZero();
        assertCompleted(project, Map.of());
    }

    @Test
    void aRestartAfterTheSweepWasKilledWaitsForThePartitionALiveWorkerRuns() throws Exception {
        String project = "watchdog-live-partition";
        ingest(project);
        // one partition, whose fourth video waits for the gate: still running when the sweep is killed and restarted
        Path gate = HOME.resolve(queue + ".gate");
        Process worker = child("live-a", List.of("-D" + HoldingInspection.HOLD + "=100ms",
                "-D" + HoldingInspection.GATE + "=" + gate, "-D" + HoldingInspection.GATE_ON + "=clip-03",
                "-Dcompliance.sweep.video-timeout.minimum=10m"), "worker");
        Process sweep = child("sweep", List.of(), "sweep", "--project", project, "--rules", clips.rules().toString(),
                "--partitions", "1", "--json");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50))
                .failFast("the sweep ended before it could be killed: " + log("sweep"), () -> !sweep.isAlive())
                .until(() -> MarkerClips.count(jdbc, project, "DONE") >= 3);
        sweep.destroyForcibly(); // SIGKILL: the sweep's process is gone, its worker is not
        sweep.waitFor(20, TimeUnit.SECONDS);
        long execution = firstExecution(project);
        long partition = jdbc.sql("""
                        SELECT step_execution_id FROM batch_step_execution
                        WHERE job_execution_id = :id AND step_name LIKE 'analyze-worker:%'""")
                .param("id", execution).query(Long.class).single();
        Map<Long, OffsetDateTime> committed = clips.committed(jdbc, project, 3);

        Process restart = child("restart", List.of(), "restart", String.valueOf(execution), "--json");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100))
                .failFast("the restart ended before it found the partition running: " + log("restart"), () -> !restart.isAlive())
                .until(() -> log("restart").contains("still run by a live worker"));
        assertThat(worker.isAlive()).isTrue();
        Files.createFile(gate); // the worker's partition may finish now

        assertThat(restart.waitFor(240, TimeUnit.SECONDS)).as("the restart ends").isTrue();
        assertThat(restart.exitValue()).as(log("restart")).isZero();
        assertThat(worker.isAlive()).isTrue();
        assertCompleted(project, committed);
        assertThat(jdbc.sql("SELECT status FROM batch_step_execution WHERE step_execution_id = :id")
                .param("id", partition).query(String.class).single())
                .as("the partition the worker was running finished in that run").isEqualTo("COMPLETED");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM batch_step_execution s JOIN batch_job_execution e USING (job_execution_id)
                        WHERE e.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :id)
                          AND s.step_name LIKE 'analyze-worker:%'""")
                .param("id", execution).query(Long.class).single()).as("the partition ran once").isEqualTo(1L);
    }

    private Process worker(String name) throws Exception {
        return child(name, List.of(), "worker");
    }

    private Process sweep(String project, String... options) throws Exception {
        return child("sweep", List.of(options), "sweep", "--project", project, "--rules", clips.rules().toString(),
                "--partitions", String.valueOf(PARTITIONS));
    }

    private long queued() throws Exception {
        try (var connection = rabbit().newConnection(); var channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (Exception e) {
            return -1; // not declared yet
        }
    }

    private int purge() throws Exception {
        try (var connection = rabbit().newConnection(); var channel = connection.createChannel()) {
            return channel.queuePurge(queue).getMessageCount();
        }
    }

    private static ConnectionFactory rabbit() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(TestBroker.URI);
        return factory;
    }

}
