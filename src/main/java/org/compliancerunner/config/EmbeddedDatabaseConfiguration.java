package org.compliancerunner.config;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Starts or joins the embedded PostgreSQL when no datasource URL is configured; Boot's own datasource backs off. */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    /** Not stopped with the context: the next command connects to it (see {@link IdleWatchdog}). */
    @Bean
    EmbeddedDatabase embeddedDatabase(ComplianceProperties properties, EmbeddedDatabaseProperties embedded) {
        return EmbeddedDatabase.start(properties.home(), embedded.idleShutdown());
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
        // connections as they are needed: a read command uses one, and each costs a password exchange to open
        dataSource.setMinimumIdle(1);
        return dataSource;
    }
}
