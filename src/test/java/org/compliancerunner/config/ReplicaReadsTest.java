package org.compliancerunner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.compliancerunner.ComplianceRunnerApplication;
import org.compliancerunner.account.Accounts;
import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.security.Role;
import org.compliancerunner.support.HttpCalls;
import org.compliancerunner.support.StreamingReplica;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API against a real primary and a streaming replica of it: which server answers each request, what a caller
 * sees while the replica lags (replay paused) and after their own writes, and reads falling back when the replica
 * stops. The servers are this test's own, made with the machine's PostgreSQL binaries.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaReadsTest {

    private static final String PASSWORD = "correct horse battery";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static StreamingReplica servers;
    private static ConfigurableApplicationContext context;
    private static Path home;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static int port;
    private static int managementPort;
    private static String writer;
    private static String reader;

    /** Test only: says which server answered this GET, through the same routing as every other; named as a source. */
    @TestConfiguration
    @RestController
    @ConditionalOnProperty("compliance.test.which-server")
    static class WhichServer {

        private final JdbcClient jdbc;

        WhichServer(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/api/test/which-server")
        String whichServer() {
            return jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single() ? "replica" : "primary";
        }
    }

    @BeforeAll
    static void start() throws IOException {
        servers = StreamingReplica.start();
        home = Files.createTempDirectory("compliance-home").toRealPath();
        Files.createDirectories(home.resolve("media"));
        // as arguments, which win over application.yaml as the command line would
        context = new SpringApplicationBuilder(ComplianceRunnerApplication.class, WhichServer.class)
                .logStartupInfo(false).run(
                "--compliance.cli.enabled=false", "--compliance.speech.engine=captions",
                "--compliance.test.which-server=true", "--spring.main.web-application-type=servlet",
                "--server.port=0", "--management.server.port=0", "--compliance.api.progress.interval=50ms",
                "--compliance.home=" + home, "--compliance.media.roots=" + home.resolve("media"),
                "--spring.datasource.url=" + servers.primaryUrl(),
                "--compliance.datasource.replica.url=" + servers.replicaUrl(),
                "--compliance.datasource.replica.read-your-writes=2s");
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
        Accounts accounts = context.getBean(Accounts.class);
        accounts.save("writer", Role.ADMIN, PASSWORD);
        accounts.save("reader", Role.ADMIN, PASSWORD);
        writer = token("writer");
        reader = token("reader");
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            if (servers != null) {
                servers.close();
            }
            if (home != null) {
                try (Stream<Path> paths = Files.walk(home)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    @Test
    @Order(1)
    void getRequestsAreAnsweredByTheReplicaAndEverythingElseByThePrimary() {
        awaitReplica(reader);

        assertThat(get("/api/test/which-server", reader).body()).isEqualTo("replica");
        // outside a request (the sweep, the CLI, Flyway) nothing is read-only: the primary
        assertThat(context.getBean(JdbcClient.class).sql("SELECT pg_is_in_recovery()").query(Boolean.class).single())
                .isFalse();
    }

    @Test
    @Order(2)
    void whileTheReplicaLagsOnlyTheCallerWhoWroteSeesTheirWriteUntilTheirWindowEnds() throws Exception {
        awaitReplica(writer);
        servers.pauseReplay();
        try {
            Path clip = home.resolve("media/lag.mp4");
            SampleMedia.writeClip(clip, 1, 160, 90);

            HttpResponse<String> registered = post("/api/videos", writer,
                    "{\"source\":\"" + clip + "\",\"project\":\"lagging\"}");

            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            long id = JSON.readTree(registered.body()).get("videos").get(0).get("id").asLong();
            // the writer reads their own write from the primary...
            assertThat(get("/api/test/which-server", writer).body()).isEqualTo("primary");
            assertThat(ids(get("/api/videos?project=lagging", writer))).containsExactly(id);
            assertThat(get("/api/videos/" + id, writer).statusCode()).isEqualTo(200);
            // ...everybody else from the replica, which has not replayed it
            assertThat(ids(get("/api/videos?project=lagging", reader))).isEmpty();
            assertThat(get("/api/videos/" + id, reader).statusCode()).isEqualTo(404);
            // and once the writer's window is over, so does the writer
            awaitReplica(writer);
            assertThat(ids(get("/api/videos?project=lagging", writer))).isEmpty();
        } finally {
            servers.resumeReplay();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !ids(get("/api/videos?project=lagging", reader)).isEmpty());
    }

    @Test
    @Order(3)
    void aProgressStreamPollsTheReplica() throws Exception {
        long id = ids(get("/api/videos?project=lagging", reader)).get(0);
        servers.pauseReplay();
        CompletableFuture<HttpResponse<Stream<String>>> stream;
        try {
            try (Connection primary = DriverManager.getConnection(servers.primaryUrl());
                 PreparedStatement done = primary.prepareStatement("UPDATE videos SET status = 'DONE' WHERE id = ?")) {
                done.setLong(1, id);
                assertThat(done.executeUpdate()).isOne();
            }
            stream = HTTP.sendAsync(HttpRequest.newBuilder(uri("/api/videos/" + id + "/events"))
                    .header("Authorization", "Bearer " + reader).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            // the replica still has the video PENDING: the stream says so and stays open while replay is paused
            HttpResponse<Stream<String>> response = stream.get();
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> lines = new java.util.ArrayList<>();
            var iterator = response.body().iterator();
            while (lines.stream().noneMatch(line -> line.startsWith("data:")) && iterator.hasNext()) {
                lines.add(iterator.next());
            }
            assertThat(lines).anyMatch(line -> line.startsWith("data:") && line.contains("PENDING"));
            servers.resumeReplay();
            iterator.forEachRemaining(lines::add);
            assertThat(lines).anyMatch(line -> line.startsWith("data:") && line.contains("DONE"));
        } finally {
            servers.resumeReplay();
        }
    }

    @Test
    @Order(4)
    void whenTheReplicaStopsReadsGoToThePrimaryAndReadinessSaysDegraded() throws Exception {
        servers.stopReplica();

        assertThat(get("/api/test/which-server", reader).body()).isEqualTo("primary");
        assertThat(get("/api/videos?project=lagging", reader).statusCode()).isEqualTo(200);
        assertThat(ids(get("/api/videos?project=lagging", reader))).hasSize(1);

        HttpResponse<String> readiness = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).GET());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("DEGRADED");
        JsonNode detailed = JSON.readTree(send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .header("Authorization", "Bearer " + reader).GET()).body());
        assertThat(detailed.at("/components/replica/status").asString()).isEqualTo("DEGRADED");
        assertThat(detailed.at("/components/replica/details/reads").asString()).isEqualTo("primary");
        assertThat(detailed.at("/components/db/status").asString()).isEqualTo("UP");
    }

    /** Waits until the caller's reads go to the replica (their read-your-writes window is over). */
    private static void awaitReplica(String token) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "replica".equals(get("/api/test/which-server", token).body()));
    }

    private static List<Long> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        JSON.readTree(page.body()).get("items").forEach(video -> ids.add(video.get("id").asLong()));
        return ids;
    }

    private static String token(String user) {
        HttpResponse<String> response = post("/api/auth/token", null,
                "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    private static HttpResponse<String> post(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return HttpCalls.send(HTTP, request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
