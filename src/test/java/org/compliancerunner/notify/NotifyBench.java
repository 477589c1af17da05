package org.compliancerunner.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.compliancerunner.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.MailSender;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A fresh migrated database and the notify components wired as the application wires them, on a test clock. */
final class NotifyBench {

    static final String SECRET = "s3cret-shared-with-the-receiver";

    final String url;
    final DataSource dataSource;
    final JdbcClient jdbc;
    final DataSourceTransactionManager transactionManager;
    final TransactionTemplate transactions;
    final TestClock clock = new TestClock();
    final JsonMapper mapper = JsonMapper.builder().build();

    NotifyBench() {
        url = TestDatabase.freshDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        dataSource = new DriverManagerDataSource(url);
        jdbc = JdbcClient.create(dataSource);
        transactionManager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(transactionManager);
    }

    static NotifyProperties properties(int maxAttempts, List<NotifyProperties.Webhook> webhooks) {
        return new NotifyProperties(webhooks, maxAttempts, Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofMillis(50), new NotifyProperties.Dispatcher(false),
                new NotifyProperties.Email(List.of(), null));
    }

    static NotifyProperties.Webhook webhook(String name, Receiver receiver, String... events) {
        return new NotifyProperties.Webhook(name, receiver.url(), SECRET, List.of(events));
    }

    Channels channels(NotifyProperties properties, MailSender mail) {
        return Channels.configured(properties, Optional.ofNullable(mail), new EventBodies(mapper), clock);
    }

    Outbox outbox(NotifyProperties properties) {
        return new Outbox(jdbc, channels(properties, null), new EventBodies(mapper), clock);
    }

    OutboxDispatcher dispatcher(NotifyProperties properties) {
        return dispatcher(properties, channels(properties, null));
    }

    OutboxDispatcher dispatcher(NotifyProperties properties, Channels channels) {
        return new OutboxDispatcher(jdbc, transactionManager, channels, properties, clock);
    }

    /** Publishes in a transaction of its own that commits, as a tasklet or chunk would. */
    java.util.UUID publishCommitted(Outbox outbox, EventType type, Map<String, Object> payload) {
        return transactions.execute(status -> outbox.publish(type, payload));
    }

    Map<String, Object> delivery(java.util.UUID eventId, String channel) {
        return jdbc.sql("SELECT state, attempts, last_error, delivered_at FROM notify_deliveries "
                        + "WHERE event_id = :id AND channel = :channel")
                .param("id", eventId).param("channel", channel).query().singleRow();
    }
}
