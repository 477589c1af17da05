package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.compliancerunner.security.Role;
import org.compliancerunner.support.CatalogRows;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiVideosTest extends ApiTest {

    private static final Path UPLOADS = HOME.resolve("uploads");

    @Test
    void aPathUnderTheMediaRootsRegistersAndItsDetailHasEverySection() {
        // registering a path on the server is an administrator's
        User uploader = user("register", Role.ADMIN);
        Path clip = clips("register-" + uploader.name(), 1, "hello").resolve("register-" + uploader.name() + "-0.mp4");

        HttpResponse<String> response = post("/api/videos", uploader.token(),
                "{\"source\":\"" + clip + "\",\"title\":\"Morning show\",\"project\":\"news-" + uploader.name() + "\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        JsonNode video = body(response).get("videos").get(0);
        assertThat(video.get("outcome").asString()).isEqualTo("REGISTERED");
        assertThat(location).isEqualTo("/api/videos/" + video.get("id").asLong());
        JsonNode detail = body(get(location, uploader.token()));
        assertThat(detail.get("video").get("title").asString()).isEqualTo("Morning show");
        assertThat(detail.get("video").get("owner").asString()).isEqualTo(uploader.name());
        assertThat(detail.get("video").get("status").asString()).isEqualTo("PENDING");
        assertThat(detail.has("measurements")).isTrue();
        assertThat(detail.get("triggers").isArray()).isTrue();
        assertThat(detail.get("transcript").isArray()).isTrue();
        // the same content again is not a second video
        HttpResponse<String> again = post("/api/videos", uploader.token(),
                "{\"source\":\"" + clip + "\",\"project\":\"news-" + uploader.name() + "\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).get("videos").get(0).get("outcome").asString()).isEqualTo("ALREADY_REGISTERED");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        User uploader = user("invalid", Role.UPLOADER);

        HttpResponse<String> shortTitle = post("/api/videos", uploader.token(), "{\"source\":\"/x.mp4\",\"title\":\"ab\"}");
        assertThat(shortTitle.statusCode()).isEqualTo(400);
        assertThat(shortTitle.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(shortTitle).get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(body(shortTitle).get("detail").asString()).contains("title");

        HttpResponse<String> noSource = post("/api/videos", uploader.token(), "{\"title\":\"fine title\"}");
        assertThat(body(noSource).get("errors").get(0).get("field").asString()).isEqualTo("source");

        HttpResponse<String> badLimit = get("/api/videos?limit=0", uploader.token());
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(body(badLimit).get("errors").get(0).get("field").asString()).isEqualTo("limit");

        HttpResponse<String> badStatus = get("/api/videos?status=SOMETIMES", uploader.token());
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(body(badStatus).get("detail").asString()).contains("status");

        HttpResponse<String> outside = post("/api/videos", user("invalid-admin", Role.ADMIN).token(),
                "{\"source\":\"/etc/hostname\"}");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(body(outside).get("field").asString()).isEqualTo("source");
        assertThat(body(outside).get("detail").asString()).contains("not allowed or not found");
    }

    @Test
    void aUriToThisMachineOrItsNetworkIsRefusedBeforeAnythingIsFetched() {
        User uploader = user("ssrf", Role.UPLOADER);

        for (String uri : List.of("http://127.0.0.1:" + port + "/api-docs", "http://localhost/x.mp4",
                "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/x.mp4", "http://[::1]/x.mp4")) {
            HttpResponse<String> response = post("/api/videos", uploader.token(), "{\"source\":\"" + uri + "\"}");
            assertThat(response.statusCode()).as(uri).isEqualTo(400);
            assertThat(body(response).get("detail").asString()).as(uri)
                    .contains("loopback, link-local or private address").contains("compliance.media.allow-private-addresses");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM videos WHERE owner = :o").param("o", uploader.name())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anUploadIsStoredAndRegisteredAndTheTitleComesFromTheFileName() throws IOException {
        User uploader = user("upload", Role.UPLOADER);
        byte[] clip = Files.readAllBytes(clips("upload-" + uploader.name(), 1, "hello").resolve("upload-" + uploader.name() + "-0.mp4"));

        HttpResponse<String> response = upload(uploader.token(), "evening news.mp4", clip, "project", "up-" + uploader.name());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode video = body(response).get("videos").get(0);
        assertThat(video.get("title").asString()).isEqualTo("evening news");
        assertThat(video.get("input").asString()).isEqualTo("evening news.mp4");
        // where the server keeps it is not the uploader's business
        JsonNode detail = body(get("/api/videos/" + video.get("id").asLong(), uploader.token())).get("video");
        assertThat(detail.has("mediaPath")).isFalse();
        assertThat(detail.get("source").asString()).isEqualTo("evening news.mp4");
        String mediaPath = jdbc.sql("SELECT media_path FROM videos WHERE id = :id").param("id", video.get("id").asLong())
                .query(String.class).single();
        assertThat(Path.of(mediaPath)).startsWith(UPLOADS).exists();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void anUploadOverTheLimitIs413AndLeavesNoFileBehind() throws IOException {
        User uploader = user("big", Role.UPLOADER);
        List<Path> before = uploadedFiles();
        byte[] tooBig = new byte[1536 * 1024];
        new Random(7).nextBytes(tooBig);

        HttpResponse<String> response = upload(uploader.token(), "huge.mp4", tooBig);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(uploadedFiles()).isEqualTo(before);
    }

    @Test
    void anUploadThatIsNotMediaIs415AndIsNotKept() throws IOException {
        User uploader = user("text", Role.UPLOADER);
        List<Path> before = uploadedFiles();

        HttpResponse<String> response = upload(uploader.token(), "notes.mp4", "just some words\n".repeat(100).getBytes());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(body(response).get("detail").asString()).contains("notes.mp4").contains("not a media file");
        assertThat(uploadedFiles()).isEqualTo(before);
    }

    @Test
    void keysetPagesWalkEveryVideoOnceNewestFirstWithFilters() {
        User uploader = user("pages", Role.UPLOADER);
        String project = "pages-" + uploader.name();
        long projectId = project(project, uploader);
        for (int i = 0; i < 7; i++) {
            CatalogRows.video(jdbc, projectId, "video " + i, uploader.name(), i % 2 == 0 ? "DONE" : "PENDING");
        }

        List<Long> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = body(get("/api/videos?project=" + project + "&status=DONE&limit=2" + cursor, uploader.token()));
            page.get("items").forEach(v -> {
                assertThat(v.get("status").asString()).isEqualTo("DONE");
                seen.add(v.get("id").asLong());
            });
            cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + page.get("nextCursor").asLong();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).hasSize(4).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void projectsCountTheirCurrentFindingsAndLabels() {
        User uploader = user("counts", Role.UPLOADER);
        String project = "counts-" + uploader.name();
        long projectId = project(project, uploader);
        long videoId = jdbc.sql("""
                        INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, owner, status,
                                            pack_name, pack_version)
                        VALUES (:p, 'v', 's', '/m', lpad('c', 64, 'c'), 1, :o, 'DONE', 'pack', 2) RETURNING id""")
                .param("p", projectId).param("o", uploader.name()).query(Long.class).single();
        for (int version : new int[] {1, 2, 2, 2}) {
            jdbc.sql("""
                            INSERT INTO triggers (video_id, pack_name, pack_version, rule_id, start_ms, end_ms, severity,
                                                  evidence, source)
                            VALUES (:v, 'pack', :version, 'rule', (SELECT count(*) FROM triggers), 1, 'high', 'e', 'speech')""")
                    .param("v", videoId).param("version", version).update();
        }
        for (String state : new String[] {"CONFIRMED", "REJECTED", "OPEN"}) {
            jdbc.sql("""
                            INSERT INTO review_items (video_id, project_id, pack_name, rule_id, start_ms, end_ms,
                                                      pack_version, severity, evidence, state)
                            VALUES (:v, :p, 'pack', :state, 0, 1, 2, 'high', 'e', :state)""")
                    .param("v", videoId).param("p", projectId).param("state", state).update();
        }

        JsonNode projects = body(get("/api/projects", uploader.token()));

        assertThat(projects).hasSize(1);
        assertThat(projects.get(0).get("name").asString()).isEqualTo(project);
        assertThat(projects.get(0).get("videoCount").asLong()).isEqualTo(1);
        assertThat(projects.get(0).get("triggerCount").asLong()).isEqualTo(3);
        assertThat(projects.get(0).get("labelCount").asLong()).isEqualTo(2);
    }

    @Test
    void anIngestOverTheOwnersQuotaIsAProblemNamingOwnerUsedAndQuota() throws IOException {
        // compliance.billing.owners.frugal.quota-minutes=1 in this context; each clip needs one minute
        User frugal = userNamed("frugal", Role.UPLOADER);
        Path dir = clips("quota", 2, "hello");

        HttpResponse<String> first = upload(frugal.token(), "quota-0.mp4", Files.readAllBytes(dir.resolve("quota-0.mp4")));
        HttpResponse<String> second = upload(frugal.token(), "quota-1.mp4", Files.readAllBytes(dir.resolve("quota-1.mp4")));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(403);
        JsonNode problem = body(second);
        assertThat(problem.get("type").asString()).isEqualTo("urn:problem:compliance-runner:quota-exceeded");
        assertThat(problem.get("owner").asString()).isEqualTo("frugal");
        assertThat(problem.get("quotaMinutes").asLong()).isEqualTo(1);
        assertThat(problem.get("usedMinutes").asLong() + problem.get("reservedMinutes").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM videos WHERE owner = 'frugal'").query(Long.class).single()).isEqualTo(1);
    }

    private static List<Path> uploadedFiles() throws IOException {
        if (!Files.exists(UPLOADS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(UPLOADS)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> partFiles() throws IOException {
        return uploadedFiles().stream().filter(p -> p.toString().endsWith(".part") || p.toString().contains(".incoming")).toList();
    }
}
