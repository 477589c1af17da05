package org.compliancerunner.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.ConnectionFactory;
import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.support.ChildJvm;
import org.compliancerunner.support.HoldingInspection;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The sweep's partition watchdog with real processes, RabbitMQ and PostgreSQL: a request lost in the broker is sent
 * again, a sweep no worker serves fails naming its partitions instead of waiting for the last-resort timeout, and a
 * restart after the sweep's process died waits for the partition a live worker still runs instead of running it twice.
 */
class RemoteWatchdogTest extends IntegrationTest {

    private static final int PARTITIONS = 4;

    private static MarkerClips clips;

    @Autowired
    Environment environment;

    private String queue;
    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void writeClips() throws Exception {
        clips = MarkerClips.write(HOME.resolve("media/watchdog"), "watchdog", 8, i -> 2.0);
    }

    @BeforeEach
    void broker() {
        TestBroker.require();
        queue = TestBroker.uniqueQueue();
    }

    @AfterEach
    void endProcesses() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
        TestBroker.deleteQueues(queue);
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

    private void ingest(String project) {
        CliDriver.Result ingest = cli.run("ingest", clips.media().toString(), "--project", project);
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    }

    private Process worker(String name) throws Exception {
        return child(name, List.of(), "worker");
    }

    private Process sweep(String project, String... options) throws Exception {
        return child("sweep", List.of(options), "sweep", "--project", project, "--rules", clips.rules().toString(),
                "--partitions", String.valueOf(PARTITIONS));
    }

    private Process child(String name, List<String> extra, String... args) throws Exception {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx256m",
                "-Dcompliance.sweep.chunk-size=1",
                "-Dcompliance.sweep.lease=10s",
                "-Dcompliance.partitioning=remote",
                "-Dcompliance.remote.requests=" + queue,
                "-Dcompliance.remote.dead-letters=" + queue + ".dead",
                "-Dcompliance.remote.poll-interval=200ms",
                "-Dcompliance.remote.manager-timeout=5m",
                "-Dserver.port=0", "-Dmanagement.server.port=0"));
        options.addAll(List.of(TestBroker.properties()));
        options.addAll(extra);
        Process process = ChildJvm.start(environment.getProperty("spring.datasource.url"), HOME, logFile(name).toPath(),
                options, List.of(args));
        processes.add(process);
        return process;
    }

    private File logFile(String name) {
        return HOME.resolve(queue + "-" + name + ".log").toFile();
    }

    private String log(String name) {
        try {
            return Files.readString(logFile(name).toPath());
        } catch (Exception e) {
            return "(no log: " + e.getMessage() + ")";
        }
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

    private long firstExecution(String project) {
        return jdbc.sql("""
                        SELECT min(e.job_execution_id) FROM batch_job_execution e
                        WHERE e.job_instance_id = (SELECT DISTINCT claimed_by FROM videos v JOIN projects p ON p.id = v.project_id
                                                   WHERE p.name = :project AND claimed_by IS NOT NULL)""")
                .param("project", project).query(Long.class).single();
    }

    private void assertCompleted(String project, Map<Long, OffsetDateTime> committed) {
        long last = jdbc.sql("""
                        SELECT max(job_execution_id) FROM batch_job_execution
                        WHERE job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :id)""")
                .param("id", firstExecution(project)).query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id").param("id", last)
                .query(String.class).single()).isEqualTo("COMPLETED");
        clips.assertEachDoneOnce(jdbc, project, committed);
    }
}
