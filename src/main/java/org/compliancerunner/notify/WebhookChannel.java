package org.compliancerunner.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Signed JSON POSTs to one receiver; any 2xx answer counts as delivered. */
final class WebhookChannel implements Channel {

    private static final int ERROR_BODY_CHARS = 200;

    private final NotifyProperties.Webhook webhook;
    private final Set<EventType> wanted;
    private final HttpClient http;
    private final Duration timeout;
    private final EventBodies bodies;
    private final Clock clock;

    WebhookChannel(NotifyProperties.Webhook webhook, HttpClient http, Duration timeout, EventBodies bodies,
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
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.header(webhook.secret(),
                        clock.instant().getEpochSecond(), body))
                .header(WebhookSignature.EVENT_ID_HEADER, event.id().toString())
                .header(WebhookSignature.EVENT_TYPE_HEADER, event.type().wireName())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return Attempt.success();
            }
            return Attempt.failed("HTTP " + response.statusCode() + " from " + webhook.url() + excerpt(response.body()));
        } catch (HttpTimeoutException e) {
            return Attempt.failed("no answer from " + webhook.url() + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return Attempt.failed("cannot reach " + webhook.url() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // not the receiver's fault: roll back the claim so the attempt is neither counted nor lost
            throw new IllegalStateException("interrupted while posting event " + event.id() + " to " + webhook.url(), e);
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
