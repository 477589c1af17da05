package org.compliancerunner.batch;

import org.springframework.cloud.task.configuration.EnableTask;
import org.springframework.context.annotation.Configuration;

/**
 * Every run of compliance-runner is a Spring Cloud Task execution ({@code task_execution}: arguments, start, end,
 * exit code), and a sweep's job execution is linked to it ({@code task_task_batch}), so a Kubernetes CronJob's runs
 * can be audited from the database. The task tables come from Flyway; Batch keeps its own transaction manager.
 */
@Configuration(proxyBeanMethods = false)
@EnableTask
class TaskRecordConfiguration {
}
