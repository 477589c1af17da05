package org.compliancerunner.sweep;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code compliance.partitioning}: bound so that a misspelt value stops start-up naming the property. */
@Validated
@ConfigurationProperties("compliance")
public record PartitioningProperties(@NotNull @DefaultValue("local") Partitioning partitioning) {
}
