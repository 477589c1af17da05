package org.compliancerunner.cli;

import org.compliancerunner.sweep.SweepReports;
import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.catalog.Videos;
import org.compliancerunner.config.ComplianceProperties;
import org.compliancerunner.config.EmbeddedDatabaseConfiguration;
import org.compliancerunner.config.SchemaMigrations;
import org.compliancerunner.metrics.ProcessingMetrics;
import org.compliancerunner.policy.TriggerStore;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Import;
import picocli.spring.boot.autoconfigure.PicocliAutoConfiguration;

/**
 * The read commands, {@code status}, {@code videos} and {@code triggers}, on their own: the database (embedded or
 * configured, migrated as the whole application would), the job repository to read sweeps from, and the catalog and
 * trigger queries — no web server, broker, job definitions or media stack. An operator's look should take a second.
 *
 * @see CommandContexts
 */
@Import({EmbeddedDatabaseConfiguration.class, SchemaMigrations.class, ProcessingMetrics.class, Videos.class,
        SweepQueue.class, TriggerStore.class, SweepReports.class, JsonOutput.class, SweepReportPrinter.class,
        StatusCommand.class, VideosCommand.class, RequeueCommand.class, TriggersCommand.class})
@EnableConfigurationProperties(ComplianceProperties.class)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        JacksonAutoConfiguration.class, PicocliAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class,
        BatchAutoConfiguration.class, BatchJdbcAutoConfiguration.class})
public final class ReadCommands {

    private ReadCommands() {
    }
}
