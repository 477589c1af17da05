package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.security.Role;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import tools.jackson.databind.JsonNode;

/**
 * Attacks on files, media, paths, projects and review as an outsider and as each role would try them (issue 19,
 * findings 1, 2, 5, 10 and 11), each of which used to work.
 */
class ApiFileSecurityTest extends ApiTest {

    private static final Path UPLOADS = HOME.resolve("uploads");

    @LocalManagementPort
    int managementPort;

    @Test
    void oneOwnerCannotReachAnotherOwnersUploadsOrFilesByPath() throws IOException {
        User alice = user("alice-files", Role.UPLOADER);
        User bob = user("bob-files", Role.UPLOADER);
        User admin = user("admin-files", Role.ADMIN);
        HttpResponse<String> bobs = upload(bob.token(), "bob.mp4", clip("bob", 1));
        assertThat(bobs.statusCode()).as(bobs.body()).isEqualTo(201);
        long bobsVideo = body(bobs).get("videos").get(0).get("id").asLong();
        String bobsFile = mediaPathOf(bobsVideo);

        // the uploads directory is outside every media root, and an owner never learns where it is
        assertThat(Path.of(bobsFile)).startsWith(UPLOADS);
        assertThat(Path.of(bobsFile).startsWith(HOME.resolve("media"))).isFalse();
        assertThat(get("/api/videos/" + bobsVideo, bob.token()).body()).doesNotContain(UPLOADS.toString());
        assertThat(get("/api/videos?limit=5", bob.token()).body()).doesNotContain(UPLOADS.toString())
                .doesNotContain("mediaPath");
        // registering by path is an administrator's: the uploads directory, bob's file or anything else
        for (String source : new String[] {UPLOADS.toString(), bobsFile, HOME.resolve("media").toString()}) {
            HttpResponse<String> attempt = post("/api/videos", alice.token(), "{\"source\":\"" + source + "\"}");
            assertThat(attempt.statusCode()).as(source).isEqualTo(403);
            assertThat(attempt.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        // and even an administrator's path never reaches an upload
        for (String source : new String[] {UPLOADS.toString(), bobsFile}) {
            HttpResponse<String> attempt = post("/api/videos", admin.token(),
                    "{\"source\":\"" + source + "\",\"owner\":\"" + alice.name() + "\"}");
            assertThat(attempt.statusCode()).as(source).isEqualTo(400);
            assertThat(body(attempt).get("detail").asString()).contains("not allowed or not found");
        }
        // nor a file another owner's video already uses, named or found in a directory
        Path shared = clips("shared-" + bob.name(), 1, "hello");
        assertThat(post("/api/videos", admin.token(), "{\"source\":\"" + shared + "\",\"owner\":\"" + bob.name()
                + "\",\"project\":\"files-" + bob.name() + "\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> directory = post("/api/videos", admin.token(),
                "{\"source\":\"" + shared + "\",\"owner\":\"" + alice.name() + "\"}");
        assertThat(directory.statusCode()).as(directory.body()).isEqualTo(200);
        assertThat(body(directory).get("videos").get(0).get("outcome").asString()).isEqualTo("SKIPPED");
        assertThat(body(directory).get("videos").get(0).get("message").asString()).contains("not allowed or not found");
        HttpResponse<String> named = post("/api/videos", admin.token(), "{\"source\":\"" + shared.resolve("shared-"
                + bob.name() + "-0.mp4") + "\",\"owner\":\"" + alice.name() + "\"}");
        assertThat(named.statusCode()).isEqualTo(400);

        assertThat(jdbc.sql("SELECT count(*) FROM videos WHERE owner = :o").param("o", alice.name())
                .query(Long.class).single()).isZero();
        assertThat(get("/api/videos/" + bobsVideo, alice.token()).statusCode()).isEqualTo(404);
    }

    @Test
    void aVideoThatIsAlsoAnHtmlPageIsServedAsTheVideoItIsInASandbox() throws IOException {
        User uploader = user("polyglot", Role.UPLOADER);

        HttpResponse<String> uploaded = upload(uploader.token(), "trailer.html", polyglot("polyglot"));

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long id = body(uploaded).get("videos").get(0).get("id").asLong();
        // stored under the extension of what it is, not of what the client called it
        assertThat(mediaPathOf(id)).endsWith(".mp4").doesNotContain(".html");
        HttpResponse<String> media = get("/api/videos/" + id + "/media", uploader.token());
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(media.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(media.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
        assertThat(media.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("inline").contains("filename=\"video-" + id + ".mp4\""));
        // every other answer is no page either, and the console runs no inline script
        HttpResponse<String> json = get("/api/videos/" + id, uploader.token());
        assertThat(json.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(json.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'"));
        HttpResponse<String> console = get("/console/", null);
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(console.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(console.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("style=");
    }

    @Test
    void aLinkInARegisteredDirectoryThatLeadsOutOfTheRootsIsSkippedAndSaidSo() throws IOException {
        User admin = user("links", Role.ADMIN);
        // a real video outside the roots, which would register if the link were followed
        Path outside = Files.createTempDirectory("outside-the-roots");
        Path secret = outside.resolve("secret.mp4");
        SampleMedia.writeClip(secret, 1, 64, 36, 91);
        Path directory = clips("links-" + admin.name(), 1, "hello");
        Files.createSymbolicLink(directory.resolve("escape.mp4"), secret);

        HttpResponse<String> response = post("/api/videos", admin.token(), "{\"source\":\"" + directory + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode results = body(response).get("videos");
        assertThat(results).hasSize(2);
        JsonNode escape = results.get(0);
        assertThat(escape.get("input").asString()).endsWith("escape.mp4");
        assertThat(escape.get("outcome").asString()).isEqualTo("SKIPPED");
        assertThat(escape.get("message").asString()).contains("not allowed or not found").doesNotContain(outside.toString());
        assertThat(results.get(1).get("outcome").asString()).isEqualTo("REGISTERED");
        assertThat(jdbc.sql("SELECT count(*) FROM videos WHERE media_path LIKE :outside OR sha256 = :sha")
                .param("outside", outside + "%").param("sha", sha256(secret)).query(Long.class).single()).isZero();
    }

    @Test
    void pathErrorsProjectNamesAndHealthTellNothingAboutOthers() throws IOException {
        User admin = user("oracle", Role.ADMIN);
        Path link = HOME.resolve("media").resolve("oracle-" + UUID.randomUUID() + ".mp4");
        Files.createSymbolicLink(link, Path.of("/etc/hostname"));

        // a file that exists outside the roots, one that exists nowhere and a link out read the same: no resolved
        // path, no link target, no roots
        for (String source : new String[] {"/etc/shadow", "/nonexistent-" + UUID.randomUUID(), link.toString()}) {
            HttpResponse<String> refused = post("/api/videos", admin.token(), "{\"source\":\"" + source + "\"}");
            assertThat(refused.statusCode()).as(source).isEqualTo(400);
            assertThat(body(refused).get("detail").asString()).as(source).isEqualTo(source
                    + ": not allowed or not found (only existing files under compliance.media.roots can be registered)");
            assertThat(refused.body()).doesNotContain(Fixtures.ROOT.toString()).doesNotContain("/etc/hostname");
        }

        // project names are each owner's own: one owner's name neither blocks nor reveals another's
        User alice = user("alice-projects", Role.UPLOADER);
        User bob = user("bob-projects", Role.UPLOADER);
        String project = "shared-name-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(upload(alice.token(), "a.mp4", clip("alice", 2), "project", project).statusCode()).isEqualTo(201);
        HttpResponse<String> bobs = upload(bob.token(), "b.mp4", clip("bob", 3), "project", project);
        assertThat(bobs.statusCode()).as(bobs.body()).isEqualTo(201);
        assertThat(bobs.body()).doesNotContain("another owner").doesNotContain(alice.name());
        assertThat(jdbc.sql("SELECT owner FROM projects WHERE name = :n ORDER BY owner").param("n", project)
                .query(String.class).list()).containsExactly(alice.name(), bob.name());
        assertThat(body(get("/api/videos?project=" + project, bob.token())).get("items")).hasSize(1);

        // health says UP to anyone; what it checks, and the disk paths, only to an administrator
        User uploader = user("health", Role.UPLOADER);
        JsonNode anonymous = json.readTree(health(null).body());
        assertThat(anonymous.get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(health(null).body()).doesNotContain(HOME.toString());
        assertThat(json.readTree(health(uploader.token()).body()).has("components")).isFalse();
        JsonNode forAdmin = json.readTree(health(admin.token()).body());
        assertThat(forAdmin.get("components").has("diskSpace")).isTrue();
    }

    @Test
    void titlesWithInvisibleCharactersAreRefusedOrCleaned() throws IOException {
        User uploader = user("titles", Role.UPLOADER);
        long before = jdbc.sql("SELECT count(*) FROM videos WHERE owner = :o").param("o", uploader.name())
                .query(Long.class).single();

        // "Morning news" read right to left by an override, and a title with a zero-width space in it
        for (String title : new String[] {"\u202Eswen gninroM", "Morning\u200B news", "Evening\u2066 news\u2069"}) {
            HttpResponse<String> registered = post("/api/videos", uploader.token(),
                    "{\"source\":\"https://media.example/clip.mp4\",\"title\":\"" + title + "\"}");
            assertThat(registered.statusCode()).as(title).isEqualTo(400);
            assertThat(registered.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(registered).get("errors").get(0).get("field").asString()).isEqualTo("title");

            HttpResponse<String> uploaded = upload(uploader.token(), "clip.mp4", clip("title", 4), "title", title);
            assertThat(uploaded.statusCode()).as(title).isEqualTo(400);
            assertThat(body(uploaded).get("errors").get(0).get("field").asString()).isEqualTo("title");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM videos WHERE owner = :o").param("o", uploader.name())
                .query(Long.class).single()).isEqualTo(before);

        // a title made from the file's name loses them instead
        HttpResponse<String> named = upload(uploader.token(), "\u202Egnp\u200B.exe.mp4", clip("title", 5));
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        assertThat(body(named).get("videos").get(0).get("title").asString()).isEqualTo("gnp.exe");
    }

    @Test
    void onlyTheClaimHolderDecidesAndHeadOnMediaAnswersLikeGet() throws IOException {
        User operator = user("claims", Role.OPERATOR);
        String project = "claims-" + operator.name();
        long projectId = project(project, operator);
        Path file = clips("claims-" + operator.name(), 1, "hello").resolve("claims-" + operator.name() + "-0.mp4");
        long video = jdbc.sql("""
                        INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, owner, status)
                        VALUES (:p, 'claimed', 's', :path, lpad('d', 64, 'd'), 1, :o, 'DONE') RETURNING id""")
                .param("p", projectId).param("path", file.toString()).param("o", operator.name())
                .query(Long.class).single();
        long item = jdbc.sql("""
                        INSERT INTO review_items (video_id, project_id, pack_name, rule_id, start_ms, end_ms,
                                                  pack_version, severity, evidence, state)
                        VALUES (:v, :p, 'pack', 'rule', 0, 1, 1, 'high', 'e', 'OPEN') RETURNING id""")
                .param("v", video).param("p", projectId).query(Long.class).single();

        // the README says only the claim holder decides: an item nobody claimed is no exception
        HttpResponse<String> unclaimed = post("/api/review/items/" + item + "/decision", operator.token(),
                "{\"decision\":\"REJECT\",\"comment\":\"never claimed\"}");
        assertThat(unclaimed.statusCode()).isEqualTo(409);
        assertThat(body(unclaimed).get("type").asString()).isEqualTo("urn:problem:compliance-runner:review-item-not-claimed");
        assertThat(jdbc.sql("SELECT state FROM review_items WHERE id = :id").param("id", item).query(String.class)
                .single()).isEqualTo("OPEN");
        HttpResponse<String> claim = post("/api/review/claims", operator.token(), "{\"project\":\"" + project + "\"}");
        assertThat(body(claim).get("id").asLong()).isEqualTo(item);
        HttpResponse<String> decided = post("/api/review/items/" + item + "/decision", operator.token(),
                "{\"decision\":\"REJECT\",\"comment\":\"claimed first\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/api/videos/" + video + "/media"))
                .header("Authorization", "Bearer " + operator.token()).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(Files.size(file));
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(head.body()).isEmpty();
        HttpResponse<String> viaQuery = send(HttpRequest.newBuilder(uri("/api/videos/" + video + "/media?access_token="
                + operator.token())).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(viaQuery.statusCode()).isEqualTo(200);
        HttpResponse<String> stranger = send(HttpRequest.newBuilder(uri("/api/videos/" + video + "/media"))
                .header("Authorization", "Bearer " + user("head-other", Role.OPERATOR).token())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(stranger.statusCode()).isEqualTo(404);
    }

    /** A small clip, different for each variant, as bytes to upload. */
    private static byte[] clip(String name, int variant) throws IOException {
        Path file = Files.createTempFile(HOME, name, ".mp4");
        SampleMedia.writeClip(file, 1, 64, 36, variant);
        return Files.readAllBytes(file);
    }

    /** An MP4 that is also an HTML page: the page tells on itself if a browser ever runs it. */
    static byte[] polyglot(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(clip(name, 7));
        out.write("<html><body><script>document.title = 'XSS'; window.ran = true;</script></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private String mediaPathOf(long video) {
        return jdbc.sql("SELECT media_path FROM videos WHERE id = :id").param("id", video).query(String.class).single();
    }

    private HttpResponse<String> health(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/health")).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
