package org.compliancerunner.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: the admin REST API, until the process is told to stop. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the admin REST API under /api (OpenAPI at /api-docs, Swagger UI at /swagger-ui.html) on "
                + "server.port (default 8080), and health and metrics on management.server.port (default 8081).",
                "Runs until stopped (SIGTERM or Ctrl-C); requests in flight are finished first."})
class ServeCommand implements Callable<Integer>, ApplicationListener<ContextClosedEvent> {

    @Mixin
    CommandStreams streams;

    private final ApplicationContext context;
    private final CountDownLatch closed = new CountDownLatch(1);

    ServeCommand(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            streams.err().println("error: serve must be the first argument of the process "
                    + "(compliance-runner serve), which starts the web server");
            return ExitCodes.USAGE;
        }
        // Boot declares readiness only after every command-line runner returns, which this one does not until stopped
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        streams.err().println("Serving the REST API on port " + web.getWebServer().getPort()
                + " (OpenAPI: /api-docs); stop with SIGTERM or Ctrl-C");
        closed.await();
        return ExitCodes.OK;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) {
            closed.countDown();
        }
    }
}
