package org.compliancerunner.sweep;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Cluster-wide locks in PostgreSQL ({@code int_lock}), through Spring Integration's JdbcLockRegistry: Spring
 * Integration is already here for RabbitMQ, so no second locking library. A lock whose holder dies expires after
 * its time to live.
 */
@Configuration(proxyBeanMethods = false)
class SweepLockConfiguration {

    @Bean
    DefaultLockRepository sweepLockRepository(DataSource dataSource,
                                              @Qualifier("transactionManager") PlatformTransactionManager transactions) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("compliance-runner");
        repository.setTimeToLive(60_000);
        repository.setTransactionManager(transactions);
        return repository;
    }

    @Bean
    JdbcLockRegistry sweepLocks(DefaultLockRepository sweepLockRepository) {
        return new JdbcLockRegistry(sweepLockRepository);
    }
}
