package org.compliancerunner.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Defaults, backoff and the mistakes that must stop start-up with a message naming the property. */
class NotifyPropertiesTest {

    @Test
    void defaultsAreSafeForEveryRole() {
        NotifyProperties properties = bind(Map.of());

        assertThat(properties.maxAttempts()).isEqualTo(8);
        assertThat(properties.initialBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.dispatchInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.dispatcher().enabled()).isFalse();
        assertThat(properties.webhooks()).isEmpty();
        assertThat(properties.email().to()).isEmpty();
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCap() {
        NotifyProperties properties = bind(Map.of("compliance.notify.initial-backoff", "10s",
                "compliance.notify.max-backoff", "1m"));

        assertThat(List.of(1, 2, 3, 4, 5, 30).stream().map(properties::backoffAfter))
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                        Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    @Test
    void aWebhookIsNamedByItsUrlUnlessNamedAndFiltersByWireName() {
        NotifyProperties properties = bind(Map.of("compliance.notify.webhooks[0].url", "https://hooks.example.org/qc",
                "compliance.notify.webhooks[0].secret", "x", "compliance.notify.webhooks[0].events", "job.failed"));

        NotifyProperties.Webhook webhook = properties.webhooks().get(0);
        assertThat(webhook.name()).isEqualTo("https://hooks.example.org/qc");
        assertThat(webhook.eventTypes()).containsExactly(EventType.JOB_FAILED);
    }

    @Test
    void anUnknownEventTypeInAFilterIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> bind(Map.of("compliance.notify.webhooks[0].url", "https://hooks.example.org/qc",
                "compliance.notify.webhooks[0].secret", "x", "compliance.notify.webhooks[0].events", "job.done")))
                .isInstanceOf(BindException.class).hasMessageContaining("compliance.notify.webhooks[0]")
                .rootCause().hasMessageContaining("unknown event type 'job.done'").hasMessageContaining("job.completed");
    }

    @Test
    void twoWebhooksWithOneNameAreRefused() {
        NotifyProperties.Webhook first = new NotifyProperties.Webhook("ops", URI.create("http://a.example/"), "x", null);
        NotifyProperties.Webhook second = new NotifyProperties.Webhook("ops", URI.create("http://b.example/"), "y", null);

        assertThatThrownBy(() -> new NotifyProperties(List.of(first, second), 8, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1), null, null))
                .hasMessageContaining("two webhooks are named 'ops'");
    }

    @Test
    void aNonHttpUrlIsRefused() {
        assertThatThrownBy(() -> new NotifyProperties.Webhook(null, URI.create("ftp://files.example.org/"), "x", null))
                .hasMessageContaining("must start with http:// or https://");
    }

    private static NotifyProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("compliance.notify", NotifyProperties.class);
    }
}
