package org.compliancerunner.config;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded PostgreSQL when no datasource URL is configured; Boot's own datasource backs off. */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(ComplianceProperties properties) {
        return EmbeddedDatabase.start(properties.home());
    }

    /** Secrets made on first start and kept under this home: one home, one database, so they stay together. */
    @Bean
    HomeSecrets homeSecrets(ComplianceProperties properties) {
        return new HomeSecrets(properties.home());
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setPassword(database.password());
        dataSource.setPoolName("embedded");
        // a sweep partition needs two connections at times (see ConnectionBudget): room for one per core
        dataSource.setMaximumPoolSize(Math.max(10, 2 * Runtime.getRuntime().availableProcessors() + 4));
        return dataSource;
    }
}
