package org.compliancerunner.sweep;

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
 * @param managerTimeout last resort: the sweep fails (restartably) when its partitions have not all ended after this
 *                       long, even though workers are still on them
 * @param resendAfter    a partition request that no worker has taken this long after it was sent is sent again
 * @param giveUpAfter    the sweep fails (restartably) when a partition has had no worker for this long, naming it
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
        @NotNull @DefaultValue("2m") Duration resendAfter,
        @NotNull @DefaultValue("15m") Duration giveUpAfter,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @Max(64) @DefaultValue("1") int consumers,
        @NotNull @DefaultValue("25s") Duration shutdownGrace) {

    public RemoteProperties {
        if (resendAfter != null && giveUpAfter != null && resendAfter.compareTo(giveUpAfter) > 0) {
            // a request would never be sent again before the sweep gave up on it
            throw new IllegalArgumentException("compliance.remote.resend-after (" + resendAfter + ") is longer than "
                    + "compliance.remote.give-up-after (" + giveUpAfter + "): set resend-after shorter, e.g. the "
                    + "defaults 2m and 15m");
        }
    }
}
