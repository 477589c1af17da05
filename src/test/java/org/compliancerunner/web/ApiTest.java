package org.compliancerunner.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.compliancerunner.account.Accounts;
import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.security.Role;
import org.compliancerunner.support.CatalogRows;
import org.compliancerunner.support.HttpCalls;
import org.compliancerunner.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application serving HTTP on a random port, on a fresh database; requests go through a real HTTP client.
 * Tests that share this context keep apart by user and project names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "compliance.cli.enabled=false", "compliance.speech.engine=captions",
        "spring.main.web-application-type=servlet", "management.server.port=0",
        "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1100KB",
        "compliance.api.progress.interval=50ms", "compliance.billing.owners.frugal.quota-minutes=1"})
public abstract class ApiTest extends IntegrationTest {

    protected static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    protected int port;

    @Autowired
    protected Accounts accounts;

    @Autowired
    protected JsonMapper json;

    protected final HttpClient http = HttpClient.newHttpClient();

    /** A new user of the role, named uniquely from the prefix, and a fresh access token for them. */
    protected User user(String prefix, Role role) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return userNamed(name, role);
    }

    protected User userNamed(String name, Role role) {
        accounts.save(name, role, PASSWORD);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(body("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}")));
        if (response.statusCode() != 200) {
            throw new AssertionError("no token for " + name + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode tokens = json.readTree(response.body());
        return new User(name, tokens.get("access_token").asString(), tokens.get("refresh_token").asString());
    }

    protected record User(String name, String token, String refreshToken) {
    }

    /** Creates project {@code name} owned by {@code owner}; returns its id. */
    protected long project(String name, User owner) {
        return CatalogRows.project(jdbc, name, owner.name());
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(authorized(HttpRequest.newBuilder(uri(path)), token).GET());
    }

    protected HttpResponse<String> post(String path, String token, String jsonBody) {
        return send(authorized(HttpRequest.newBuilder(uri(path)), token)
                .header("Content-Type", "application/json").POST(body(jsonBody)));
    }

    /** A multipart/form-data upload of one file with optional text fields (name, value, name, value, ...). */
    protected HttpResponse<String> upload(String token, String filename, byte[] content, String... fields) {
        String boundary = "----cr" + UUID.randomUUID().toString().replace("-", "");
        var out = new java.io.ByteArrayOutputStream();
        try {
            for (int i = 0; i + 1 < fields.length; i += 2) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                        + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(authorized(HttpRequest.newBuilder(uri("/api/videos/upload")), token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        return HttpCalls.send(http, request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Lines of a Server-Sent Events stream until the server ends it. */
    protected List<String> eventLines(String path, String token) {
        return HttpCalls.send(http, authorized(HttpRequest.newBuilder(uri(path)), token)
                        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines())
                .body().toList();
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    /** Two-second captioned clips under $COMPLIANCE_HOME/media/{directory}, the captions saying {@code said}. */
    protected static Path clips(String directory, int count, String said) {
        Path dir = HOME.resolve("media").resolve(directory);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < count; i++) {
            String name = directory + "-" + i;
            SampleMedia.writeClip(dir.resolve(name + ".mp4"), 2, 160, 90, i);
            SampleMedia.writeCaptions(dir.resolve(name + ".srt"), List.of(new SampleMedia.Cue(100, 1500, said + " " + i)));
        }
        return dir;
    }
}
