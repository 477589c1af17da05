package org.compliancerunner.batch;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many partitions the connection pool can carry: each partition holds its chunk's connection and briefly takes a
 * second one to show a video as PROCESSING, and the lease heartbeat needs one more. More partitions than that would
 * wait on each other for connections until the pool times out.
 */
final class ConnectionBudget {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);

    private ConnectionBudget() {
    }

    static int partitions(int requested, DataSource dataSource) {
        HikariDataSource pool = pool(dataSource);
        if (pool == null) {
            return requested;
        }
        int affordable = Math.max(1, (pool.getMaximumPoolSize() - 2) / 2);
        if (requested <= affordable) {
            return requested;
        }
        log.warn("{} partitions need {} database connections but the pool has {}; running {} partitions "
                        + "(raise spring.datasource.hikari.maximum-pool-size for more)",
                requested, 2 * requested + 2, pool.getMaximumPoolSize(), affordable);
        return affordable;
    }

    /** The pool behind the data source, also when a replica's routing proxy wraps it. */
    private static HikariDataSource pool(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
