package org.compliancerunner.inspection;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long checking one video may take: {@code factor} times its duration, at least {@code minimum}. A slow CPU-only
 * whisper model transcribes at about real time and decoding is much faster, so 4× leaves room for partitions sharing
 * the cores; the 2 minute floor covers what does not grow with the duration (probe, model load, a transcription
 * server's first answer) and videos whose duration is unknown.
 *
 * @param factor  the budget per second of media; 0 makes {@code minimum} a fixed budget for every video
 * @param minimum the least budget of any video, and the budget of one whose duration is unknown
 * @param grace   how long a timed-out or stopped inspection gets to reach its next safe point (a frame, an audio
 *                window, a rule) before its thread is abandoned and the partition goes on without it
 */
@Validated
@ConfigurationProperties("compliance.sweep.video-timeout")
public record VideoTimeout(
        @DecimalMin("0") @DecimalMax("1000") @DefaultValue("4") double factor,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("2m") Duration minimum,
        @NotNull @DurationMin(millis = 0) @DefaultValue("10s") Duration grace) {

    /** The budget of a video of {@code durationMs} (null or 0 when unknown). */
    public Duration budgetFor(@Nullable Long durationMs) {
        long scaled = durationMs == null || durationMs <= 0 ? 0 : Math.round(durationMs * factor);
        return Duration.ofMillis(Math.max(minimum.toMillis(), scaled));
    }
}
