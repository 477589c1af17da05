package org.compliancerunner.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Process-wide settings: where compliance-runner keeps its own state (embedded database, default media root)
 * and who owns what this process registers.
 */
@ConfigurationProperties("compliance")
public record ComplianceProperties(Path home, String owner) {

    public ComplianceProperties {
        if (home == null) {
            home = Path.of(System.getProperty("user.home"), ".compliance-runner");
        }
        home = home.toAbsolutePath().normalize();
        if (owner == null || owner.isBlank()) {
            owner = System.getProperty("user.name", "local");
        }
    }

    public Path mediaHome() {
        return home.resolve("media");
    }

    /** Uploaded files, kept outside every media root so that no path registration can reach another owner's upload. */
    public Path uploads() {
        return home.resolve("uploads");
    }

    /** Files fetched from http(s) URIs, outside the media roots for the same reason. */
    public Path downloads() {
        return home.resolve("downloads");
    }
}
