package org.compliancerunner.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Publish in the caller's transaction, deliver signed, retry with backoff, give up visibly, isolate receivers. */
class OutboxDeliveryTest extends OutboxWithReceiver {

    @Test
    void anEventPublishedInARolledBackTransactionIsNeverDelivered() {
        NotifyProperties properties = toReceiver();
        Outbox outbox = bench.outbox(properties);

        bench.transactions.executeWithoutResult(status -> {
            outbox.publish(EventType.JOB_COMPLETED, Map.of("jobExecutionId", 1));
            status.setRollbackOnly();
        });
        DispatchRound round = bench.dispatcher(properties).dispatchDue();

        assertThat(round.attempts()).isZero();
        assertThat(receiver.requests()).isEmpty();
        assertThat(bench.jdbc.sql("SELECT count(*) FROM notify_events").query(Long.class).single()).isZero();
    }

    @Test
    void aCommittedEventIsDeliveredOnceWithASignatureTheReceiverCanVerify() throws Exception {
        NotifyProperties properties = toReceiver();
        OutboxDispatcher dispatcher = bench.dispatcher(properties);
        UUID id = bench.publishCommitted(bench.outbox(properties), EventType.VIDEO_FLAGGED,
                Map.of("videoId", 12, "rule", "claims.guarantee"));

        assertThat(dispatcher.dispatchDue()).isEqualTo(new DispatchRound(1, 0, 0));
        assertThat(dispatcher.dispatchDue().attempts()).as("a delivered event is not sent again").isZero();

        assertThat(receiver.requests()).hasSize(1);
        Receiver.Request request = receiver.requests().get(0);
        assertThat(request.eventId()).isEqualTo(id.toString());
        assertThat(request.eventType()).isEqualTo("video.flagged");
        // verify as a receiver in any language would: t and v1 from the header, HMAC over t + "." + raw body
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : request.signature().split(",")) {
            parts.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        }
        assertThat(Long.parseLong(parts.get("t"))).isEqualTo(bench.clock.instant().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(NotifyBench.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(
                mac.doFinal((parts.get("t") + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(parts.get("v1")).isEqualTo(expected);
        assertThat(WebhookSignature.verify(NotifyBench.SECRET, request.signature(), request.body(),
                bench.clock.instant(), Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify(NotifyBench.SECRET, request.signature(), request.body(),
                bench.clock.instant().plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)))
                .as("a replay outside the tolerance is rejected").isFalse();
        assertThat(WebhookSignature.verify("another-secret", request.signature(), request.body(),
                bench.clock.instant(), Duration.ofMinutes(5))).isFalse();

        JsonNode body = bench.mapper.readTree(request.body());
        assertThat(body.get("id").asString()).isEqualTo(id.toString());
        assertThat(body.get("type").asString()).isEqualTo("video.flagged");
        assertThat(body.get("payload").get("rule").asString()).isEqualTo("claims.guarantee");
        assertThat(body.get("payload").get("videoId").asInt()).isEqualTo(12);
        assertThat(bench.delivery(id, "webhook:ops")).containsEntry("state", "DELIVERED").containsEntry("attempts", 1);
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventOnTheThirdAttemptAfterBackoff() {
        receiver.answering(200, 500, 500);
        NotifyProperties properties = toReceiver();
        OutboxDispatcher dispatcher = bench.dispatcher(properties);
        UUID id = bench.publishCommitted(bench.outbox(properties), EventType.JOB_FAILED, Map.of("jobExecutionId", 3));

        assertThat(dispatcher.dispatchDue()).isEqualTo(new DispatchRound(0, 1, 0));
        assertThat(dispatcher.dispatchDue().attempts()).as("not due before the 10 s backoff").isZero();
        bench.clock.advance(Duration.ofSeconds(10));
        assertThat(dispatcher.dispatchDue()).isEqualTo(new DispatchRound(0, 1, 0));
        bench.clock.advance(Duration.ofSeconds(10));
        assertThat(dispatcher.dispatchDue().attempts()).as("backoff doubled to 20 s").isZero();
        bench.clock.advance(Duration.ofSeconds(10));
        assertThat(dispatcher.dispatchDue()).isEqualTo(new DispatchRound(1, 0, 0));

        assertThat(receiver.requests()).hasSize(3);
        assertThat(receiver.distinctEventIds()).containsExactly(id.toString());
        assertThat(bench.delivery(id, "webhook:ops")).containsEntry("state", "DELIVERED").containsEntry("attempts", 3);
    }

    @Test
    void afterMaxAttemptsTheDeliveryIsFailedWithTheLastErrorVisible() {
        receiver.answering(503).withErrorBody("down for maintenance until 10:00");
        NotifyProperties properties = NotifyBench.properties(3, List.of(NotifyBench.webhook("ops", receiver)));
        OutboxDispatcher dispatcher = bench.dispatcher(properties);
        UUID id = bench.publishCommitted(bench.outbox(properties), EventType.REVIEW_COMPLETED, Map.of("itemId", 9));

        DispatchRound total = DispatchRound.NONE;
        for (int i = 0; i < 6; i++) {
            DispatchRound round = dispatcher.dispatchDue();
            total = new DispatchRound(total.delivered() + round.delivered(), total.retrying() + round.retrying(),
                    total.failed() + round.failed());
            bench.clock.advance(Duration.ofMinutes(5));
        }

        assertThat(total).isEqualTo(new DispatchRound(0, 2, 1));
        assertThat(receiver.requests()).hasSize(3);
        Map<String, Object> delivery = bench.delivery(id, "webhook:ops");
        assertThat(delivery).containsEntry("state", "FAILED").containsEntry("attempts", 3);
        assertThat((String) delivery.get("last_error")).contains("HTTP 503").contains(receiver.url().toString())
                .contains("down for maintenance until 10:00");
        assertThat(new Deliveries(bench.jdbc).recent(DeliveryState.FAILED, 10))
                .singleElement().satisfies(failed -> {
                    assertThat(failed.eventId()).isEqualTo(id);
                    assertThat(failed.lastError()).contains("HTTP 503");
                });
    }

    @Test
    void aFailingReceiverNeitherBlocksNorResendsToTheOthers() throws Exception {
        try (Receiver broken = new Receiver().answering(500)) {
            NotifyProperties properties = NotifyBench.properties(8, List.of(
                    NotifyBench.webhook("broken", broken), NotifyBench.webhook("ops", receiver)));
            OutboxDispatcher dispatcher = bench.dispatcher(properties);
            UUID id = bench.publishCommitted(bench.outbox(properties), EventType.JOB_COMPLETED, Map.of("done", 4));

            for (int i = 0; i < 4; i++) {
                dispatcher.dispatchDue();
                bench.clock.advance(Duration.ofMinutes(5));
            }

            assertThat(broken.requests()).hasSize(4);
            assertThat(receiver.requests()).hasSize(1);
            assertThat(bench.delivery(id, "webhook:ops")).containsEntry("state", "DELIVERED");
            assertThat(bench.delivery(id, "webhook:broken")).containsEntry("state", "PENDING")
                    .containsEntry("attempts", 4);
        }
    }

    @Test
    void aWebhookGetsOnlyTheEventTypesItAskedFor() {
        NotifyProperties properties = NotifyBench.properties(8,
                List.of(NotifyBench.webhook("failures", receiver, "job.failed")));
        Outbox outbox = bench.outbox(properties);
        bench.publishCommitted(outbox, EventType.JOB_COMPLETED, Map.of("jobExecutionId", 1));
        UUID failed = bench.publishCommitted(outbox, EventType.JOB_FAILED, Map.of("jobExecutionId", 2));

        bench.dispatcher(properties).dispatchDue();

        assertThat(receiver.requests()).extracting(Receiver.Request::eventId).containsExactly(failed.toString());
    }

    @Test
    void aProcessWithoutTheWebhookLeavesItsDeliveriesForOneThatHasIt() {
        NotifyProperties configured = toReceiver();
        UUID id = bench.publishCommitted(bench.outbox(configured), EventType.JOB_COMPLETED, Map.of("jobExecutionId", 1));

        DispatchRound elsewhere = bench.dispatcher(NotifyBench.properties(8, List.of())).dispatchDue();

        assertThat(elsewhere.attempts()).isZero();
        assertThat(bench.delivery(id, "webhook:ops")).containsEntry("state", "PENDING").containsEntry("attempts", 0);
        assertThat(bench.dispatcher(configured).dispatchDue().delivered()).isEqualTo(1);
    }
}
