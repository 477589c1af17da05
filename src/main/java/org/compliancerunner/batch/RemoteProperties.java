package org.compliancerunner.batch;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Remote partitioning over RabbitMQ ({@code compliance.partitioning=remote}).
 *
 * @param requests       queue the sweep sends partition requests to and workers consume
 * @param deadLetters    queue that keeps requests a worker could not run at all, for an operator to look at
 * @param managerTimeout the sweep fails (restartably) when its partitions have not all ended after this long
 * @param pollInterval   how often the sweep reads the partitions' state from the job repository
 * @param consumers      partitions one worker process runs at a time
 * @param shutdownGrace  on SIGTERM a worker waits this long for its partition's current chunk before it exits
 */
@Validated
@ConfigurationProperties("compliance.remote")
public record RemoteProperties(
        @NotBlank @DefaultValue("compliance.sweep.partitions") String requests,
        @NotBlank @DefaultValue("compliance.sweep.partitions.dead") String deadLetters,
        @NotNull @DefaultValue("12h") Duration managerTimeout,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @Max(64) @DefaultValue("1") int consumers,
        @NotNull @DefaultValue("25s") Duration shutdownGrace) {
}
