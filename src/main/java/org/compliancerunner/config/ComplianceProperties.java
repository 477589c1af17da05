package org.compliancerunner.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where compliance-runner keeps its own state: the embedded database and the default media root. */
@ConfigurationProperties("compliance")
public record ComplianceProperties(Path home) {

    public ComplianceProperties {
        if (home == null) {
            home = Path.of(System.getProperty("user.home"), ".compliance-runner");
        }
    }
}
