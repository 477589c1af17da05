package org.compliancerunner.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.compliancerunner.review.ReviewScene.trigger;
import static org.compliancerunner.policy.Severity.CRITICAL;
import static org.compliancerunner.policy.Severity.HIGH;
import static org.compliancerunner.policy.Severity.LOW;
import static org.compliancerunner.policy.Severity.MEDIUM;

import java.time.Duration;
import java.util.List;

import org.compliancerunner.policy.Severity;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReviewQueueTest extends IntegrationTest {

    @Autowired
    ReviewQueue queue;

    @Autowired
    ReviewAudit audit;

    @Autowired
    VideoVerdicts verdicts;

    @Autowired
    ReviewProperties properties;

    ReviewScene scene;

    @BeforeEach
    void scene() {
        scene = new ReviewScene(context);
    }

    @Test
    void defaultsAreMediumAndAboveWithAFifteenMinuteLease() {
        assertThat(properties.minSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(properties.lease()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void triggersOfMediumAndAboveBecomeOpenItemsAndASecondSyncChangesNothing() {
        long video = scene.video("ad");
        Trigger[] found = {trigger("lang.mild", 0, LOW, "darn"),
                trigger("claims.guarantee", 5000, MEDIUM, "guaranteed returns"),
                trigger("lang.profanity", 9000, HIGH, "damn")};
        int changed = scene.rewrite(video, 1, found);

        assertThat(changed).isEqualTo(2);
        var items = queue.list(null, scene.project, 100);
        assertThat(items).extracting(ReviewItem::ruleId).containsExactly("claims.guarantee", "lang.profanity");
        assertThat(items).allSatisfy(item -> assertThat(item.state()).isEqualTo(ReviewState.OPEN));
        assertThat(items.get(0).evidence()).isEqualTo("guaranteed returns");

        String before = jdbc.sql("SELECT string_agg(id || state || pack_version || updated_at, ',' ORDER BY id) FROM review_items "
                + "WHERE video_id = :v").param("v", video).query(String.class).single();
        assertThat(scene.rewrite(video, 1, found)).isZero();
        assertThat(jdbc.sql("SELECT string_agg(id || state || pack_version || updated_at, ',' ORDER BY id) FROM review_items "
                + "WHERE video_id = :v").param("v", video).query(String.class).single()).isEqualTo(before);
    }

    @Test
    void aDecisionOnAPersistingTriggerIsKeptAndAVanishedTriggerBecomesObsolete() {
        long video = scene.video("ad");
        scene.rewrite(video, 1, trigger("claims.guarantee", 5000, MEDIUM, "guaranteed returns"),
                trigger("lang.profanity", 9000, HIGH, "damn"));
        ReviewItem kept = scene.item(video, "claims.guarantee", 5000);
        ReviewItem vanishing = scene.item(video, "lang.profanity", 9000);
        queue.decide(kept.id(), "alice", Decision.CONFIRM, "a promise of returns");

        Trigger[] second = {trigger("claims.guarantee", 5000, MEDIUM, "guaranteed returns!"),
                trigger("disclaimer.financial", 20000, HIGH, "no capital-at-risk line")};
        scene.rewrite(video, 2, second);

        ReviewItem persisted = scene.item(video, "claims.guarantee", 5000);
        assertThat(persisted.id()).isEqualTo(kept.id());
        assertThat(persisted.state()).isEqualTo(ReviewState.CONFIRMED);
        assertThat(persisted.decidedBy()).isEqualTo("alice");
        assertThat(persisted.packVersion()).isEqualTo(2);
        assertThat(persisted.evidence()).isEqualTo("guaranteed returns!");

        ReviewItem obsolete = scene.item(video, "lang.profanity", 9000);
        assertThat(obsolete.id()).isEqualTo(vanishing.id());
        assertThat(obsolete.state()).isEqualTo(ReviewState.OBSOLETE);
        assertThat(audit.history(obsolete.id())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("OBSOLETE");
            assertThat(entry.stateBefore()).isEqualTo(ReviewState.OPEN);
            assertThat(entry.stateAfter()).isEqualTo(ReviewState.OBSOLETE);
            assertThat(entry.comment()).isEqualTo("no longer raised by broadcast-default v2");
        });
        assertThat(scene.item(video, "disclaimer.financial", 20000).state()).isEqualTo(ReviewState.OPEN);
        assertThat(scene.rewrite(video, 2, second)).isZero();

        assertThatThrownBy(() -> queue.decide(obsolete.id(), "bob", Decision.REJECT, "late"))
                .isInstanceOf(ItemDecidedException.class).hasMessageContaining("is obsolete");
    }

    @Test
    void aFindingThatComesBackGetsItsLastDecisionBackAndAnOlderVersionCannotUndoANewerOne() {
        long video = scene.video("ad");
        scene.rewrite(video, 1, trigger("lang.profanity", 9000, HIGH, "damn"));
        long id = scene.item(video, "lang.profanity", 9000).id();
        queue.decide(id, "alice", Decision.REJECT, "a place name");
        scene.rewrite(video, 2);
        assertThat(queue.find(id).orElseThrow().state()).isEqualTo(ReviewState.OBSOLETE);

        scene.rewrite(video, 3, trigger("lang.profanity", 9000, HIGH, "damn"));
        assertThat(queue.find(id).orElseThrow().state()).isEqualTo(ReviewState.REJECTED);
        assertThat(audit.history(id)).extracting(AuditEntry::action).containsExactly("REJECT", "OBSOLETE", "REOPEN");

        // a replay of version 2 after version 3 leaves version 3's judgement alone
        assertThat(scene.rewrite(video, 2)).isZero();
        assertThat(queue.find(id).orElseThrow().state()).isEqualTo(ReviewState.REJECTED);
    }

    @Test
    void aClaimedItemIsNotGivenToAnotherOperatorUntilItsLeaseRunsOut() {
        long video = scene.video("ad");
        scene.rewrite(video, 1, trigger("claims.guarantee", 5000, MEDIUM, "guaranteed returns"));

        ReviewItem claimed = queue.next("alice", scene.filter()).orElseThrow();
        assertThat(claimed.claimedBy()).isEqualTo("alice");
        assertThat(claimed.leaseUntil()).isNotNull();
        assertThat(queue.next("bob", scene.filter())).isEmpty();

        jdbc.sql("UPDATE review_items SET lease_until = now() - interval '1 second' WHERE id = :id")
                .param("id", claimed.id()).update();

        ReviewItem reclaimed = queue.next("bob", scene.filter()).orElseThrow();
        assertThat(reclaimed.id()).isEqualTo(claimed.id());
        assertThat(reclaimed.claimedBy()).isEqualTo("bob");
        assertThat(audit.history(claimed.id())).extracting(AuditEntry::actor).containsExactly("alice", "bob");
    }

    @Test
    void onlyTheLeaseHolderMayDecideAClaimedItem() {
        long video = scene.video("ad");
        scene.rewrite(video, 1, trigger("claims.guarantee", 5000, MEDIUM, "guaranteed returns"));
        ReviewItem claimed = queue.next("alice", scene.filter()).orElseThrow();

        assertThatThrownBy(() -> queue.decide(claimed.id(), "bob", Decision.REJECT, "fine"))
                .isInstanceOf(ItemHeldException.class)
                .hasMessageStartingWith("review item " + claimed.id() + " is claimed by alice until");
        assertThat(queue.find(claimed.id()).orElseThrow().state()).isEqualTo(ReviewState.OPEN);

        DecisionOutcome outcome = queue.decide(claimed.id(), "alice", Decision.CONFIRM, "a promise");
        assertThat(outcome.item().state()).isEqualTo(ReviewState.CONFIRMED);
        assertThat(outcome.item().claimedBy()).isNull();
        AuditEntry decided = audit.history(claimed.id()).get(1);
        assertThat(decided.actor()).isEqualTo("alice");
        assertThat(decided.action()).isEqualTo("CONFIRM");
        assertThat(decided.stateBefore()).isEqualTo(ReviewState.OPEN);
        assertThat(decided.stateAfter()).isEqualTo(ReviewState.CONFIRMED);
        assertThat(decided.comment()).isEqualTo("a promise");
        assertThat(decided.at()).isNotNull();
    }

    @Test
    void decisionsAreFinalExceptEscalationWhichAnyoneMayDecideAgain() {
        long video = scene.video("ad");
        scene.rewrite(video, 1, trigger("claims.guarantee", 5000, MEDIUM, "guaranteed returns"),
                trigger("lang.profanity", 9000, HIGH, "damn"));
        long confirmed = scene.item(video, "claims.guarantee", 5000).id();
        long escalated = scene.item(video, "lang.profanity", 9000).id();

        queue.decide(confirmed, "alice", Decision.CONFIRM, "real");
        assertThatThrownBy(() -> queue.decide(confirmed, "alice", Decision.REJECT, "changed my mind"))
                .isInstanceOf(ItemDecidedException.class)
                .hasMessageContaining("was already CONFIRMED by alice").hasMessageContaining("decisions are final");

        queue.decide(escalated, "alice", Decision.ESCALATE, "unsure: a quote?");
        assertThat(queue.next("senior", new ReviewFilter(scene.project, null, Severity.HIGH)))
                .get().extracting(ReviewItem::state).isEqualTo(ReviewState.ESCALATED);
        DecisionOutcome outcome = queue.decide(escalated, "senior", Decision.REJECT, "a quote, allowed");
        assertThat(outcome.item().state()).isEqualTo(ReviewState.REJECTED);
        assertThat(audit.history(escalated)).extracting(AuditEntry::action)
                .containsExactly("ESCALATE", "CLAIM", "REJECT");

        assertThatThrownBy(() -> queue.decide(Long.MAX_VALUE, "alice", Decision.CONFIRM, "?"))
                .isInstanceOf(UnknownItemException.class).hasMessageStartingWith("no review item " + Long.MAX_VALUE);
    }

    @Test
    void theQueueHandsOutTheWorstFindingsFirstAndHonoursTheFilter() {
        long video = scene.video("ad");
        scene.rewrite(video, 1, trigger("claims.guarantee", 1000, MEDIUM, "a"), trigger("picture.flash", 2000, CRITICAL, "b"),
                trigger("lang.profanity", 3000, HIGH, "c"));

        assertThat(queue.next("alice", new ReviewFilter(scene.project, "claims.guarantee", null)))
                .get().extracting(ReviewItem::ruleId).isEqualTo("claims.guarantee");
        assertThat(queue.next("alice", scene.filter())).get().extracting(ReviewItem::ruleId).isEqualTo("picture.flash");
        assertThat(queue.next("alice", new ReviewFilter(scene.project, null, CRITICAL))).isEmpty();
        assertThat(queue.next("alice", scene.filter())).get().extracting(ReviewItem::ruleId).isEqualTo("lang.profanity");
    }

    @Test
    void aVideoGetsItsVerdictWhenEveryLiveItemIsConfirmedOrRejected() {
        long approved = scene.video("all rejected");
        scene.rewrite(approved, 1, trigger("claims.guarantee", 1000, MEDIUM, "a"), trigger("lang.profanity", 2000, HIGH, "b"));
        decideAll(approved, Decision.REJECT);
        assertThat(verdicts.of(approved)).contains(Verdict.APPROVED);

        long rejected = scene.video("serious finding");
        scene.rewrite(rejected, 1, trigger("claims.guarantee", 1000, MEDIUM, "a"), trigger("lang.profanity", 2000, HIGH, "b"));
        queue.decide(scene.item(rejected, "claims.guarantee", 1000).id(), "alice", Decision.REJECT, "ok");
        assertThat(verdicts.of(rejected)).isEmpty();
        queue.decide(scene.item(rejected, "lang.profanity", 2000).id(), "alice", Decision.CONFIRM, "real");
        assertThat(verdicts.of(rejected)).contains(Verdict.REJECTED);

        long needsEdit = scene.video("minor finding");
        scene.rewrite(needsEdit, 1, trigger("claims.guarantee", 1000, MEDIUM, "a"), trigger("lang.profanity", 2000, HIGH, "b"));
        queue.decide(scene.item(needsEdit, "claims.guarantee", 1000).id(), "alice", Decision.CONFIRM, "real");
        DecisionOutcome escalated = queue.decide(scene.item(needsEdit, "lang.profanity", 2000).id(), "alice",
                Decision.ESCALATE, "ask");
        assertThat(escalated.verdict()).isEmpty();
        assertThat(verdicts.of(needsEdit)).isEmpty();
        DecisionOutcome last = queue.decide(escalated.item().id(), "senior", Decision.REJECT, "a quote");
        assertThat(last.verdict()).contains(Verdict.NEEDS_EDIT);
        assertThat(verdicts.of(needsEdit)).contains(Verdict.NEEDS_EDIT);

        // a new pack version with a new finding reopens the video and says so; dropping it again restores the verdict
        scene.rewrite(needsEdit, 2, trigger("claims.guarantee", 1000, MEDIUM, "a"), trigger("lang.profanity", 2000, HIGH, "b"),
                trigger("disclaimer.financial", 30000, HIGH, "missing"));
        assertThat(verdicts.of(needsEdit)).isEmpty();
        scene.rewrite(needsEdit, 3, trigger("claims.guarantee", 1000, MEDIUM, "a"), trigger("lang.profanity", 2000, HIGH, "b"));
        assertThat(verdicts.of(needsEdit)).contains(Verdict.NEEDS_EDIT);
        assertThat(verdictEvents(needsEdit)).containsExactly(
                "review.completed verdict=NEEDS_EDIT previous=null by=senior",
                "review.reopened verdict=null previous=NEEDS_EDIT by=null",
                "review.completed verdict=NEEDS_EDIT previous=null by=null");
        // syncing the same pack again moves no verdict and announces nothing
        scene.rewrite(needsEdit, 3, trigger("claims.guarantee", 1000, MEDIUM, "a"), trigger("lang.profanity", 2000, HIGH, "b"));
        assertThat(verdictEvents(needsEdit)).hasSize(3);
    }

    private List<String> verdictEvents(long video) {
        return jdbc.sql("""
                        SELECT concat(type, ' verdict=', COALESCE(payload ->> 'verdict', 'null'),
                                      ' previous=', COALESCE(payload ->> 'previousVerdict', 'null'),
                                      ' by=', COALESCE(payload ->> 'decidedBy', 'null'))
                        FROM notify_events WHERE type LIKE 'review.%' AND CAST(payload ->> 'videoId' AS BIGINT) = :video ORDER BY created_at, id""")
                .param("video", video).query(String.class).list();
    }

    @Test
    void precisionPerRuleIsComputedFromDecisionsWorstFirst() {
        long video = scene.video("labels");
        String good = scene.project + ".good";
        String poor = scene.project + ".poor";
        scene.rewrite(video, 1, trigger(good, 1000, HIGH, "a"), trigger(good, 2000, HIGH, "b"),
                trigger(good, 3000, HIGH, "c"), trigger(good, 4000, HIGH, "d"),
                trigger(poor, 5000, MEDIUM, "e"), trigger(poor, 6000, MEDIUM, "f"), trigger(poor, 7000, MEDIUM, "g"),
                trigger(poor, 8000, MEDIUM, "h"));
        for (ReviewItem item : queue.list(null, scene.project, 100)) {
            boolean real = item.ruleId().equals(good) ? item.startMs() != 4000 : item.startMs() == 5000;
            queue.decide(item.id(), "alice", real ? Decision.CONFIRM : Decision.REJECT, "label");
        }

        List<RulePrecision> ours = context.getBean(PrecisionReport.class).worstFirst().stream()
                .filter(rule -> rule.ruleId().startsWith(scene.project)).toList();
        assertThat(ours).containsExactly(new RulePrecision(poor, 1, 3, 0.25), new RulePrecision(good, 3, 1, 0.75));
    }

    private void decideAll(long video, Decision decision) {
        queue.list(null, scene.project, 100).stream().filter(item -> item.videoId() == video)
                .forEach(item -> queue.decide(item.id(), "alice", decision, "checked"));
    }
}
