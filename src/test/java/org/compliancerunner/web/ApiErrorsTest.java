package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.http.HttpServletResponse;
import org.compliancerunner.security.Role;
import org.compliancerunner.policy.Severity;
import org.compliancerunner.review.ReviewScene;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Every error is problem+json with a type, whatever raised it; a 500 says nothing about its cause. */
@Import(ApiErrorsTest.Failures.class)
class ApiErrorsTest extends ApiTest {

    private static final String SECRET = "jdbc:postgresql://secret-host/db password=hunter2";

    /** Endpoints that fail the ways a bug would. */
    @TestConfiguration
    @RestController
    static class Failures {

        @GetMapping("/api/test-failures/thrown")
        String thrown() {
            throw new IllegalStateException(SECRET);
        }

        @GetMapping("/api/test-failures/send-error")
        void sendError(HttpServletResponse response) throws IOException {
            response.sendError(503, SECRET);
        }
    }

    @Test
    void anUnexpectedFailureIsAProblemWithATypeAndNoDetailOfItsCause() {
        User user = user("failure", Role.UPLOADER);

        for (String path : new String[] {"/api/test-failures/thrown", "/api/test-failures/send-error"}) {
            HttpResponse<String> response = get(path, user.token());

            assertThat(response.statusCode()).as(path).isIn(500, 503);
            assertProblem(response, response.statusCode() == 500 ? "internal-error" : "service-unavailable");
            assertThat(response.body()).as(path).doesNotContain("hunter2").doesNotContain("secret-host")
                    .doesNotContain("IllegalStateException").doesNotContain("trace");
        }
    }

    @Test
    void aNulCharacterInATitleIsA400ProblemAndRegistersNothing() {
        User admin = user("nul-title", Role.ADMIN);
        String project = "nul-" + admin.name();
        var clips = clips("nul-" + admin.name(), 1, "hello");

        HttpResponse<String> response = post("/api/videos", admin.token(), "{\"source\":\"" + clips
                + "\",\"project\":\"" + project + "\",\"title\":\"evening\\u0000news\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(jdbc.sql("SELECT count(*) FROM videos v JOIN projects p ON p.id = v.project_id WHERE p.name = :p")
                .param("p", project).query(Long.class).single()).isZero();
        // a query parameter reaches the database just the same
        HttpResponse<String> query = get("/api/videos?project=a%00b", admin.token());
        assertThat(query.statusCode()).isEqualTo(400);
        assertProblem(query, "invalid-input");
    }

    @Test
    void aNulCharacterInADecisionCommentIsA400ProblemAndDecidesNothing() {
        User admin = user("nul-comment", Role.ADMIN);
        ReviewScene scene = new ReviewScene(context);
        long video = scene.video("nul comment");
        scene.rewrite(video, 1, ReviewScene.trigger("claims.guarantee", 0, Severity.HIGH, "guaranteed returns"));
        HttpResponse<String> claim = post("/api/review/claims", admin.token(), "{\"project\":\"" + scene.project + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        long item = body(claim).get("id").asLong();

        HttpResponse<String> response = post("/api/review/items/" + item + "/decision", admin.token(),
                "{\"decision\":\"CONFIRM\",\"comment\":\"looks\\u0000fine\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response, "invalid-input");
        JsonNode after = body(get("/api/review/items/" + item, admin.token()));
        assertThat(after.get("state").asString()).isNotEqualTo("CONFIRMED");
        assertThat(after.path("decidedBy").isNull() || after.path("decidedBy").isMissingNode()).as(after.toString()).isTrue();
    }

    @Test
    void pathsTheFirewallRefusesAreProblemsToo() {
        User user = user("paths", Role.UPLOADER);

        for (String path : new String[] {"//api/videos", "/api//videos", "/api/videos;jsessionid=x", "/api/videos/%2e%2e/jobs",
                "/api/videos%2F1", "/api/videos/%2E%2E/jobs"}) {
            HttpResponse<String> response = get(path, user.token());

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertProblem(response, "invalid-path");
        }
    }

    @Test
    void springsOwnRefusalsCarryATypeToo() {
        User user = user("spring-errors", Role.UPLOADER);

        HttpResponse<String> malformed = post("/api/videos", user.token(), "{\"source\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertProblem(malformed, "invalid-input");
        HttpResponse<String> tooBig = upload(user.token(), "big.mp4", new byte[1536 * 1024]);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertProblem(tooBig, "content-too-large");
        HttpResponse<String> wrongType = send(HttpRequest.newBuilder(uri("/api/videos"))
                .header("Authorization", "Bearer " + user.token()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertProblem(wrongType, "unsupported-media-type");
        HttpResponse<String> unknown = get("/api/no-such-thing", user.token());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown, "not-found");
    }

    private void assertProblem(HttpResponse<String> response, String type) {
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString())
                .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.get("type").asString()).as(response.body()).isEqualTo("urn:problem:compliance-runner:" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.has("error")).as("Boot's default error body").isFalse();
    }
}
