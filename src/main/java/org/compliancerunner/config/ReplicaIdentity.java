package org.compliancerunner.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a server says about itself: a standby or not, which cluster (a streaming replica keeps its primary's system
 * identifier) and which running server (address, port and start time). Enough to refuse a replica setting that names
 * the primary, a writable server, or a standby of some other database.
 */
record ReplicaIdentity(boolean inRecovery, long systemIdentifier, @Nullable String address, @Nullable Integer port,
                       String started) {

    private static final String QUERY = "SELECT pg_is_in_recovery(), system_identifier, inet_server_addr()::text, "
            + "inet_server_port(), pg_postmaster_start_time()::text FROM pg_control_system()";

    static ReplicaIdentity of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(QUERY)) {
            row.next();
            return new ReplicaIdentity(row.getBoolean(1), row.getLong(2), row.getString(3),
                    (Integer) row.getObject(4), row.getString(5));
        }
    }

    /** Why this server may not serve the API's reads for that primary, or null when it may. */
    @Nullable String refusal(ReplicaIdentity primary, String replicaUrl) {
        String setting = "compliance.datasource.replica.url (" + replicaUrl + ")";
        if (!inRecovery) {
            boolean same = systemIdentifier == primary.systemIdentifier && Objects.equals(address, primary.address)
                    && Objects.equals(port, primary.port) && Objects.equals(started, primary.started);
            return same ? setting + " points at the primary itself, the server of spring.datasource.url"
                    : setting + " points at a writable server, not a standby (pg_is_in_recovery() is false there)";
        }
        if (systemIdentifier != primary.systemIdentifier) {
            return setting + " is a standby of another database cluster (system identifier " + systemIdentifier
                    + ", the primary of spring.datasource.url has " + primary.systemIdentifier + ")";
        }
        return null;
    }
}
