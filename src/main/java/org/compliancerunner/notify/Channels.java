package org.compliancerunner.notify;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.mail.MailSender;

/** The channels this process is configured with: every webhook, and e-mail when SMTP and recipients are set. */
final class Channels {

    private final List<Channel> all;

    Channels(List<Channel> all) {
        this.all = List.copyOf(all);
    }

    static Channels configured(NotifyProperties properties, Optional<MailSender> mail, EventBodies bodies,
                               Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        List<Channel> channels = new ArrayList<>();
        for (NotifyProperties.Webhook webhook : properties.webhooks()) {
            channels.add(new WebhookChannel(webhook, http, properties.requestTimeout(), bodies, clock));
        }
        if (mail.isPresent() && !properties.email().to().isEmpty()) {
            channels.add(new EmailChannel(mail.get(), properties.email(), bodies));
        }
        return new Channels(channels);
    }

    List<Channel> wanting(EventType type) {
        return all.stream().filter(channel -> channel.wants(type)).toList();
    }

    List<String> names() {
        return all.stream().map(Channel::name).toList();
    }

    Optional<Channel> named(String name) {
        return all.stream().filter(channel -> channel.name().equals(name)).findFirst();
    }
}
