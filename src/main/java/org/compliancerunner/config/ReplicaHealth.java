package org.compliancerunner.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health contributor {@code replica} (in readiness when a replica is set): UP while the API reads from it, DEGRADED
 * while reads go to the primary because it does not answer or is not a standby of the primary. DEGRADED keeps the
 * process ready, since the primary still answers every read.
 */
class ReplicaHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "reads go to the primary");

    private final ReplicaRouting routing;

    ReplicaHealth(ReplicaRouting routing) {
        this.routing = routing;
    }

    @Override
    public Health health() {
        ReplicaReadSource reads = routing.reads();
        String url = reads.properties().shownUrl();
        try (Connection connection = reads.replica().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_is_in_recovery()")) {
            row.next();
            boolean standby = row.getBoolean(1);
            if (standby && reads.degraded() == null) {
                return Health.up().withDetail("url", url).withDetail("reads", "replica").build();
            }
            if (standby) {
                // it answers again: reads may go back to it without waiting for retry-after
                reads.up();
            }
        } catch (SQLException e) {
            reads.down(e);
        }
        String why = reads.degraded();
        Health.Builder health = why == null ? Health.up().withDetail("reads", "replica")
                : Health.status(DEGRADED).withDetail("reads", "primary").withDetail("reason", why);
        return health.withDetail("url", url).build();
    }
}
