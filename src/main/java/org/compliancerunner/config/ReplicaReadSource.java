package org.compliancerunner.config;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Where read-only transactions get their connection: the replica, or the primary while the replica does not answer
 * (for {@code retry-after}, then the replica is tried again) or was refused because it is not a standby of the
 * primary. The replica is checked once, on its first connection, whether that is at start-up or later.
 */
final class ReplicaReadSource extends AbstractDataSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaReadSource.class);

    private final HikariDataSource replica;
    private final DataSource primary;
    private final ReplicaProperties properties;
    private volatile boolean verified;
    private volatile @Nullable String refused;
    private volatile @Nullable String failure;
    private volatile long downUntil;
    /** Whether this thread's current read got a replica connection, so that a lost connection can be blamed on it. */
    private final ThreadLocal<Boolean> served = new ThreadLocal<>();

    ReplicaReadSource(HikariDataSource replica, DataSource primary, ReplicaProperties properties) {
        this.replica = replica;
        this.primary = primary;
        this.properties = properties;
        this.downUntil = System.nanoTime();
    }

    /** Checks the replica now; throws when it is not a standby of the primary, logs and goes on when it is away. */
    void verifyAtStart() {
        try (Connection connection = replica.getConnection()) {
            verify(connection);
        } catch (SQLException e) {
            down(e);
        }
        if (refused != null) {
            throw new ReplicaRefusedException(refused);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (refused == null && System.nanoTime() - downUntil >= 0) {
            try {
                Connection connection = replica.getConnection();
                if (!verified && !verify(connection)) {
                    connection.close();
                    log.error("{}; the API's reads stay on the primary", refused);
                    return primary.getConnection();
                }
                up();
                served.set(Boolean.TRUE);
                return connection;
            } catch (SQLException e) {
                down(e);
            }
        }
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the replica's reads use the configured users only");
    }

    /** Whether a replica connection was handed to this thread since the last call; forgets it. */
    boolean servedThisThread() {
        boolean replica = served.get() != null;
        served.remove();
        return replica;
    }

    /** Null while reads go to the replica; otherwise why they go to the primary. */
    @Nullable String degraded() {
        return refused != null ? refused : failure;
    }

    HikariDataSource replica() {
        return replica;
    }

    ReplicaProperties properties() {
        return properties;
    }

    /** The replica answered (a read or a health check): reads may go back to it at once. */
    void up() {
        if (failure != null) {
            log.info("The replica {} answers again; the API's reads go to it", properties.shownUrl());
        }
        failure = null;
        downUntil = System.nanoTime();
    }

    void down(Exception e) {
        // the pool's own message only says it timed out; the cause says why (refused, unknown host, password)
        String why = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
        if (failure == null) {
            log.warn("The replica {} does not answer ({}); the API's reads go to the primary and it is tried again "
                    + "after {}", properties.shownUrl(), why, properties.retryAfter());
        }
        failure = "the replica does not answer, reads go to the primary: " + why;
        downUntil = System.nanoTime() + properties.retryAfter().toNanos();
    }

    private synchronized boolean verify(Connection replicaConnection) throws SQLException {
        if (verified) {
            return refused == null;
        }
        ReplicaIdentity standby = ReplicaIdentity.of(replicaConnection);
        ReplicaIdentity main;
        try (Connection primaryConnection = primary.getConnection()) {
            main = ReplicaIdentity.of(primaryConnection);
        }
        refused = standby.refusal(main, properties.shownUrl());
        verified = true;
        return refused == null;
    }

    @Override
    public void close() {
        replica.close();
    }
}
