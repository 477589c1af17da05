package org.compliancerunner.sweep;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.compliancerunner.config.HikariPools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many partitions the connection pool can carry: each partition holds its chunk's connection for the whole chunk
 * and briefly takes a second one to show a video as PROCESSING (a few milliseconds, so a quarter of the partitions'
 * count is enough for those), and the heartbeats need two more. More partitions than that would wait on each other
 * for connections until the pool times out; fewer spare connections than one per partition keep 64 workers within
 * a database's usual 100 connections.
 */
final class ConnectionBudget {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);

    private ConnectionBudget() {
    }

    static int partitions(int requested, DataSource dataSource) {
        HikariDataSource pool = HikariPools.behind(dataSource);
        if (pool == null) {
            return requested;
        }
        int affordable = requested;
        while (affordable > 1 && connections(affordable) > pool.getMaximumPoolSize()) {
            affordable--;
        }
        if (requested <= affordable) {
            return requested;
        }
        log.warn("{} partitions need {} database connections but the pool has {}; running {} partitions "
                        + "(raise spring.datasource.hikari.maximum-pool-size for more)",
                requested, connections(requested), pool.getMaximumPoolSize(), affordable);
        return affordable;
    }

    /** Connections that {@code partitions} partitions need: one each, a quarter more for short writes, two beats. */
    static int connections(int partitions) {
        return partitions + (partitions + 3) / 4 + 2;
    }
}
