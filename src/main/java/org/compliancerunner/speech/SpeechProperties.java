package org.compliancerunner.speech;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Speech settings, bound from {@code compliance.speech.*} ({@code COMPLIANCE_SPEECH_ENGINE=captions} works too).
 *
 * @param engine  auto, captions, whisper, openai or none
 * @param whisper the local whisper.cpp engine
 * @param openai  any OpenAI-compatible {@code /v1/audio/transcriptions} server
 */
@Validated
@ConfigurationProperties("compliance.speech")
public record SpeechProperties(
        @NotNull @DefaultValue("auto") SpeechEngine engine,
        @Valid @NotNull @DefaultValue Whisper whisper,
        @Valid @NotNull @DefaultValue OpenAi openai) {

    /**
     * @param model         a ggml whisper model file, e.g. from {@code scripts/fetch-model}; unset means whisper is off
     * @param windowSeconds audio is transcribed in windows of this length, so memory does not grow with the video
     * @param threads       native threads per transcription; 0 picks from the available processors
     */
    public record Whisper(
            @Nullable Path model,
            @Min(1) @Max(600) @DefaultValue("30") int windowSeconds,
            @Min(0) @Max(256) @DefaultValue("0") int threads) {

        public boolean configured() {
            return model != null;
        }
    }

    /**
     * @param baseUrl        server root; {@code /v1/audio/transcriptions} is appended; unset means openai is off
     * @param apiKey         sent as a bearer token when set
     * @param model          the model name the server expects
     * @param retries        further attempts after an IO error, 429 or 5xx
     */
    public record OpenAi(
            @Nullable URI baseUrl,
            @Nullable String apiKey,
            @NotBlank @DefaultValue("whisper-1") String model,
            @NotNull @DefaultValue("10s") Duration connectTimeout,
            @NotNull @DefaultValue("10m") Duration requestTimeout,
            @Min(0) @Max(10) @DefaultValue("3") int retries) {

        public boolean configured() {
            return baseUrl != null;
        }

        public boolean hasApiKey() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /** Settings with every default, for code that runs without Spring. */
    public static SpeechProperties defaults() {
        return new SpeechProperties(SpeechEngine.AUTO, new Whisper(null, 30, 0),
                new OpenAi(null, null, "whisper-1", Duration.ofSeconds(10), Duration.ofMinutes(10), 3));
    }
}
