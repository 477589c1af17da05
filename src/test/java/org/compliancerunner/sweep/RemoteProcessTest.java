package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.support.ChildJvm;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Sweeps and workers as real processes on the test PostgreSQL and RabbitMQ, each test with a request queue of its own;
 * every process a test starts is killed after it.
 */
abstract class RemoteProcessTest extends IntegrationTest {

    /** The marker clips of the test class, written once before its tests. */
    static MarkerClips clips;

    @Autowired
    Environment environment;

    String queue;
    private final List<Process> processes = new ArrayList<>();

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

    void ingest(String project) {
        CliDriver.Result ingest = cli.run("ingest", clips.media().toString(), "--project", project);
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    }

    /** Starts the application with {@code args} on the test's queue, logging to the file named by {@code name}. */
    Process child(String name, List<String> extra, String... args) throws Exception {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx256m",
                "-Dcompliance.sweep.chunk-size=1",
                "-Dcompliance.sweep.lease=10s",
                "-Dcompliance.partitioning=remote",
                "-Dcompliance.remote.requests=" + queue,
                "-Dcompliance.remote.dead-letters=" + queue + ".dead",
                "-Dcompliance.remote.poll-interval=200ms",
                "-Dcompliance.remote.manager-timeout=5m",
                // workers serve health and metrics over HTTP; two on one machine need ports of their own
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

    String log(String name) {
        try {
            return Files.readString(logFile(name).toPath());
        } catch (Exception e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The first job execution of the sweep that claimed the project's videos. */
    long firstExecution(String project) {
        return jdbc.sql("""
                        SELECT min(e.job_execution_id) FROM batch_job_execution e
                        WHERE e.job_instance_id = (SELECT DISTINCT claimed_by FROM videos v JOIN projects p ON p.id = v.project_id
                                                   WHERE p.name = :project AND claimed_by IS NOT NULL)""")
                .param("project", project).query(Long.class).single();
    }

    /** The sweep's last execution COMPLETED and each video was done once, those in {@code committed} not again. */
    void assertCompleted(String project, Map<Long, OffsetDateTime> committed) {
        long last = jdbc.sql("""
                        SELECT max(job_execution_id) FROM batch_job_execution
                        WHERE job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :id)""")
                .param("id", firstExecution(project)).query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id").param("id", last)
                .query(String.class).single()).isEqualTo("COMPLETED");
        clips.assertEachDoneOnce(jdbc, project, committed);
    }
}
