package org.compliancerunner.sweep;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.cloud.task.configuration.EnableTask;
import org.springframework.context.annotation.Configuration;

/**
 * Every run of a job command ({@code sweep}, {@code restart}, {@code reevaluate}) is a Spring Cloud Task execution
 * ({@code task_execution}: arguments, start, end, exit code), and its job execution is linked to it
 * ({@code task_task_batch}), so a Kubernetes CronJob's runs can be audited from the database. Other commands, and the
 * long-running serve and worker, are not tasks. The task tables come from Flyway; Batch keeps its own transaction
 * manager.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${compliance.role:}'.matches('sweep|restart|reevaluate')")
@EnableTask
class TaskRecordConfiguration {
}
