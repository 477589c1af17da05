package org.compliancerunner.media.voice;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The voice-activity detector that maps where people speak, bound from {@code compliance.speech.activity.*}. The
 * defaults are Silero VAD's own ({@code get_speech_timestamps}).
 *
 * @param enabled    off: no speech map, and nothing that needs one is judged
 * @param model      a Silero VAD v6 ONNX file to use instead of the one in the jar
 * @param threshold  speech probability from which a window counts as speech; it ends below threshold − 0.15
 * @param minSpeech  shorter bursts are not speech
 * @param minSilence a pause must last this long to end a segment
 * @param padding    added before and after each segment (pauses shorter than twice this are split between them)
 */
@Validated
@ConfigurationProperties("compliance.speech.activity")
public record VoiceActivityProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable Path model,
        @DecimalMin("0.05") @DecimalMax("0.95") @DefaultValue("0.5") double threshold,
        @NotNull @DefaultValue("250ms") Duration minSpeech,
        @NotNull @DefaultValue("100ms") Duration minSilence,
        @NotNull @DefaultValue("30ms") Duration padding) {

    /** The defaults, for code that runs without Spring's binding. */
    public static VoiceActivityProperties defaults() {
        return new VoiceActivityProperties(true, null, 0.5, Duration.ofMillis(250), Duration.ofMillis(100),
                Duration.ofMillis(30));
    }
}
