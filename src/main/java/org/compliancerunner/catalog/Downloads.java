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
    private final HttpClient publicClient;
    private final PublicAddresses publicAddresses;

    Downloads(ComplianceProperties compliance, MediaProperties media) {
        this.directory = compliance.mediaHome().resolve("downloads");
        this.maxBytes = media.maxDownloadSize().toBytes();
        this.timeout = media.downloadTimeout();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        // redirects are followed by hand so that every hop is checked
        this.publicClient = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        this.publicAddresses = new PublicAddresses(media.allowPrivateAddresses(), media.allowedHosts());
    }

    /** Fetches a URI given by an operator on this machine: any address it can reach is fair. */
    Path fetch(URI uri) throws IngestRefusedException {
        return fetch(uri, false);
    }

    /** Fetches a URI given by a remote caller: it and every redirect must lead to a public address. */
    Path fetchPublic(URI uri) throws IngestRefusedException {
        return fetch(uri, true);
    }

    private static final int MAX_REDIRECTS = 5;

    private Path fetch(URI uri, boolean publicOnly) throws IngestRefusedException {
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "download-", ".part");
            HttpResponse<InputStream> response = publicOnly ? sendPublic(uri)
                    : client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
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

    private HttpResponse<InputStream> sendPublic(URI first) throws IOException, InterruptedException,
            IngestRefusedException {
        URI uri = first;
        for (int hop = 0; ; hop++) {
            publicAddresses.require(uri);
            HttpResponse<InputStream> response = publicClient.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status / 100 != 3 || response.headers().firstValue("Location").isEmpty()) {
                return response;
            }
            response.body().close();
            if (hop == MAX_REDIRECTS) {
                throw new IngestRefusedException(first + ": more than " + MAX_REDIRECTS + " redirects");
            }
            uri = uri.resolve(response.headers().firstValue("Location").get());
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
