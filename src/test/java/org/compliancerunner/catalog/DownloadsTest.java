package org.compliancerunner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.compliancerunner.config.ComplianceProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** http(s) ingest against a local server: complete downloads land by content hash, failures leave nothing. */
class DownloadsTest {

    private static final byte[] BODY = "pretend this is an MP4 file".repeat(100).getBytes();

    @TempDir
    Path home;

    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/clip.mp4", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/streamed.mp4", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/missing.mp4", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aCompleteDownloadIsStoredUnderItsContentHash() throws Exception {
        Path file = downloads(DataSize.ofMegabytes(1)).fetch(uri("/clip.mp4"));

        assertThat(file.getParent()).isEqualTo(home.resolve("media/downloads"));
        assertThat(file.getFileName().toString()).isEqualTo(Ingest.sha256(file) + ".mp4");
        assertThat(Files.readAllBytes(file)).isEqualTo(BODY);
        assertThat(leftovers()).containsExactly(file);
    }

    @Test
    void anHttpErrorIsRefusedWithTheStatusAndLeavesNothing() {
        assertThatThrownBy(() -> downloads(DataSize.ofMegabytes(1)).fetch(uri("/missing.mp4")))
                .isInstanceOf(IngestRefusedException.class)
                .hasMessageContaining("/missing.mp4").hasMessageContaining("HTTP 404");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aDownloadOverTheLimitIsRefusedNamingThePropertyWhetherOrNotTheSizeWasAnnounced() {
        Downloads small = downloads(DataSize.ofBytes(100));

        assertThatThrownBy(() -> small.fetch(uri("/clip.mp4")))
                .isInstanceOf(IngestRefusedException.class).hasMessageContaining("compliance.media.max-download-size");
        assertThatThrownBy(() -> small.fetch(uri("/streamed.mp4")))
                .isInstanceOf(IngestRefusedException.class).hasMessageContaining("compliance.media.max-download-size");
        assertThat(leftovers()).isEmpty();
    }

    private Downloads downloads(DataSize limit) {
        return new Downloads(new ComplianceProperties(home, "ops"),
                new MediaProperties(List.of(), limit, Duration.ofSeconds(30), false, List.of()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private List<Path> leftovers() {
        Path directory = home.resolve("media/downloads");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
