package org.compliancerunner.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.compliancerunner.config.ComplianceProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fetches http(s) media into $COMPLIANCE_HOME/downloads, outside the media roots, with a size and a time limit. A download is written to
 * a temporary file and moved into place only when complete, so a failed one leaves nothing behind.
 */
@Component
class Downloads implements DisposableBean {

    private static final int MAX_REDIRECTS = 5;

    private final Path directory;
    private final long maxBytes;
    private final Duration timeout;
    private final CloseableHttpClient client;
    private final CloseableHttpClient publicClient;

    @Autowired
    Downloads(ComplianceProperties compliance, MediaProperties media) {
        this(compliance, media, InetAddress::getAllByName, Duration.ofSeconds(30));
    }

    Downloads(ComplianceProperties compliance, MediaProperties media, PublicAddresses.Lookup lookup,
              Duration connectTimeout) {
        this.directory = compliance.downloads();
        this.maxBytes = media.maxDownloadSize().toBytes();
        this.timeout = media.downloadTimeout();
        // an operator on this machine may fetch from any address it can reach
        this.client = client(new PublicAddresses(true, List.of(), lookup), connectTimeout, media.downloadTimeout());
        // every connection, redirects included, goes only to addresses the guard has checked
        this.publicClient = client(new PublicAddresses(media.allowPrivateAddresses(), media.allowedHosts(), lookup),
                connectTimeout, media.downloadTimeout());
    }

    // Apache HttpClient 5, the one HTTP client of the application: its DnsResolver lets the guard check every address a
    // connection (a redirect's too) goes to, which the JDK client on Java 17 cannot
    private static CloseableHttpClient client(DnsResolver resolver, Duration connectTimeout, Duration timeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(timeout))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setMaxRedirects(MAX_REDIRECTS)
                        .setResponseTimeout(Timeout.of(timeout))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** Fetches a URI given by an operator on this machine: any address it can reach is fair. */
    Path fetch(URI uri) throws IngestRefusedException {
        return fetch(uri, client);
    }

    /** Fetches a URI given by a remote caller: it and every redirect must lead to a public address. */
    Path fetchPublic(URI uri) throws IngestRefusedException {
        PublicAddresses.requireHttp(uri);
        return fetch(uri, publicClient);
    }

    /** What came of one request: the answer's status, and whether its body fitted under the limit. */
    private record Answer(int status, boolean fitted) {
    }

    private Path fetch(URI uri, CloseableHttpClient http) throws IngestRefusedException {
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            removeAbandonedParts();
            Path part = Files.createTempFile(directory, "download-", ".part");
            temporary = part;
            Answer answer = download(http, uri, part);
            if (answer.status() / 100 == 3) {
                throw new IngestRefusedException(uri + ": more than " + MAX_REDIRECTS + " redirects, or one without a "
                        + "Location (HTTP " + answer.status() + ")");
            }
            if (answer.status() / 100 != 2) {
                throw new IngestRefusedException(uri + ": the server answered HTTP " + answer.status());
            }
            if (!answer.fitted()) {
                throw tooLarge(uri);
            }
            // named by content alone: the extension the address suggests is the sender's word, not the file's type
            Path target = directory.resolve(Ingest.sha256(temporary));
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (PublicAddresses.RefusedAddressException e) {
            throw new IngestRefusedException(uri + ": " + e.getMessage());
        } catch (ClientProtocolException e) {
            // too many redirects, a redirect to ftp: or the like, or an answer that is not HTTP
            throw new IngestRefusedException(uri + ": download failed ("
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")");
        } catch (IOException e) {
            throw new IngestRefusedException(uri + ": download failed (" + e.getMessage() + ")");
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** One GET into {@code part}; a body over the limit is cut off, not read to its end. */
    private Answer download(CloseableHttpClient http, URI uri, Path part) throws IOException {
        HttpGet get = new HttpGet(uri);
        AtomicReference<Answer> answered = new AtomicReference<>();
        try {
            return http.execute(get, response -> {
                Answer answer = read(response, part);
                answered.set(answer);
                if (!answer.fitted()) {
                    // closing the body would otherwise drain the rest of it to keep the connection
                    get.cancel();
                }
                return answer;
            });
        } catch (IOException e) {
            if (answered.get() != null && !answered.get().fitted()) {
                return answered.get(); // the cut-off connection complains; the answer is already known
            }
            throw e;
        }
    }

    private Answer read(ClassicHttpResponse response, Path part) throws IOException {
        HttpEntity entity = response.getEntity();
        if (response.getCode() / 100 != 2 || entity == null) {
            return new Answer(response.getCode(), true);
        }
        if (entity.getContentLength() > maxBytes) {
            return new Answer(response.getCode(), false);
        }
        // not closed here: the client closes it after the handler, once a cut-off connection is cancelled
        return new Answer(response.getCode(), copyLimited(entity.getContent(), part));
    }

    /** Copies at most the download limit; false when the body is longer. */
    private boolean copyLimited(InputStream body, Path target) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    return false;
                }
                out.write(buffer, 0, n);
            }
        }
        return true;
    }

    @Override
    public void destroy() throws IOException {
        client.close();
        publicClient.close();
    }

    private IngestRefusedException tooLarge(URI uri) {
        return new IngestRefusedException(uri + ": larger than the download limit of " + maxBytes
                + " bytes (compliance.media.max-download-size)");
    }

    /** Deletes .part files older than the download timeout: no live download still writes them (kill -9 left them). */
    private void removeAbandonedParts() throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(timeout));
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, "download-*.part")) {
            for (Path part : parts) {
                if (Files.getLastModifiedTime(part).compareTo(cutoff) < 0) {
                    deleteQuietly(part);
                }
            }
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .part file is harmless: the next download past its age removes it
        }
    }
}
