package org.compliancerunner.support;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for tests, found in this order: {@code COMPLIANCE_TEST_JDBC_URL}, a Testcontainers
 * container when Docker works, an embedded server. Every call of {@link #freshDatabaseUrl()} creates a new,
 * empty database, because the shared servers keep what earlier runs left.
 */
public final class TestDatabase {

    private static String serverUrl;

    private TestDatabase() {
    }

    /** JDBC URL of a new empty database on the test server. */
    public static synchronized String freshDatabaseUrl() {
        String server = serverUrl();
        String name = "cr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(server);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + server + ": " + e.getMessage(), e);
        }
        return withDatabase(server, name);
    }

    private static String serverUrl() {
        if (serverUrl == null) {
            serverUrl = resolveServer();
        }
        return serverUrl;
    }

    private static String resolveServer() {
        String fromEnvironment = System.getenv("COMPLIANCE_TEST_JDBC_URL");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        if (dockerWorks()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return container.getJdbcUrl() + "&user=" + container.getUsername() + "&password=" + container.getPassword();
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("cr-test-pg"))
                    .setRegisterShutdownHook(false)
                    .start();
            // after Spring has closed every context, whose beans still use the server while they close
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away; nothing left to clean
                }
            });
            return embedded.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("No test PostgreSQL: set COMPLIANCE_TEST_JDBC_URL, start Docker, "
                    + "or allow the embedded server to start: " + e.getMessage(), e);
        }
    }

    private static boolean dockerWorks() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Replaces the database name in a PostgreSQL JDBC URL, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + parameters;
    }
}
