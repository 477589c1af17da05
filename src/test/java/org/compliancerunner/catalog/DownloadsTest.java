package org.compliancerunner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/to-loopback", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/clip.mp4");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/loop", exchange -> {
            // a new address each time, so only the count of redirects can stop it
            exchange.getResponseHeaders().add("Location", exchange.getRequestURI().getPath() + "/again");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/clip.mp4", exchange -> {
            requests.incrementAndGet();
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
        server.createContext("/endless.mp4", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(BODY); // until the client hangs up
                }
            } catch (IOException hungUp) {
                exchange.close();
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

        assertThat(file.getParent()).isEqualTo(home.resolve("downloads"));
        assertThat(file.getFileName().toString()).isEqualTo(Ingest.sha256(file));
        assertThat(Files.readAllBytes(file)).isEqualTo(BODY);
        assertThat(leftovers()).containsExactly(file);
    }

    @Test
    void partFilesAbandonedLongerThanTheTimeoutAreRemovedByTheNextDownload() throws Exception {
        Path directory = Files.createDirectories(home.resolve("downloads"));
        Path abandoned = Files.writeString(directory.resolve("download-1.part"), "killed half-way");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofMinutes(31))));
        Path writing = Files.writeString(directory.resolve("download-2.part"), "another download still writing");

        Path file = downloads(DataSize.ofMegabytes(1)).fetch(uri("/clip.mp4"));

        assertThat(leftovers()).containsExactlyInAnyOrder(file, writing);
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

    @Test
    void aBodyOverTheLimitIsCutOffNotReadToItsEnd() {
        Downloads small = downloads(DataSize.ofKilobytes(64));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> small.fetch(uri("/endless.mp4")))
                .isInstanceOf(IngestRefusedException.class).hasMessageContaining("compliance.media.max-download-size"));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aHostAllowedByNameIsFetchedFromTheAddressTheGuardResolvedNotAnotherLookup() throws Exception {
        // "media.example" exists only in this lookup: the connection can have used no other
        Downloads downloads = downloads(List.of("media.example"), name -> name.equals("media.example")
                ? new InetAddress[] {InetAddress.getLoopbackAddress()} : InetAddress.getAllByName(name));

        Path file = downloads.fetchPublic(uri("media.example", "/clip.mp4"));

        assertThat(Files.readAllBytes(file)).isEqualTo(BODY);
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckNeverReachesIt() {
        // DNS rebinding: public for whoever asks first, this machine afterwards
        AtomicInteger lookups = new AtomicInteger();
        Downloads downloads = downloads(List.of(), name -> lookups.incrementAndGet() == 1
                ? new InetAddress[] {InetAddress.getByAddress(name, new byte[] {93, (byte) 184, (byte) 216, 34})}
                : new InetAddress[] {InetAddress.getLoopbackAddress()});

        assertThatThrownBy(() -> downloads.fetchPublic(uri("rebind.example", "/clip.mp4")))
                .isInstanceOf(IngestRefusedException.class).hasMessageContaining("download failed");

        assertThat(requests).hasValue(0);
        assertThat(lookups).hasValue(1);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aRedirectToThisMachineIsRefusedAtTheHopThatLeadsThere() {
        Downloads downloads = downloads(List.of("media.example"), name -> name.equals("media.example")
                ? new InetAddress[] {InetAddress.getLoopbackAddress()} : InetAddress.getAllByName(name));

        assertThatThrownBy(() -> downloads.fetchPublic(uri("media.example", "/to-loopback")))
                .isInstanceOf(IngestRefusedException.class)
                .hasMessageContaining("127.0.0.1 resolves to 127.0.0.1, a loopback, link-local or private address")
                .hasMessageContaining("compliance.media.allowed-hosts");
        assertThat(requests).hasValue(0);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void endlessRedirectsAndOtherSchemesAreRefused() {
        assertThatThrownBy(() -> downloads(DataSize.ofMegabytes(1)).fetch(uri("/loop")))
                .isInstanceOf(IngestRefusedException.class).hasMessageContaining("/loop").hasMessageContaining("redirects");
        assertThatThrownBy(() -> downloads(DataSize.ofMegabytes(1)).fetchPublic(URI.create("file:///etc/passwd")))
                .isInstanceOf(IngestRefusedException.class).hasMessageContaining("only http(s) URIs");
        assertThat(leftovers()).isEmpty();
    }

    private Downloads downloads(DataSize limit) {
        return new Downloads(new ComplianceProperties(home, "ops"),
                new MediaProperties(List.of(), limit, Duration.ofSeconds(30), false, List.of()));
    }

    private Downloads downloads(List<String> allowedHosts, PublicAddresses.Lookup lookup) {
        return new Downloads(new ComplianceProperties(home, "ops"),
                new MediaProperties(List.of(), DataSize.ofMegabytes(1), Duration.ofSeconds(30), false, allowedHosts),
                lookup, Duration.ofSeconds(1));
    }

    private URI uri(String host, String path) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private List<Path> leftovers() {
        Path directory = home.resolve("downloads");
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
