package org.compliancerunner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first start of the embedded database that fails leaves COMPLIANCE_HOME as it found it, and says why. */
class EmbeddedFirstStartTest {

    @TempDir
    Path home;

    @Test
    void aFailedFirstStartRemovesWhatItMadeAndNamesTheFullDisk() {
        EmbeddedFirstStart.Server diskFills = (binaries, data) -> {
            Files.createDirectories(binaries.resolve("PG-x/bin"));
            Files.createFile(binaries.resolve("PG-x/bin/postgres")); // 0 bytes: the write that failed
            Files.createFile(binaries.resolve("PG-x/.exists"));
            Files.createDirectories(data);
            Files.createFile(data.resolve("epg-lock"));
            throw new IOException("write failed: No space left on device");
        };

        assertThatThrownBy(() -> EmbeddedFirstStart.prepare(home, diskFills))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("no space left on the device").hasMessageContaining(home.toString())
                .hasMessageNotContaining("\n");
        assertThat(entries(home)).as("nothing half-made is kept").isEmpty();
    }

    @Test
    void aCompleteFirstStartMovesBinariesAndDataIntoPlace() {
        EmbeddedFirstStart.Server works = (binaries, data) -> {
            Files.createDirectories(binaries.resolve("PG-x/bin"));
            Files.writeString(binaries.resolve("PG-x/bin/postgres"), "binary");
            Files.createDirectories(data);
            Files.writeString(data.resolve("PG_VERSION"), "14");
            return () -> { };
        };

        EmbeddedFirstStart.prepare(home, works);

        assertThat(entries(home)).containsExactlyInAnyOrder("pg", "pgdata");
        assertThat(home.resolve("pg/PG-x/bin/postgres")).hasContent("binary");
        assertThat(home.resolve("pgdata/PG_VERSION")).hasContent("14");
    }

    @Test
    void aRealServerOnAFullDiskFailsCleanlyAndStartsOnceThereIsRoom() throws Exception {
        Path mount = home.resolve("small-disk");
        Files.createDirectories(mount);
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", mount.toString());
        if (!mounted && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true, but a size-limited tmpfs cannot be mounted here (needs root)");
        }
        assumeTrue(mounted, "a size-limited file system needs root to mount; the injected failure test covers the rest");
        try {
            Path compliance = mount.resolve("home");
            assertThatThrownBy(() -> EmbeddedDatabase.start(compliance, Duration.ZERO))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("no space left on the device");
            assertThat(entries(compliance)).as("nothing half-made is kept").noneMatch(name -> name.startsWith("pg"));

            assertThat(run("mount", "-o", "remount,size=400m", mount.toString())).isTrue();
            EmbeddedDatabase database = EmbeddedDatabase.start(compliance, Duration.ZERO);
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password());
                 ResultSet answer = connection.createStatement().executeQuery("SELECT 1")) {
                assertThat(answer.next()).isTrue();
            }
            assertThat(entries(compliance)).contains("pg", "pgdata").noneMatch(name -> name.contains("partial"));
        } finally {
            EmbeddedServer.stop(mount.resolve("home"));
            run("umount", "-l", mount.toString());
        }
    }

    private static List<String> entries(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(directory)) {
            return all.map(path -> path.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
