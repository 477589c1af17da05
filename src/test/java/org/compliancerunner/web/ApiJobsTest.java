package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.compliancerunner.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiJobsTest extends ApiTest {

    @Test
    void aSweepLaunchedOverHttpStreamsItsProgressAndItsFindingsAreReviewedOverHttp() {
        User admin = user("jobs-admin", Role.ADMIN);
        User operator = user("jobs-op", Role.OPERATOR);
        User otherOperator = user("jobs-op2", Role.OPERATOR);
        String project = "sweep-" + operator.name();
        Path dir = clips("sweep-" + operator.name(), 4, "this is a miracle cure");
        // the operator owns the project, so it is theirs to review
        HttpResponse<String> registered = post("/api/videos", admin.token(),
                "{\"source\":\"" + dir + "\",\"project\":\"" + project + "\"}");
        assertThat(registered.statusCode()).isEqualTo(201);
        jdbc.sql("UPDATE projects SET owner = :o WHERE name = :p").param("o", operator.name()).param("p", project).update();
        jdbc.sql("UPDATE videos SET owner = :o WHERE project_id = (SELECT id FROM projects WHERE name = :p)")
                .param("o", operator.name()).param("p", project).update();

        HttpResponse<String> launched = post("/api/jobs", admin.token(),
                "{\"type\":\"SWEEP\",\"project\":\"" + project + "\",\"partitions\":1}");

        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
        String location = launched.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/jobs/\\d+");
        List<JsonNode> events = events(location + "/events", admin.token());
        // the stream opens while the sweep runs, so it tells at least where it stood then, and then how it ended
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("stage").asString()).isEqualTo("COMPLETED");
        assertThat(last.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(last.get("finished").asBoolean()).isTrue();
        List<Double> progress = events.stream().map(e -> e.get("progress").asDouble()).toList();
        assertThat(progress).isSorted();
        events.subList(0, events.size() - 1).forEach(e -> {
            assertThat(e.get("stage").asString()).isIn("STARTING", "STARTED", "claim", "analyze", "report");
            assertThat(e.get("finished").asBoolean()).isFalse();
        });

        JsonNode detail = body(get(location, admin.token()));
        assertThat(detail.get("job").get("status").asString()).isEqualTo("COMPLETED");
        List<String> steps = new ArrayList<>();
        detail.get("steps").forEach(s -> steps.add(s.get("name").asString()));
        assertThat(steps).contains("claim", "analyze", "report");
        assertThat(detail.get("videoCounts").get("DONE").asInt()).isEqualTo(4);
        assertThat(detail.get("videos")).hasSize(4);
        detail.get("videos").forEach(v -> assertThat(v.get("status").asString()).isEqualTo("DONE"));
        assertThat(body(get("/api/jobs", admin.token())).toString()).contains("\"id\":" + detail.get("job").get("id").asLong());

        // a finished video's stream says so at once and ends
        long videoId = detail.get("videos").get(0).get("id").asLong();
        List<JsonNode> videoEvents = events("/api/videos/" + videoId + "/events", operator.token());
        assertThat(videoEvents).hasSize(1);
        assertThat(videoEvents.get(0).get("stage").asString()).isEqualTo("DONE");

        JsonNode findings = body(get("/api/triggers?rule=claims.health&project=" + project, operator.token()));
        assertThat(findings).hasSize(4);
        assertThat(body(get("/api/triggers?rule=claims.health&project=" + project, otherOperator.token()))).isEmpty();

        // the review queue: another operator sees none of these; the owner claims, and only the claimer decides
        assertThat(post("/api/review/claims", otherOperator.token(), "{\"project\":\"" + project + "\"}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> claim = post("/api/review/claims", operator.token(),
                "{\"project\":\"" + project + "\",\"rule\":\"claims.health\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        long itemId = body(claim).get("id").asLong();
        assertThat(body(claim).get("claimedBy").asString()).isEqualTo(operator.name());
        assertThat(body(claim).get("evidence").asString()).containsIgnoringCase("miracle cure");
        assertThat(get("/api/review/items/" + itemId, otherOperator.token()).statusCode()).isEqualTo(404);
        HttpResponse<String> notHolder = post("/api/review/items/" + itemId + "/decision", admin.token(),
                "{\"decision\":\"REJECT\",\"comment\":\"not mine to judge\"}");
        assertThat(notHolder.statusCode()).isEqualTo(409);
        assertThat(body(notHolder).get("detail").asString()).contains(operator.name());

        HttpResponse<String> decided = post("/api/review/items/" + itemId + "/decision", operator.token(),
                "{\"decision\":\"CONFIRM\",\"comment\":\"a health claim\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(body(decided).get("item").get("state").asString()).isEqualTo("CONFIRMED");
        JsonNode item = body(get("/api/review/items/" + itemId, operator.token()));
        assertThat(item.get("decidedBy").asString()).isEqualTo(operator.name());
        assertThat(item.get("comment").asString()).isEqualTo("a health claim");
        assertThat(post("/api/review/items/" + itemId + "/decision", operator.token(), "{\"decision\":\"REJECT\"}")
                .statusCode()).isEqualTo(409);
        HttpResponse<String> badDecision = post("/api/review/items/" + itemId + "/decision", operator.token(),
                "{\"decision\":\"MAYBE\"}");
        assertThat(badDecision.statusCode()).isEqualTo(400);
        JsonNode list = body(get("/api/review/items?state=CONFIRMED&project=" + project, operator.token()));
        assertThat(list.get("items")).hasSize(1);
        JsonNode projects = body(get("/api/projects", operator.token()));
        assertThat(projects.get(0).get("triggerCount").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(projects.get(0).get("labelCount").asLong()).isEqualTo(1);
    }

    @Test
    void aLaunchWithBadParametersIsAProblemNamingTheFieldAndStartsNothing() {
        User admin = user("launch-bad", Role.ADMIN);
        long before = jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single();

        HttpResponse<String> noType = post("/api/jobs", admin.token(), "{\"project\":\"x\"}");
        HttpResponse<String> partitions = post("/api/jobs", admin.token(), "{\"type\":\"SWEEP\",\"partitions\":0}");
        HttpResponse<String> noRules = post("/api/jobs", admin.token(), "{\"type\":\"REEVALUATE\"}");

        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(body(noType).get("errors").get(0).get("field").asString()).isEqualTo("type");
        assertThat(body(partitions).get("errors").get(0).get("field").asString()).isEqualTo("partitions");
        assertThat(body(noRules).get("field").asString()).isEqualTo("rules");
        assertThat(get("/api/jobs/999999", admin.token()).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single()).isEqualTo(before);
    }

    private List<JsonNode> events(String path, String token) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : eventLines(path, token)) {
            if (line.startsWith("data:")) {
                events.add(json.readTree(line.substring(5)));
            }
        }
        return events;
    }
}
