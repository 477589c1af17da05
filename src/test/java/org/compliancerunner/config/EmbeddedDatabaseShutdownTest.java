package org.compliancerunner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.support.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's {@code serve} on the embedded database, stopped with SIGTERM: it closes cleanly, and the server stays up
 * for the next command until {@code db stop} or the idle shutdown.
 */
class EmbeddedDatabaseShutdownTest {

    @Test
    void sigtermStopsTheServiceCleanlyAndLeavesTheEmbeddedServerForTheNextCommand(@TempDir Path home) throws Exception {
        Path log = home.resolve("serve.log");
        Process serve = ChildJvm.start(null, home, log, List.of("-Dserver.port=0", "-Dmanagement.server.port=0"),
                List.of("serve"));
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !serve.isAlive() || Files.readString(log).contains("Serving the REST API"));
            assertThat(serve.isAlive()).as("serve started: %s", Files.readString(log)).isTrue();
            assertThat(home.resolve("pgdata").resolve("postmaster.pid")).exists();

            serve.destroy(); // SIGTERM, as Ctrl-C or Kubernetes sends
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();

            String output = Files.readString(log);
            String stopping = output.substring(output.indexOf("Serving the REST API"));
            // closing releases the sweep lock in the database; a server stopped before that breaks it with warnings
            assertThat(stopping).doesNotContain("\"level\":\"WARN\"").doesNotContain("\"level\":\"ERROR\"");
            assertThat(EmbeddedServer.running(home)).as("the server outlives the command").isPresent();
        } finally {
            serve.destroyForcibly();
            EmbeddedServer.stop(home);
        }
        assertThat(home.resolve("pgdata").resolve("postmaster.pid")).doesNotExist();
    }
}
