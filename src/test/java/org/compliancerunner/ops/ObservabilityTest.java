package org.compliancerunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.compliancerunner.account.Accounts;
import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.demo.SampleMedia.Cue;
import org.compliancerunner.security.Role;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real sweep in a process running as a worker (servlet stack, management port), then what operations see of it:
 * the Prometheus scrape has every metric the shipped Grafana dashboard queries, the health groups answer, and the
 * logs are JSON lines carrying the job execution, the step and the video.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "compliance.cli.enabled=false", "compliance.speech.engine=captions", "compliance.role=worker",
        "spring.main.web-application-type=servlet", "management.server.port=0"})
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // no other test shares this context: its server and connection pool go when the class is done
class ObservabilityTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DASHBOARD = Path.of("docker/grafana/dashboards/compliance-runner.json");

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int serverPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSweepIsVisibleInMetricsHealthAndLogs(CapturedOutput output) throws Exception {
        Path work = Files.createDirectories(HOME.resolve("media/observability"));
        for (int i = 0; i < 3; i++) {
            SampleMedia.writeClip(work.resolve("clip-" + i + ".mp4"), 1.0, 64, 36, 200 + i);
            SampleMedia.writeCaptions(work.resolve("clip-" + i + ".srt"), List.of(new Cue(100, 900, "this is for testing")));
        }
        SampleMedia.writeTruncated(work.resolve("clip-0.mp4"), work.resolve("cut.mp4"), 0.4);
        Path rules = Files.writeString(HOME.resolve("observability-rules.yaml"), """
                pack: observability
                version: 1
                rules:
                  - {id: test.for-testing, kind: phrase, severity: high, phrases: ["for testing"]}
                """);
        assertThat(cli.run("ingest", work.toString(), "--project", "observability").exitCode()).isZero();

        JsonNode summary = completedSweep("--project", "observability", "--rules", rules.toString());

        assertThat(summary.get("videos").get("done").asInt()).isEqualTo(3);
        assertThat(summary.get("videos").get("failed").asInt()).isEqualTo(1);
        long jobExecutionId = summary.get("jobExecutionId").asLong();

        String scrape = get("/actuator/prometheus");
        PrometheusScrape metrics = new PrometheusScrape(scrape);
        Set<String> queried = PromQl.metricNames(Dashboard.queries(DASHBOARD));
        assertThat(queried).as("metrics the dashboard queries")
                .contains("compliance_videos_processed_total", "compliance_video_processing_seconds_bucket",
                        "compliance_review_queue_depth", "compliance_triggers_total", "spring_batch_job_seconds_count");
        assertThat(queried).allSatisfy(name -> assertThat(metrics.names()).as("exported metrics").contains(name));

        assertThat(metrics.value("compliance_videos_processed_total", "status", "DONE")).isEqualTo(3.0);
        assertThat(metrics.value("compliance_videos_processed_total", "status", "FAILED")).isEqualTo(1.0);
        assertThat(metrics.value("compliance_triggers_total", "rule", "test.for-testing")).isEqualTo(3.0);
        assertThat(metrics.value("compliance_review_queue_depth", "state", "OPEN")).isEqualTo(3.0);
        assertThat(metrics.value("compliance_active_processing_tasks", null, null)).isZero();
        assertThat(metrics.value("compliance_video_processing_seconds_count", "stage", "total")).isEqualTo(4.0);
        assertThat(metrics.value("compliance_video_processing_seconds_count", "stage", "judge")).isEqualTo(3.0);
        assertThat(scrape).containsPattern("compliance_video_processing_seconds_bucket\\{[^}]*le=\"[^\"]+\"")
                .containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"analyze-worker")
                // the labels the dashboard groups Spring Batch's timers by
                .containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"sweep\"")
                .containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_status=\"COMPLETED\"");

        // what health checks is for administrators; everyone else sees the status alone
        assertThat(JSON.readTree(get("/actuator/health/readiness", null)).has("components")).isFalse();
        JsonNode readiness = JSON.readTree(get("/actuator/health/readiness", adminToken()));
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").propertyNames()).contains("db", "diskSpace", "speech", "readinessState")
                .doesNotContain("rabbit");
        assertThat(JSON.readTree(get("/actuator/health/liveness")).get("status").asString()).isEqualTo("UP");

        List<JsonNode> videoLines = output.getErr().lines().filter(line -> line.startsWith("{"))
                .map(JSON::readTree).filter(line -> line.has("videoId")).toList();
        assertThat(videoLines).as("JSON log lines about single videos in:%n%s", output.getErr()).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(line -> {
                    assertThat(line.get("jobExecutionId").asString()).isEqualTo(String.valueOf(jobExecutionId));
                    assertThat(line.get("step").asString()).startsWith("analyze-worker");
                    assertThat(line.has("@timestamp")).isTrue();
                });
        assertThat(videoLines).anySatisfy(line -> assertThat(line.get("message").asString()).contains("Could not check", "cut.mp4"));
    }

    private String get(String path) throws Exception {
        return get(path, null);
    }

    private String get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private String adminToken() throws Exception {
        context.getBean(Accounts.class).save("observer", Role.ADMIN, "observer's password");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + serverPort + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"observer\",\"password\":\"observer's password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }
}
