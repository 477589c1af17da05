package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

class ConnectionBudgetTest {

    @Test
    void neverRunsMorePartitionsThanThePoolCanCarry() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setMaximumPoolSize(10);

            assertThat(ConnectionBudget.partitions(2, pool)).isEqualTo(2);
            assertThat(ConnectionBudget.partitions(4, pool)).isEqualTo(4);
            // 6 partitions: 6 chunk connections, 2 for marking videos PROCESSING, 2 for heartbeats
            assertThat(ConnectionBudget.partitions(12, pool)).isEqualTo(6);
            pool.setMaximumPoolSize(3);
            assertThat(ConnectionBudget.partitions(8, pool)).isEqualTo(1);
        }
    }

    @Test
    void findsThePoolBehindTheReplicaRoutingProxy() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setMaximumPoolSize(10);

            assertThat(ConnectionBudget.partitions(12, new LazyConnectionDataSourceProxy(pool)))
                    .isEqualTo(ConnectionBudget.partitions(12, pool)).isEqualTo(6);
        }
    }

    @Test
    void leavesAnUnknownPoolAlone() {
        assertThat(ConnectionBudget.partitions(12, new DriverManagerDataSource())).isEqualTo(12);
    }
}
