package org.compliancerunner.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.compliancerunner.config.ComplianceProperties;
import org.springframework.stereotype.Component;

/**
 * Fetches http(s) media into $COMPLIANCE_HOME/media/downloads with a size and a time limit. A download is written to
 * a temporary file and moved into place only when complete, so a failed one leaves nothing behind.
 */
@Component
class Downloads {

    private final Path directory;
    private final long maxBytes;
    private final Duration timeout;
    private final HttpClient client;

    Downloads(ComplianceProperties compliance, MediaProperties media) {
        this.directory = compliance.mediaHome().resolve("downloads");
        this.maxBytes = media.maxDownloadSize().toBytes();
        this.timeout = media.downloadTimeout();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    Path fetch(URI uri) throws IngestRefusedException {
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "download-", ".part");
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new IngestRefusedException(uri + ": the server answered HTTP " + response.statusCode());
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    throw tooLarge(uri);
                }
                copyLimited(body, temporary, uri);
            }
            Path target = directory.resolve(Ingest.sha256(temporary) + extensionOf(uri));
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new IngestRefusedException(uri + ": download failed (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestRefusedException(uri + ": download interrupted");
        } finally {
            deleteQuietly(temporary);
        }
    }

    private void copyLimited(InputStream body, Path target, URI uri) throws IOException, IngestRefusedException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(uri);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private IngestRefusedException tooLarge(URI uri) {
        return new IngestRefusedException(uri + ": larger than the download limit of " + maxBytes
                + " bytes (compliance.media.max-download-size)");
    }

    private static String extensionOf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot > 0 && last.length() - dot <= 6 ? last.substring(dot) : "";
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .part file is harmless and is overwritten by name only by createTempFile's random names
        }
    }
}
