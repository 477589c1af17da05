package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.compliancerunner.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Tiny limits and a short period, so the limit and its reset both happen within the test. */
@TestPropertySource(properties = {"compliance.api.rate-limit.per-user=5", "compliance.api.rate-limit.uploads=2",
        "compliance.api.rate-limit.anonymous=50", "compliance.api.rate-limit.period=4s",
        "compliance.api.rate-limit.launches=2"})
class RateLimitTest extends ApiTest {

    @Test
    void theRequestAfterTheLimitIs429WithRetryAfterAndTheBucketRefillsAfterThePeriod() {
        User uploader = user("limited", Role.UPLOADER);

        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> response = get("/api/projects", uploader.token());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("5");
            assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(5 - i));
        }
        HttpResponse<String> refused = get("/api/projects", uploader.token());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 4L);
        assertThat(body(refused).get("type").asString()).isEqualTo("urn:problem:compliance-runner:rate-limited");
        // another user has a bucket of their own
        assertThat(get("/api/projects", user("unlimited", Role.UPLOADER).token()).statusCode()).isEqualTo(200);
        // the buckets are rows in PostgreSQL, which is what every replica counts against
        assertThat(jdbc.sql("SELECT count(*) FROM rate_limit_buckets WHERE id = :id")
                .param("id", "user:5/PT4S:" + uploader.name()).query(Long.class).single()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/projects", uploader.token()).statusCode() == 200);
    }

    @Test
    void uploadsHaveTheirOwnSmallerBucket() {
        User uploader = user("uploads", Role.ADMIN);

        assertThat(post("/api/videos", uploader.token(), "{\"source\":\"/nowhere-1.mp4\"}").statusCode()).isEqualTo(400);
        assertThat(post("/api/videos", uploader.token(), "{\"source\":\"/nowhere-2.mp4\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> third = post("/api/videos", uploader.token(), "{\"source\":\"/nowhere-3.mp4\"}");

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("RateLimit-Limit")).hasValue("2");
        assertThat(get("/api/projects", uploader.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void percentEncodedFormsOfTheUploadPathsCountAgainstTheUploadBucket() {
        // an administrator, who may register paths: each request reaches the controller and is counted
        User uploader = user("upload-encoded", Role.ADMIN);

        // each reaches the controller (400: no such file; 415: not multipart), so each was counted
        assertThat(post("/api/vide%6fs", uploader.token(), "{\"source\":\"/nowhere-1.mp4\"}").statusCode()).isEqualTo(400);
        assertThat(post("/api/videos/uploa%64", uploader.token(), "{}").statusCode()).isEqualTo(415);
        // three more: with the two above, as many as the user's own bucket of 5 holds
        assertEachRefusedByABucketOfTwo(List.of("/api/videos/uploa%64", "/api/%76ideos", "/api/videos/upload"),
                uploader.token(), "{\"source\":\"/nowhere-2.mp4\"}");
        // a form that Spring MVC and the matchers could read differently is refused outright, before it is counted
        HttpResponse<String> parameter = post("/api/videos;x=1/upload", uploader.token(), "{}");
        assertThat(parameter.statusCode()).isEqualTo(400);
        assertThat(body(parameter).get("type").asString()).isEqualTo("urn:problem:compliance-runner:invalid-path");
    }

    @Test
    void percentEncodedFormsOfTheLaunchPathsCountAgainstTheLaunchBucket() {
        User admin = user("launch-encoded", Role.ADMIN);

        // an unknown job type is refused by the controller after the launch was counted
        assertThat(post("/api/job%73", admin.token(), "{\"type\":\"NOPE\"}").statusCode()).isEqualTo(400);
        assertThat(post("/api/jobs/999999999/restar%74", admin.token(), "{}").statusCode()).isEqualTo(404);
        assertEachRefusedByABucketOfTwo(List.of("/api/job%73", "/api/%6aobs", "/api/jobs/999999999/restart"),
                admin.token(), "{\"type\":\"NOPE\"}");
    }

    @Test
    void anEncodedPathIsAuthorisedAndCountedAsThePathItRoutesTo() {
        User uploader = user("encoded-role", Role.UPLOADER);

        HttpResponse<String> launch = post("/api/job%73", uploader.token(), "{\"type\":\"SWEEP\"}");
        assertThat(launch.statusCode()).isEqualTo(403);
        HttpResponse<String> projects = get("/%61pi/projects", uploader.token());
        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(projects.headers().firstValue("RateLimit-Limit")).hasValue("5");
    }

    /** A POST of {@code body} to each path is refused with 429 by a bucket whose limit is 2. */
    private void assertEachRefusedByABucketOfTwo(List<String> paths, String token, String body) {
        for (String path : paths) {
            HttpResponse<String> refused = post(path, token, body);
            assertThat(refused.statusCode()).as(path).isEqualTo(429);
            assertThat(refused.headers().firstValue("RateLimit-Limit")).as(path).hasValue("2");
        }
    }
}
