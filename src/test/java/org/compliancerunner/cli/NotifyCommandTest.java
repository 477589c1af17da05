package org.compliancerunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.compliancerunner.notify.EventType;
import org.compliancerunner.notify.Outbox;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** notify dispatch / notify list in the application context, against a webhook configured by properties. */
class NotifyCommandTest extends IntegrationTest {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer RECEIVER = receiver();

    @Autowired
    Outbox outbox;

    @Autowired
    @Qualifier("transactionManager")
    PlatformTransactionManager transactionManager;

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("compliance.notify.webhooks[0].name", () -> "ops");
        registry.add("compliance.notify.webhooks[0].url",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hook");
        registry.add("compliance.notify.webhooks[0].secret", () -> "cli-test-secret");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Test
    void dispatchSendsWhatIsDueAndListShowsTheState() {
        UUID id = new TransactionTemplate(transactionManager).execute(
                status -> outbox.publish(EventType.JOB_COMPLETED, Map.of("jobExecutionId", 42)));

        CliDriver.Result pending = notify("list", "--state", "PENDING", "--json");
        assertThat(pending.exitCode()).isZero();
        assertThat(pending.out()).contains("\"eventId\":\"" + id + "\"").contains("\"channel\":\"webhook:ops\"")
                .contains("\"state\":\"PENDING\"");

        CliDriver.Result dispatch = notify("dispatch");
        assertThat(dispatch.exitCode()).isZero();
        assertThat(dispatch.out()).contains("1 delivered, 0 retrying, 0 failed");
        assertThat(RECEIVED).containsExactly(id.toString());

        CliDriver.Result list = notify("list");
        assertThat(list.out()).contains(id.toString()).contains("job.completed").contains("webhook:ops")
                .contains("DELIVERED");
        assertThat(notify("list", "--state", "PENDING").out()).contains("No deliveries in state PENDING");
        assertThat(notify("dispatch", "--json").out().strip())
                .isEqualTo("{\"delivered\":0,\"retrying\":0,\"failed\":0}");
    }

    @Test
    void theBackgroundDispatcherIsOffUnlessALongRunningRoleEnablesIt() {
        assertThat(context.getBeanNamesForType(org.springframework.context.SmartLifecycle.class))
                .noneMatch(name -> name.toLowerCase().contains("dispatch"));
    }

    private CliDriver.Result notify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(NotifyCommand.class, context.getBean(IFactory.class))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliDriver.Result(exit, out.toString(), err.toString());
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    RECEIVED.add(exchange.getRequestHeaders().getFirst("X-Compliance-Event-Id"));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
