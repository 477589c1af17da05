package org.compliancerunner.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.compliancerunner.ComplianceRunnerApplication;
import org.compliancerunner.account.Accounts;
import org.compliancerunner.security.Role;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code scripts/bench api}. {@code seed N}: N videos in 20 projects of 5 owners, by SQL, and the user who reads
 * them. {@code load URL SECONDS RATE PATH...}: a fixed request rate against a running server from this second
 * process after a 40 s warm-up that ramps up to that rate, latency measured from when each request was due (so a stalled
 * server cannot hide its queue), printing p50, p99 and the non-2xx count. Kept in the test sources so it never ships in the jar.
 */
public final class ApiBenchmark {

    static final String USER = "bench-owner-1";
    static final String PASSWORD = "bench password 1";
    private static final int WARM_UP_STEPS = 5;
    private static final int WARM_UP_STEP_SECONDS = 8;

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("seed")) {
            seed(Integer.parseInt(args[1]));
        } else {
            load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4],
                    List.of(args).subList(5, args.length));
        }
    }

    private static void seed(int videos) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ComplianceRunnerApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).properties("compliance.cli.enabled=false").run()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long start = System.nanoTime();
            jdbc.sql("""
                    INSERT INTO projects (name, owner)
                    SELECT 'bench-' || n, 'bench-owner-' || (n % 5) FROM generate_series(0, 19) n
                    ON CONFLICT (owner, name) DO NOTHING""").update();
            jdbc.sql("""
                            INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, duration_ms,
                                                owner, status, created_at)
                            SELECT p.id, 'clip ' || n, 'bench', '/bench/' || n || '.mp4', lpad(to_hex(n), 64, '0'),
                                   1000000, 30000, p.owner,
                                   -- status independent of project, so every filter combination has rows to find
                                   (ARRAY['DONE', 'DONE', 'DONE', 'FAILED', 'PENDING'])[1 + (n / 20) % 5],
                                   now() - make_interval(secs => :videos - n)
                            FROM generate_series(1, :videos) n
                            JOIN projects p ON p.name = 'bench-' || (n % 20)
                            -- ids in n order, so projects interleave as time goes on, whatever join the planner picks
                            ORDER BY n
                            ON CONFLICT DO NOTHING""")
                    .param("videos", videos).update();
            jdbc.sql("ANALYZE").update();
            context.getBean(Accounts.class).save(USER, Role.UPLOADER, PASSWORD);
            long count = jdbc.sql("SELECT count(*) FROM videos").query(Long.class).single();
            System.err.printf(Locale.ROOT, "Seeded %d videos in 20 projects of 5 owners in %.1f s%n", count,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static void load(String base, int seconds, int rate, String auth, List<String> paths) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = auth.equals("token") ? token(http, base) : null;
        // unmeasured: the JIT compiling the request path, connection set-up and the database's caches. A cold JVM on
        // 2 cores cannot take the full rate while it compiles, so the rate ramps up as a load balancer's slow start would
        for (int step = 1; step <= WARM_UP_STEPS; step++) {
            int stepRate = Math.max(1, rate * step / WARM_UP_STEPS);
            System.err.println("warm-up " + step + "/" + WARM_UP_STEPS + ": "
                    + summary(run(http, base, token, paths, WARM_UP_STEP_SECONDS, stepRate), stepRate, WARM_UP_STEP_SECONDS));
        }
        System.out.println(summary(run(http, base, token, paths, seconds, rate), rate, seconds));
    }

    private static String summary(Result result, int rate, int seconds) {
        long[] sorted = result.latencies();
        Arrays.sort(sorted);
        // when the server cannot keep up, the last answer comes well after the last request was sent
        return String.format(Locale.ROOT, "%d requests at %d/s for %d s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                        + "non-2xx %d%s; all answered after %.1f s = %.0f answers/s",
                sorted.length, rate, seconds, percentile(sorted, 50), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, result.failures().values().stream().mapToLong(Long::longValue).sum(),
                result.failures().isEmpty() ? "" : " " + new TreeMap<>(result.failures()), result.seconds(),
                sorted.length / result.seconds());
    }

    /** @param failures how many answers of each kind were not 2xx: the status code, or the exception's name */
    private record Result(long[] latencies, Map<String, Long> failures, double seconds) {
    }

    private static Result run(HttpClient http, String base, String token, List<String> paths, int seconds, int rate)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        int total = seconds * rate;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<?>> inFlight = new java.util.concurrent.CopyOnWriteArrayList<>();
        clock.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            long due = start + n * intervalNanos;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + paths.get(n % paths.size()))).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            inFlight.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        latencies.add(System.nanoTime() - due);
                        if (error != null || response.statusCode() / 100 != 2) {
                            String kind = error != null ? error.getClass().getSimpleName()
                                    : Integer.toString(response.statusCode());
                            failures.merge(kind, 1L, Long::sum);
                        }
                    }));
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        clock.shutdown(); // lets a request being sent finish its bookkeeping
        clock.awaitTermination(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return new Result(latencies.stream().mapToLong(Long::longValue).toArray(), failures,
                (System.nanoTime() - start) / 1e9);
    }

    private static String token(HttpClient http, String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
