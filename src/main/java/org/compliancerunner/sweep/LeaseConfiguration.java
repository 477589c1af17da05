package org.compliancerunner.sweep;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/** The two lease tables: which process runs a sweep execution, and which worker runs a remote partition. */
@Configuration(proxyBeanMethods = false)
class LeaseConfiguration {

    @Bean
    Leases sweepLeases(JdbcClient jdbc, TaskScheduler taskScheduler, SweepProperties properties) {
        return new Leases(jdbc, taskScheduler, "sweep_leases", "job_execution_id", properties.lease());
    }

    @Bean
    Leases partitionLeases(JdbcClient jdbc, TaskScheduler taskScheduler, SweepProperties properties) {
        return new Leases(jdbc, taskScheduler, "partition_leases", "step_execution_id", properties.lease());
    }
}
