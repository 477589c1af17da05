package org.compliancerunner.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** One delivery attempt against a live receiver: what a redirect, a silent or an absent receiver, an interrupt make of it. */
class WebhookChannelTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final TestClock clock = new TestClock();
    private final OutboxEvent event = new OutboxEvent(UUID.randomUUID(), EventType.JOB_FAILED,
            "{\"jobExecutionId\":7}", Instant.EPOCH);
    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aRedirectIsAFailedAttemptNamingItsStatusAndIsNotFollowed() {
        receiver.answering(200, 302);

        Attempt attempt = channelTo(receiver.url()).deliver(event);

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.error()).startsWith("HTTP 302 from " + receiver.url());
        assertThat(receiver.requests()).as("the Location is not followed").hasSize(1);
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailedAttemptSayingHowLongItWaited() {
        receiver.onRequest(request -> Thread.sleep(TIMEOUT.toMillis() * 5));

        Attempt attempt = channelTo(receiver.url()).deliver(event);

        assertThat(attempt).isEqualTo(Attempt.failed("no answer from " + receiver.url() + " within 300 ms"));
    }

    @Test
    void aReceiverThatIsNotListeningIsAFailedAttemptSayingItCannotBeReached() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hooks");
        }

        Attempt attempt = channelTo(closed).deliver(event);

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.error()).startsWith("cannot reach " + closed + ": ");
    }

    @Test
    void anInterruptedDeliveryThrowsSoTheClaimIsRolledBackInsteadOfCountingAnAttempt() {
        WebhookChannel channel = channelTo(receiver.url());
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> channel.deliver(event)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("interrupted while posting event " + event.id());
        } finally {
            Thread.interrupted();
        }
    }

    private WebhookChannel channelTo(URI url) {
        NotifyProperties properties = new NotifyProperties(
                List.of(new NotifyProperties.Webhook("ops", url, NotifyBench.SECRET, List.of())), 8,
                Duration.ofSeconds(10), Duration.ofMinutes(5), TIMEOUT, Duration.ofMillis(50),
                new NotifyProperties.Dispatcher(false), new NotifyProperties.Email(List.of(), null));
        Channels channels = Channels.configured(properties, Optional.empty(),
                new EventBodies(JsonMapper.builder().build()), clock);
        return (WebhookChannel) channels.named("webhook:ops").orElseThrow();
    }
}
