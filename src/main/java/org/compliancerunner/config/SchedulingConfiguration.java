package org.compliancerunner.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic work runs on Boot's one task scheduler ({@code spring.task.scheduling.*}): {@code @Scheduled} methods and
 * the components that schedule on the {@code TaskScheduler} bean, instead of a thread pool of their own each.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
