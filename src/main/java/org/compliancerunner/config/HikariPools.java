package org.compliancerunner.config;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

/** Finds the connection pool behind the application's data source, whatever wraps it. */
public final class HikariPools {

    private HikariPools() {
    }

    /** The Hikari pool behind the data source, also when the replica's routing proxy wraps it; null for any other. */
    public static @Nullable HikariDataSource behind(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
