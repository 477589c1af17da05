package org.compliancerunner.review;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.compliancerunner.policy.Severity;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the review queue works.
 *
 * @param minSeverity triggers of this severity or worse become review items
 * @param lease       how long a claimed item stays with its operator before it returns to the queue
 */
@Validated
@ConfigurationProperties("compliance.review")
public record ReviewProperties(
        @NotNull @DefaultValue("medium") Severity minSeverity,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration lease) {
}
