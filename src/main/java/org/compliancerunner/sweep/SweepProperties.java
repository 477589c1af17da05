package org.compliancerunner.sweep;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a sweep runs.
 *
 * @param chunkSize  videos per chunk, which is one transaction: a crash redoes at most this many per partition
 * @param partitions partitions of the analyze step when the sweep does not say; 0 means one per core
 * @param lease      a sweep execution whose process has not signalled for this long is taken as crashed
 * @param claimBatch videos claimed at a time: the claim step claims the first batch, partitions the next ones as they
 *                   run out, so a sweep starts analysing at once however many videos wait
 * @see org.compliancerunner.inspection.VideoTimeout the time budget of one video, {@code compliance.sweep.video-timeout}
 */
@Validated
@ConfigurationProperties("compliance.sweep")
public record SweepProperties(
        @Min(1) @Max(1000) @DefaultValue("4") int chunkSize,
        @Min(0) @Max(256) @DefaultValue("0") int partitions,
        @NotNull @DefaultValue("60s") Duration lease,
        @Min(1) @Max(1_000_000) @DefaultValue("10000") int claimBatch) {

    public int defaultPartitions() {
        return partitions > 0 ? partitions : Runtime.getRuntime().availableProcessors();
    }
}
