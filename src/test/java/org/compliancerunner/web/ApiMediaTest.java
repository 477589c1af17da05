package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.compliancerunner.security.Role;
import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.policy.RulePacks;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The media endpoint players seek in, and the rule-pack versions the console draws limits from. */
class ApiMediaTest extends ApiTest {

    @Test
    void aRangeOfTheOwnersMediaComesBackAsPartialContentAndOtherOwnersGetNotFound() throws Exception {
        User owner = user("mia", Role.OPERATOR);
        User stranger = user("sam", Role.OPERATOR);
        Path file = Fixtures.require("video/autocut_test001.mp4");
        long video = registered("media-" + System.nanoTime(), owner.name(), file);
        byte[] bytes = Files.readAllBytes(file);

        HttpResponse<byte[]> part = bytes("/api/videos/" + video + "/media", owner.token(), "bytes=1000-1099");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 1000-1099/" + bytes.length);
        assertThat(part.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 1100));

        HttpResponse<byte[]> whole = bytes("/api/videos/" + video + "/media", owner.token(), null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.body()).isEqualTo(bytes);

        // existence does not leak to another owner
        assertThat(bytes("/api/videos/" + video + "/media", stranger.token(), "bytes=0-9").statusCode()).isEqualTo(404);
        assertThat(bytes("/api/videos/" + video + "/media", null, "bytes=0-9").statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenMayComeAsAQueryParameterForMediaOnly() throws Exception {
        User owner = user("qin", Role.OPERATOR);
        long video = registered("query-" + System.nanoTime(), owner.name(), Fixtures.require("video/autocut_test001.mp4"));

        assertThat(bytes("/api/videos/" + video + "/media?access_token=" + owner.token(), null, "bytes=0-9").statusCode())
                .isEqualTo(206);
        // anywhere else a token in the address (and so in logs and histories) is refused
        assertThat(get("/api/videos/" + video + "?access_token=" + owner.token(), null).statusCode()).isEqualTo(401);
        assertThat(bytes("/api/videos/" + video + "/media?access_token=not-a-token", null, "bytes=0-9").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aStoredPackVersionComesWithItsRulesAndTheirKinds() throws Exception {
        User reader = user("rita", Role.UPLOADER);
        Path pack = Files.writeString(HOME.resolve("media").resolve("pack-" + System.nanoTime() + ".yaml"), """
                pack: api-pack
                version: 3
                rules:
                  - {id: audio.loudness, kind: loudness, severity: medium, target: -23, tolerance: 1}
                  - {id: lang.words, kind: phrase, severity: high, phrases: ["free money"]}
                """);
        RulePacks packs = context.getBean(RulePacks.class);
        packs.register(packs.parse(pack));

        HttpResponse<String> response = get("/api/rule-packs/api-pack/3", reader.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("version").asInt()).isEqualTo(3);
        JsonNode loudness = body.get("rules").get(0);
        assertThat(loudness.get("kind").asString()).isEqualTo("loudness");
        assertThat(loudness.get("target").asDouble()).isEqualTo(-23.0);
        assertThat(loudness.get("tolerance").asDouble()).isEqualTo(1.0);
        assertThat(body.get("rules").get(1).get("kind").asString()).isEqualTo("phrase");

        HttpResponse<String> missing = get("/api/rule-packs/api-pack/4", reader.token());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private long registered(String project, String owner, Path file) throws IOException {
        CliDriver.Result ingest = cli.run("ingest", file.toString(), "--project", project, "--json");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        jdbc.sql("UPDATE projects SET owner = :owner WHERE name = :project").param("owner", owner)
                .param("project", project).update();
        return json.readTree(ingest.out().lines().findFirst().orElseThrow()).get("id").asLong();
    }

    private HttpResponse<byte[]> bytes(String path, String token, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
