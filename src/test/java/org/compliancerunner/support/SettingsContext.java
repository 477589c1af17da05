package org.compliancerunner.support;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** A context with nothing but some settings, bound and validated as at start-up, so a wrong value stops it. */
public final class SettingsContext {

    private SettingsContext() {
    }

    /** @param settings a class that names the settings records in {@code @EnableConfigurationProperties} */
    public static ApplicationContextRunner of(Class<?> settings) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(settings);
    }
}
