package org.compliancerunner.sweep;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.UUID;

import com.rabbitmq.client.ConnectionFactory;

/**
 * The test RabbitMQ server ({@code COMPLIANCE_TEST_RABBIT_URI}, default amqp://guest:guest@127.0.0.1:5672). A test
 * that needs it and finds none is skipped with the reason, except under CI=true, where it fails.
 */
final class TestBroker {

    static final URI URI = java.net.URI.create(System.getenv().getOrDefault("COMPLIANCE_TEST_RABBIT_URI",
            "amqp://guest:guest@127.0.0.1:5672"));

    private TestBroker() {
    }

    static void require() {
        String reason = null;
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(URI);
            factory.setConnectionTimeout(3000);
            factory.newConnection().close();
        } catch (Exception e) {
            reason = "no RabbitMQ at " + URI + " (" + e.getMessage() + "): set COMPLIANCE_TEST_RABBIT_URI";
        }
        if (reason != null && "true".equals(System.getenv("CI"))) {
            fail(reason);
        }
        assumeTrue(reason == null, reason);
    }

    /** Deletes a test's queues and their dead-letter queues, with whatever is left in them. */
    static void deleteQueues(String queue) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(URI);
            try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
                channel.queueDelete(queue);
                channel.queueDelete(queue + ".dead");
            }
        } catch (Exception e) {
            // the broker is gone or the queues never existed; nothing to clean up
        }
    }

    /** A queue name no earlier run used: the broker keeps what earlier runs left. */
    static String uniqueQueue() {
        return "cr-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The broker as spring.rabbitmq.* system properties for a child process. */
    static String[] properties() {
        String[] user = URI.getUserInfo() == null ? new String[] {"guest", "guest"} : URI.getUserInfo().split(":", 2);
        return new String[] {
                "-Dspring.rabbitmq.host=" + URI.getHost(),
                "-Dspring.rabbitmq.port=" + (URI.getPort() < 0 ? 5672 : URI.getPort()),
                "-Dspring.rabbitmq.username=" + user[0],
                "-Dspring.rabbitmq.password=" + (user.length > 1 ? user[1] : "")};
    }
}
