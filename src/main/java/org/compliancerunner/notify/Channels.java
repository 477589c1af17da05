package org.compliancerunner.notify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.mail.MailSender;
import org.springframework.web.client.RestClient;

/** The channels this process is configured with: every webhook, and e-mail when SMTP and recipients are set. */
final class Channels implements AutoCloseable {

    private final List<Channel> all;
    private final CloseableHttpClient http;

    private Channels(List<Channel> all, CloseableHttpClient http) {
        this.all = List.copyOf(all);
        this.http = http;
    }

    static Channels configured(NotifyProperties properties, Optional<MailSender> mail, EventBodies bodies,
                               Clock clock) {
        CloseableHttpClient client = webhookClient(properties.requestTimeout());
        RestClient http = RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory(client)).build();
        List<Channel> channels = new ArrayList<>();
        for (NotifyProperties.Webhook webhook : properties.webhooks()) {
            channels.add(new WebhookChannel(webhook, http, properties.requestTimeout(), bodies, clock));
        }
        if (mail.isPresent() && !properties.email().to().isEmpty()) {
            channels.add(new EmailChannel(mail.get(), properties.email(), bodies));
        }
        return new Channels(channels, client);
    }

    /** Each of connecting, and waiting for the answer, gets the request timeout; a redirect is an answer, not followed. */
    private static CloseableHttpClient webhookClient(Duration timeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(timeout))
                                .setSocketTimeout(Timeout.of(timeout))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(timeout))
                        .setResponseTimeout(Timeout.of(timeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries() // a failed attempt is the outbox's to retry, with its backoff
                .disableCookieManagement()
                .build();
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

    /** Closes the webhooks' pooled connections; Spring calls it when the context closes. */
    @Override
    public void close() throws IOException {
        http.close();
    }
}
