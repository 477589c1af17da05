package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.support.ChildJvm;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Runs for Kubernetes CronJobs and for serve's own schedule: recorded as tasks, never two sweeps at once. */
class ScheduledSweepTest extends IntegrationTest {

    private static final Path MEDIA = HOME.resolve("media/scheduled");

    @Autowired
    Environment environment;

    @Autowired
    Sweeps sweeps;

    @BeforeAll
    static void writeClips() throws Exception {
        for (String set : List.of("task", "overlap", "tick")) {
            Path dir = MEDIA.resolve(set);
            Files.createDirectories(dir);
            int clips = 2;
            for (int i = 0; i < clips; i++) {
                SampleMedia.writeClip(dir.resolve(String.format("clip-%02d.mp4", i)), 3.0, 160, 90, i);
            }
        }
    }

    @Test
    void aSweepProcessRecordsATaskExecutionWithItsExitCodeAndJob() throws Exception {
        ingest("task");
        Process sweep = child("task-sweep", "sweep", "--project", "task");
        assertThat(sweep.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).as(log("task-sweep")).isZero();

        long task = jdbc.sql("""
                        SELECT t.task_execution_id FROM task_execution t JOIN task_execution_params p USING (task_execution_id)
                        WHERE t.task_name = 'compliance-runner' AND p.task_param = 'sweep' AND t.end_time IS NOT NULL
                          AND t.exit_code = 0""").query(Long.class).single();
        long job = jdbc.sql("SELECT job_execution_id FROM task_task_batch WHERE task_execution_id = :task")
                .param("task", task).query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id").param("id", job)
                .query(String.class).single()).isEqualTo("COMPLETED");
    }

    @Test
    void aSecondSweepWhileOneIsLiveExitsZeroAndNamesIt() throws Exception {
        TestBroker.require();
        String queue = TestBroker.uniqueQueue();
        ingest("overlap");
        // a remote sweep with no worker yet stays live, waiting for its partitions, for as long as the test needs
        List<String> remote = new ArrayList<>(List.of("-Dcompliance.partitioning=remote",
                "-Dcompliance.remote.requests=" + queue, "-Dcompliance.remote.dead-letters=" + queue + ".dead"));
        remote.addAll(List.of(TestBroker.properties()));
        remote.addAll(List.of("sweep", "--project", "overlap"));
        Process first = child("overlap-sweep", remote.toArray(String[]::new));
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .failFast("the first sweep ended: " + log("overlap-sweep"), () -> !first.isAlive())
                    .until(() -> jdbc.sql("SELECT count(*) FROM batch_step_execution WHERE step_name = 'analyze' "
                            + "AND status = 'STARTED'").query(Long.class).single() == 1);
            long running = jdbc.sql("SELECT job_execution_id FROM batch_job_execution WHERE status = 'STARTED'")
                    .query(Long.class).single();
            // the launch lock covers the launch only: a live sweep holding it would break when it expired under it
            assertThat(jdbc.sql("SELECT count(*) FROM int_lock WHERE region = 'compliance-runner'").query(Long.class)
                    .single()).as("launch locks held while the first sweep runs").isZero();

            CliDriver.Result second = cli.run("sweep", "--json");

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.err()).contains("Sweep execution " + running + " is already running");
            assertThat(second.out()).contains("{\"alreadyRunning\":" + running + "}");
            assertThat(jdbc.sql("SELECT count(*) FROM batch_job_execution WHERE job_execution_id > :id")
                    .param("id", running).query(Long.class).single()).as("sweeps started beside the live one").isZero();
        } finally {
            first.destroyForcibly();
            first.waitFor(20, TimeUnit.SECONDS);
            TestBroker.deleteQueues(queue);
        }
    }

    @Test
    void twoReplicasFiringAtTheSameTickSweepOnce() throws Exception {
        ingest("tick");
        // ticks a second apart: a sweep from half a second before this tick on belongs to it
        NightlySweep first = new NightlySweep(sweeps, "* * * * * *");
        NightlySweep second = new NightlySweep(sweeps, "* * * * * *");
        long before = jdbc.sql("SELECT coalesce(max(job_execution_id), 0) FROM batch_job_execution")
                .query(Long.class).single();
        Thread.sleep(600); // earlier tests' sweeps are older than this tick's window
        Instant tick = Instant.now();
        CompletableFuture<NightlySweep.Outcome> a = CompletableFuture.supplyAsync(() -> first.launch(tick));
        CompletableFuture<NightlySweep.Outcome> b = CompletableFuture.supplyAsync(() -> second.launch(tick));
        List<NightlySweep.Outcome> outcomes = List.of(a.get(2, TimeUnit.MINUTES), b.get(2, TimeUnit.MINUTES));

        assertThat(outcomes).containsOnlyOnce(NightlySweep.Outcome.SWEPT)
                .doesNotContain(NightlySweep.Outcome.FAILED);
        assertThat(jdbc.sql("SELECT count(*) FROM batch_job_execution WHERE job_execution_id > :before")
                .param("before", before).query(Long.class).single()).isEqualTo(1L);
        assertThat(first.launch(tick)).as("the same tick again").isEqualTo(NightlySweep.Outcome.ALREADY_SWEPT);
    }

    @Test
    void theScheduleIsOnlyForServeAndABadExpressionNamesTheProperty() {
        assertThat(context.getBeansOfType(NightlySweep.class)).as("no schedule outside serve").isEmpty();
        assertThatThrownBy(() -> new NightlySweep(sweeps, "every night"))
                .hasMessageContaining("compliance.schedule.sweep").hasMessageContaining("every night");
    }

    private void ingest(String set) {
        CliDriver.Result ingest = cli.run("ingest", MEDIA.resolve(set).toString(), "--project", set);
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    }

    private Process child(String name, String... args) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Xmx256m"));
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty() && rest.get(0).startsWith("-D")) {
            options.add(rest.remove(0));
        }
        return ChildJvm.start(environment.getProperty("spring.datasource.url"), HOME, HOME.resolve(name + ".log"),
                options, rest);
    }

    private String log(String name) {
        try {
            return Files.readString(HOME.resolve(name + ".log"));
        } catch (Exception e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
