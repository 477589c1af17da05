package org.compliancerunner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compliancerunner.review.ReviewScene.trigger;

import org.compliancerunner.policy.Severity;
import org.compliancerunner.review.Decision;
import org.compliancerunner.review.ReviewItem;
import org.compliancerunner.review.ReviewQueue;
import org.compliancerunner.review.ReviewScene;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportCommandTest extends IntegrationTest {

    private String poor;
    private String good;

    @BeforeEach
    void labels() {
        ReviewScene scene = new ReviewScene(context);
        poor = scene.project + ".poor";
        good = scene.project + ".good,quoted";
        long video = scene.video("labels");
        scene.rewrite(video, 1, trigger(poor, 1000, Severity.HIGH, "a"), trigger(poor, 2000, Severity.HIGH, "b"),
                trigger(poor, 3000, Severity.HIGH, "c"), trigger(good, 4000, Severity.HIGH, "d"),
                trigger(good, 5000, Severity.HIGH, "e"));
        ReviewQueue queue = context.getBean(ReviewQueue.class);
        for (ReviewItem item : queue.list(null, scene.project, 10)) {
            boolean real = item.ruleId().equals(good) || item.startMs() == 1000;
            queue.decide(item.id(), "alice", real ? Decision.CONFIRM : Decision.REJECT, "label");
        }
    }

    private CliDriver.Result report(String... args) {
        return ReviewCommandTest.run(context, new ReportCommand(), args);
    }

    @Test
    void csvHasAHeaderAndOneRowPerRuleWorstFirst() {
        var result = report("precision", "--csv");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("rule_id,confirmed,rejected,precision\n");
        assertThat(result.out().lines().filter(line -> line.contains(poor) || line.contains(good.substring(0, 10))))
                .containsSubsequence(poor + ",1,2,0.3333", "\"" + good + "\",2,0,1.0000");
    }

    @Test
    void jsonIsOneObjectPerRule() {
        var result = report("precision", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).contains(
                "{\"ruleId\":\"" + poor + "\",\"confirmed\":1,\"rejected\":2,\"precision\":0.3333333333333333}",
                "{\"ruleId\":\"" + good + "\",\"confirmed\":2,\"rejected\":0,\"precision\":1.0}");
    }

    @Test
    void textIsATableAndJsonWithCsvIsAUsageError() {
        var result = report("precision");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith(String.format("%-30s %9s %9s %9s%n", "RULE", "CONFIRMED", "REJECTED", "PRECISION"))
                .containsPattern(poor.replace(".", "\\.") + " +1 +2 +0\\.333");

        var both = report("precision", "--json", "--csv");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }
}
