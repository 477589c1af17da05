package org.compliancerunner.notify;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** Signed JSON POSTs to one receiver; any 2xx answer counts as delivered. */
final class WebhookChannel implements Channel {

    private static final int ERROR_BODY_CHARS = 200;

    private final NotifyProperties.Webhook webhook;
    private final Set<EventType> wanted;
    private final RestClient http;
    private final Duration timeout;
    private final EventBodies bodies;
    private final Clock clock;

    WebhookChannel(NotifyProperties.Webhook webhook, RestClient http, Duration timeout, EventBodies bodies,
                   Clock clock) {
        this.webhook = webhook;
        this.wanted = webhook.eventTypes();
        this.http = http;
        this.timeout = timeout;
        this.bodies = bodies;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhook:" + webhook.name();
    }

    @Override
    public boolean wants(EventType type) {
        return wanted.isEmpty() || wanted.contains(type);
    }

    @Override
    public Attempt deliver(OutboxEvent event) {
        String body = bodies.json(event);
        Answer answer;
        try {
            answer = http.post().uri(webhook.url())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(WebhookSignature.HEADER, WebhookSignature.header(webhook.secret(),
                            clock.instant().getEpochSecond(), body))
                    .header(WebhookSignature.EVENT_ID_HEADER, event.id().toString())
                    .header(WebhookSignature.EVENT_TYPE_HEADER, event.type().wireName())
                    .body(body.getBytes(StandardCharsets.UTF_8))
                    .exchange((sent, response) -> new Answer(response.getStatusCode().value(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (ResourceAccessException e) {
            rollBackIfInterrupted(event, e);
            if (e.getCause() instanceof SocketTimeoutException || e.getCause() instanceof ConnectTimeoutException) {
                return Attempt.failed("no answer from " + webhook.url() + " within " + timeout.toMillis() + " ms");
            }
            return Attempt.failed("cannot reach " + webhook.url() + ": "
                    + (e.getCause() instanceof IOException io ? io : e));
        } catch (RuntimeException e) {
            rollBackIfInterrupted(event, e); // an interrupted wait for a pooled connection ends in a CancellationException
            throw e;
        }
        rollBackIfInterrupted(event, null);
        if (answer.status() / 100 == 2) {
            return Attempt.success();
        }
        return Attempt.failed("HTTP " + answer.status() + " from " + webhook.url() + excerpt(answer.body()));
    }

    /** What the receiver answered; any status, 3xx included, is an answer, not an exception. */
    private record Answer(int status, String body) {
    }

    // the blocking client does not stop on an interrupt, so it is looked for once the request is over
    private void rollBackIfInterrupted(OutboxEvent event, @Nullable Exception cause) {
        if (Thread.currentThread().isInterrupted()) {
            // not the receiver's fault: roll back the claim so the attempt is neither counted nor lost
            throw new IllegalStateException("interrupted while posting event " + event.id() + " to " + webhook.url(),
                    cause);
        }
    }

    private static String excerpt(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > ERROR_BODY_CHARS ? line.substring(0, ERROR_BODY_CHARS) + "…" : line);
    }
}
