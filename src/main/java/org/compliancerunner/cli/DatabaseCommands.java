package org.compliancerunner.cli;

import org.compliancerunner.sweep.SweepProperties;
import org.compliancerunner.config.ComplianceProperties;
import org.compliancerunner.config.EmbeddedDatabaseProperties;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Import;
import picocli.spring.boot.autoconfigure.PicocliAutoConfiguration;

/**
 * {@code db status} and {@code db stop} on their own: the settings that say where the home is, and nothing that would
 * start the database they look at.
 *
 * @see CommandContexts
 */
@Import({JsonOutput.class, DatabaseCommand.class, DatabaseCommand.Status.class, DatabaseCommand.Stop.class})
@EnableConfigurationProperties({ComplianceProperties.class, EmbeddedDatabaseProperties.class, SweepProperties.class})
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        JacksonAutoConfiguration.class, PicocliAutoConfiguration.class})
public final class DatabaseCommands {

    private DatabaseCommands() {
    }
}
