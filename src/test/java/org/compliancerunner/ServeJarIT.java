package org.compliancerunner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.compliancerunner.support.PackagedJar;
import org.compliancerunner.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar's {@code serve}: its class path is the jar's, not the tests', so a library that only tests happen to
 * provide fails here.
 */
class ServeJarIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesTheApiDocumentTheConsoleAndRefusesAnonymousCalls() throws Exception {
        assertThat(PackagedJar.JAR).as("run by mvn verify, after the jar is packaged").isRegularFile();
        int port = freePort();
        int management = freePort();
        Path home = Files.createTempDirectory("serve-jar-home");
        Path log = home.resolve("serve.log");
        Process serve = PackagedJar.builder(home, List.of("serve", "--server.port=" + port, "--server.address=127.0.0.1",
                        "--management.server.port=" + management, "--management.server.address=127.0.0.1",
                        "--spring.datasource.url=" + TestDatabase.freshDatabaseUrl()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitReady(serve, management, log);

            HttpResponse<String> docs = get(port, "/api-docs");
            assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
            assertThat(docs.body()).contains("\"/api/videos\"").contains("\"/api/review/claims\"");
            HttpResponse<String> console = get(port, "/console/");
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(console.body()).contains("review console");
            HttpResponse<String> anonymous = get(port, "/api/videos");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");
        } finally {
            serve.destroy();
            serve.waitFor();
        }
    }

    private void awaitReady(Process serve, int management, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!serve.isAlive()) {
                throw new AssertionError("serve exited with " + serve.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (get(management, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("serve was not ready within 3 minutes:\n" + Files.readString(log));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
