package org.compliancerunner.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where events go and how hard the dispatcher tries.
 *
 * @param webhooks         receivers of signed HTTP POSTs
 * @param maxAttempts      attempts per (event, channel) before it is marked FAILED
 * @param initialBackoff   wait after the first failed attempt; doubles after each further one
 * @param maxBackoff       the doubling stops here
 * @param requestTimeout   connect and answer time allowed to a webhook; the claimed row stays locked meanwhile
 * @param dispatchInterval pause between dispatch rounds of the background dispatcher
 * @param dispatcher       whether this process runs the background dispatcher
 * @param email            plain-text mail to operators when {@code spring.mail.host} is set too
 */
@Validated
@ConfigurationProperties("compliance.notify")
public record NotifyProperties(
        @Valid @DefaultValue List<Webhook> webhooks,
        @Min(1) @Max(100) @DefaultValue("8") int maxAttempts,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration initialBackoff,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1h") Duration maxBackoff,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration requestTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration dispatchInterval,
        @Valid @DefaultValue Dispatcher dispatcher,
        @Valid @DefaultValue Email email) {

    /**
     * One HTTP receiver.
     *
     * @param name   names the channel in the delivery state; defaults to the URL
     * @param url    http(s) URL that receives the POST
     * @param secret HMAC-SHA256 key shared with the receiver
     * @param events wire names of the event types it wants; empty means all
     */
    public record Webhook(String name, @NotNull URI url, @NotBlank String secret, @DefaultValue List<String> events) {

        public Webhook {
            if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("webhook url " + url + " must start with http:// or https://");
            }
            name = name == null || name.isBlank() ? String.valueOf(url) : name;
            events = events == null ? List.of() : List.copyOf(events);
            events.forEach(EventType::of);
        }

        Set<EventType> eventTypes() {
            return events.stream().map(EventType::of).collect(Collectors.toSet());
        }
    }

    /** @param enabled run {@link OutboxDispatcher#dispatchDue()} every {@code dispatch-interval} in this process */
    public record Dispatcher(@DefaultValue("false") boolean enabled) {
    }

    /**
     * @param to   recipients; no mail is sent when empty
     * @param from sender address; the mail server's default when unset
     */
    public record Email(@DefaultValue List<String> to, @Nullable String from) {

        public Email {
            to = to == null ? List.of() : List.copyOf(to);
        }
    }

    public NotifyProperties {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        // the name keys the delivery state, so two webhooks with one name would share (and lose) deliveries
        Set<String> names = new java.util.HashSet<>();
        for (Webhook webhook : webhooks) {
            if (!names.add(webhook.name())) {
                throw new IllegalArgumentException("two webhooks are named '" + webhook.name()
                        + "'; give each a distinct compliance.notify.webhooks[n].name");
            }
        }
        dispatcher = dispatcher == null ? new Dispatcher(false) : dispatcher;
        email = email == null ? new Email(List.of(), null) : email;
    }

    /** Wait before the attempt after {@code failedAttempts} failures: initial, doubling, capped. */
    Duration backoffAfter(int failedAttempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
