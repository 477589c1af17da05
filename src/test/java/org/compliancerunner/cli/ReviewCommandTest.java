package org.compliancerunner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compliancerunner.review.ReviewScene.trigger;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.compliancerunner.policy.Severity;
import org.compliancerunner.review.ReviewScene;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.IFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ReviewCommandTest extends IntegrationTest {

    private ReviewScene scene;
    private long video;

    @BeforeEach
    void scene() {
        scene = new ReviewScene(context);
        video = scene.video("ad-spot");
        scene.rewrite(video, 2, trigger("claims.guarantee", 5185, Severity.MEDIUM, "\"…guaranteed returns…\""));
    }

    private CliDriver.Result review(String... args) {
        return run(context, new ReviewCommand(), args);
    }

    /** A command as the entry point runs it, before it is registered under compliance-runner. */
    static CliDriver.Result run(ApplicationContext context, Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = CommandLineEntry.commandLine(command, context.getBean(IFactory.class))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliDriver.Result(exitCode, out.toString(), err.toString());
    }

    @Test
    void nextClaimsAndShowsTheItemWithItsTimeRangeAndLease() {
        var result = review("next", "--project", scene.project, "--operator", "alice");

        assertThat(result.exitCode()).isZero();
        long id = scene.item(video, "claims.guarantee", 5185).id();
        assertThat(result.out()).contains("Review item " + id + "  medium  claims.guarantee")
                .contains("video     #" + video + " ad-spot (project " + scene.project + ")")
                .contains("time      00:00:05.185–00:00:06.685")
                .contains("rule      claims.guarantee, severity medium  [broadcast-default v2]")
                .contains("evidence  \"…guaranteed returns…\"")
                .containsPattern("lease until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .+ \\(claimed by alice\\)");
        assertThat(scene.item(video, "claims.guarantee", 5185).claimedBy()).isEqualTo("alice");

        var empty = review("next", "--project", scene.project, "--operator", "bob");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out().trim()).isEqualTo("Nothing to review that matches the filter.");
    }

    @Test
    void nextJsonIsOneObjectAndTheOperatorDefaultsToTheUser() {
        var result = review("next", "--project", scene.project, "--severity", "MEDIUM", "--rule", "claims.guarantee", "--json");

        assertThat(result.exitCode()).isZero();
        Map<String, Object> item = JsonMapper.builder().build().readValue(result.out(), new TypeReference<>() { });
        assertThat(item).containsEntry("videoId", (int) video).containsEntry("videoTitle", "ad-spot")
                .containsEntry("ruleId", "claims.guarantee").containsEntry("severity", "medium")
                .containsEntry("startMs", 5185).containsEntry("endMs", 6685).containsEntry("state", "OPEN")
                .containsEntry("claimedBy", System.getProperty("user.name"));
        assertThat((String) item.get("leaseUntil")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(review("next", "--project", scene.project, "--json").out()).isEmpty();
    }

    @Test
    void decidingAnItemHeldBySomeoneElseFailsWithExitOneAndTheHolderDecides() {
        review("next", "--project", scene.project, "--operator", "alice");
        long id = scene.item(video, "claims.guarantee", 5185).id();

        var refused = review("reject", String.valueOf(id), "--comment", "fine", "--operator", "bob");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error: review item " + id + " is claimed by alice until");
        assertThat(refused.out()).isEmpty();

        var confirmed = review("confirm", String.valueOf(id), "--comment", "a promise of returns", "--operator", "alice");
        assertThat(confirmed.exitCode()).isZero();
        assertThat(confirmed.out()).isEqualTo("Review item " + id + " CONFIRMED by alice.\n"
                + "Video #" + video + " ad-spot: every finding decided, verdict NEEDS_EDIT\n");

        var again = review("escalate", String.valueOf(id), "--comment", "hm", "--operator", "alice");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("was already CONFIRMED by alice");

        var listed = review("list", "--state", "confirmed", "--project", scene.project);
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).startsWith(id + " ").contains("CONFIRMED").contains("00:00:05.185–00:00:06.685");
    }

    @Test
    void escalateThenAnotherOperatorDecidesWithJsonOutput() {
        long id = scene.item(video, "claims.guarantee", 5185).id();
        var escalated = review("escalate", String.valueOf(id), "--comment", "ask legal", "--operator", "alice", "--json");
        assertThat(escalated.exitCode()).isZero();
        assertThat(escalated.out().trim()).isEqualTo("{\"id\":" + id + ",\"state\":\"ESCALATED\",\"decidedBy\":\"alice\","
                + "\"videoId\":" + video + ",\"verdict\":null}");

        var rejected = review("reject", String.valueOf(id), "--comment", "legal says fine", "--operator", "senior", "--json");
        assertThat(rejected.exitCode()).isZero();
        assertThat(rejected.out()).contains("\"state\":\"REJECTED\"").contains("\"verdict\":\"APPROVED\"");
    }

    @Test
    void unknownItemsAndUsageErrorsHaveTheirExitCodes() {
        var unknown = review("confirm", "987654321", "--comment", "x");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().trim()).isEqualTo("error: no review item 987654321; list the open ones with: review list --state OPEN");

        assertThat(review("confirm", "1").exitCode()).isEqualTo(2);
        assertThat(review("confirm", "1").err()).contains("Missing required option: '--comment=TEXT'");
        var badSeverity = review("next", "--severity", "urgent");
        assertThat(badSeverity.exitCode()).isEqualTo(2);
        assertThat(badSeverity.err()).contains("'urgent' is not a severity");
        assertThat(review().exitCode()).isEqualTo(2);
        assertThat(scene.item(video, "claims.guarantee", 5185).claimedBy()).isNull();
    }
}
