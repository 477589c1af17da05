package org.compliancerunner.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.compliancerunner.ComplianceRunnerApplication;
import org.compliancerunner.support.CatalogRows;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code scripts/bench review}: fills the queue with open items, then lets operators claim and decide as fast as
 * they can for a fixed time, and prints the claim latency and the decision rate. Kept in the test sources so it
 * never ships in the jar; run it against a throw-away database (the script points COMPLIANCE_HOME at one).
 *
 * <p>Arguments: items, operators, seconds, and the pause in ms an operator takes between a decision and the next
 * claim (0: back to back, the queue's saturation point; operators reading evidence take seconds).
 */
public final class QueueBenchmark {

    private record OperatorRun(long[] claimNanos, int claims, long[] decideNanos, int decisions) {
    }

    private QueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int operators = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int pauseMs = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ComplianceRunnerApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("compliance.cli.enabled=false")
                .run()) {
            // each operator is a client with its own connection, as separate CLI processes would be; the embedded
            // database's pool is built in code, so it is sized here rather than by spring.datasource.hikari.*
            if (context.getBean(DataSource.class) instanceof HikariDataSource hikari) {
                hikari.getHikariConfigMXBean().setMaximumPoolSize(operators + 2);
                hikari.getHikariConfigMXBean().setMinimumIdle(operators + 2);
            }
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            ReviewQueue queue = context.getBean(ReviewQueue.class);
            long seedStart = System.nanoTime();
            String project = seed(jdbc, items);
            System.err.printf("Seeded %d open items in %.1f s; warming up for 3 s ...%n", items,
                    (System.nanoTime() - seedStart) / 1e9);

            ReviewFilter filter = new ReviewFilter(project, null, null);
            // unmeasured: JIT compilation and the pool opening its connections are not the queue's latency
            warmUp(queue, operators, filter);
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(operators);
            List<Future<OperatorRun>> runs = new ArrayList<>();
            long start = System.nanoTime();
            for (int n = 0; n < operators; n++) {
                String operator = "bench-" + n;
                runs.add(pool.submit(() -> work(queue, operator, filter, deadline, pauseMs)));
            }
            List<OperatorRun> done = new ArrayList<>();
            for (Future<OperatorRun> run : runs) {
                done.add(run.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            print(items, operators, pauseMs, elapsed, done, jdbc, project);
        }
    }

    private static OperatorRun work(ReviewQueue queue, String operator, ReviewFilter filter, long deadline, int pauseMs)
            throws InterruptedException {
        long[] claims = new long[1024];
        long[] decides = new long[1024];
        int claimCount = 0;
        int decideCount = 0;
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            var item = queue.next(operator, filter);
            long t1 = System.nanoTime();
            if (item.isEmpty()) {
                break;
            }
            claims = grow(claims, claimCount);
            claims[claimCount++] = t1 - t0;
            Decision decision = ThreadLocalRandom.current().nextInt(10) < 3 ? Decision.CONFIRM : Decision.REJECT;
            queue.decide(item.get().id(), operator, decision, "bench");
            decides = grow(decides, decideCount);
            decides[decideCount++] = System.nanoTime() - t1;
            if (pauseMs > 0) {
                // uniform around the mean, so operators do not fall into step and claim in bursts
                Thread.sleep(ThreadLocalRandom.current().nextInt(2 * pauseMs + 1));
            }
        }
        return new OperatorRun(claims, claimCount, decides, decideCount);
    }

    private static void warmUp(ReviewQueue queue, int operators, ReviewFilter filter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(operators);
        long until = System.nanoTime() + 3_000_000_000L;
        List<Future<OperatorRun>> runs = new ArrayList<>();
        for (int n = 0; n < operators; n++) {
            String operator = "warm-up-" + n;
            runs.add(pool.submit(() -> work(queue, operator, filter, until, 0)));
        }
        for (Future<OperatorRun> run : runs) {
            run.get();
        }
        pool.shutdown();
    }

    private static long[] grow(long[] values, int used) {
        return used < values.length ? values : Arrays.copyOf(values, values.length * 2);
    }

    /** Ten findings per video, severities mixed, inserted in bulk: the claim and decide paths are what is measured. */
    private static String seed(JdbcClient jdbc, int items) {
        String project = "bench-review-" + System.currentTimeMillis();
        long projectId = CatalogRows.project(jdbc, project, "bench");
        int videos = Math.max(1, items / 10);
        jdbc.sql("""
                        INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, owner, status)
                        SELECT :project, 'clip ' || n, 'bench', 'bench', lpad(to_hex(n), 64, '0'), 1, 'bench', 'DONE'
                        FROM generate_series(1, :videos) n""")
                .param("project", projectId).param("videos", videos).update();
        jdbc.sql("""
                        INSERT INTO review_items (video_id, project_id, pack_name, rule_id, start_ms, end_ms, pack_version,
                                                  severity, evidence)
                        SELECT v.id, :project, 'broadcast-default', 'rule.' || (n % 7), n * 1000, n * 1000 + 1500, 1,
                               (ARRAY['medium', 'high', 'critical'])[1 + (v.id + n) % 3], 'matched "guaranteed returns"'
                        FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM videos WHERE project_id = :project) v
                        CROSS JOIN generate_series(0, 9) n
                        WHERE v.k * 10 + n < :items""")
                .param("project", projectId).param("items", items).update();
        jdbc.sql("ANALYZE review_items").update();
        return project;
    }

    private static void print(int items, int operators, int pauseMs, double elapsed, List<OperatorRun> runs, JdbcClient jdbc,
                              String project) {
        long[] claims = merge(runs, true);
        long[] decides = merge(runs, false);
        long duplicates = jdbc.sql("""
                        SELECT count(*) - count(DISTINCT a.item_id) FROM review_audit a JOIN review_items i ON i.id = a.item_id
                        JOIN videos v ON v.id = i.video_id JOIN projects p ON p.id = v.project_id
                        WHERE p.name = :project AND a.action = 'CLAIM'""")
                .param("project", project).query(Long.class).single();
        System.out.printf(Locale.ROOT, "review queue: %d open items, %d operators claiming and deciding for %.1f s, %s%n",
                items, operators, elapsed, pauseMs == 0 ? "back to back" : "pausing " + pauseMs + " ms on average after each decision");
        System.out.printf(Locale.ROOT, "  claim   (review next):   %d claims, p50 %.1f ms, p99 %.1f ms (goal < 20 ms), max %.1f ms%n",
                claims.length, millis(claims, 0.50), millis(claims, 0.99), millis(claims, 1.0));
        System.out.printf(Locale.ROOT, "  decide  (review reject|confirm): p50 %.1f ms, p99 %.1f ms%n",
                millis(decides, 0.50), millis(decides, 0.99));
        System.out.printf(Locale.ROOT, "  %.0f decisions/s; items claimed twice: %d%n", decides.length / elapsed, duplicates);
    }

    private static long[] merge(List<OperatorRun> runs, boolean claims) {
        long[] all = runs.stream().flatMapToLong(run -> Arrays.stream(claims ? run.claimNanos() : run.decideNanos(), 0,
                claims ? run.claims() : run.decisions())).sorted().toArray();
        return all.length == 0 ? new long[] {0} : all;
    }

    private static double millis(long[] sortedNanos, double quantile) {
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(quantile * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
