package org.compliancerunner.config;

import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic work runs on Boot's one task scheduler ({@code spring.task.scheduling.*}): {@code @Scheduled} methods and
 * the components that schedule on the {@code TaskScheduler} bean, instead of a thread pool of their own each.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

    /**
     * Keeps the scheduler running while the context closes, until it is destroyed: a worker handing its partition
     * back and a sweep finishing after a stop must go on renewing their leases, or another process takes their
     * work over while it is still in hand. What is still scheduled then ends as the scheduler is destroyed.
     */
    @Bean
    ThreadPoolTaskSchedulerCustomizer schedulingThroughClose() {
        return scheduler -> scheduler.setAcceptTasksAfterContextClose(true);
    }
}
