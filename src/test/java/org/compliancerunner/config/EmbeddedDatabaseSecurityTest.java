package org.compliancerunner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database against other local users and processes: a home made before passwords (trusting every
 * local connection, its binaries' directory world-writable) is secured on its first start, and stays so.
 */
class EmbeddedDatabaseSecurityTest {

    @Test
    void anOlderHomeGetsAPasswordOnlyItsOwnerCanReadAndRefusesConnectionsWithoutIt(@TempDir Path home) throws Exception {
        // the home as compliance-runner left it before: trust authentication, a world-writable binaries directory
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(home.resolve("pgdata"))
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(home.resolve("pg").toFile())
                .setRegisterShutdownHook(false).start()) {
            assertThat(query(old.getPort(), null, "SELECT 1")).isEqualTo("1");
        }
        Files.setPosixFilePermissions(home.resolve("pg"), PosixFilePermissions.fromString("rwxrwxrwx"));

        try {
            EmbeddedDatabase database = EmbeddedDatabase.start(home, Duration.ZERO);
            String url = database.jdbcUrl();
            int port = port(url);
            Path passwordFile = home.resolve(EmbeddedDatabase.PASSWORD_FILE);

            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(database.password()).hasSizeGreaterThanOrEqualTo(43);
            assertThat(url).doesNotContain(database.password());
            // what any local process tried: no password, or a wrong one
            assertThatThrownBy(() -> query(port, null, "SELECT 1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> query(port, "postgres", "SELECT 1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(query(port, database.password(), "SHOW listen_addresses")).isEqualTo("localhost");
            assertThat(query(port, database.password(), "SHOW unix_socket_directories")).isEmpty();
            for (Path directory : new Path[] {home, home.resolve("pg"), home.resolve("pgdata")}) {
                assertThat(Files.getPosixFilePermissions(directory)).as(directory.toString())
                        .doesNotContain(PosixFilePermission.OTHERS_WRITE, PosixFilePermission.GROUP_WRITE);
            }
            assertThat(Files.getPosixFilePermissions(home.resolve("pg"))).doesNotContain(PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_EXECUTE);

            // the next start uses the password from the first instant, and it is the same one
            assertThat(EmbeddedServer.stop(home)).isPresent();
            EmbeddedDatabase again = EmbeddedDatabase.start(home, Duration.ZERO);
            int againPort = port(again.jdbcUrl());
            assertThat(query(againPort, again.password(), "SELECT 2")).isEqualTo("2");
            assertThatThrownBy(() -> query(againPort, null, "SELECT 1")).isInstanceOf(SQLException.class);
        } finally {
            EmbeddedServer.stop(home);
        }
    }

    private static int port(String url) {
        return Integer.parseInt(url.replaceAll(".*localhost:(\\d+)/.*", "$1"));
    }

    private static String query(int port, String password, String sql) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
