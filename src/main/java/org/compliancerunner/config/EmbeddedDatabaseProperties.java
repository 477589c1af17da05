package org.compliancerunner.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL (no {@code SPRING_DATASOURCE_URL}).
 *
 * @param idleShutdown how long the server stays up without a client after the last command; 0 keeps it up until
 *                     {@code db stop}
 */
// not @Validated: every value has a default and binding fails on a malformed one anyway, and the commands that read it
// are meant to start without the bean validator
@ConfigurationProperties("compliance.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("15m") Duration idleShutdown) {
}
