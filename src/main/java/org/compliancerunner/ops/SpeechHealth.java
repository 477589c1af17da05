package org.compliancerunner.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.compliancerunner.speech.SpeechEngine;
import org.compliancerunner.speech.SpeechProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code speech}: whether the configured speech engine can work. A whisper model must be a
 * readable file and an OpenAI-compatible server must accept a connection; captions need nothing. With {@code auto},
 * only the engines that are configured are checked.
 */
@Component("speech")
class SpeechHealth implements HealthIndicator {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final SpeechProperties properties;

    SpeechHealth(SpeechProperties properties) {
        this.properties = properties;
    }

    @Override
    public Health health() {
        SpeechEngine engine = properties.engine();
        Health.Builder health = Health.up().withDetail("engine", engine.name().toLowerCase(java.util.Locale.ROOT));
        boolean checkWhisper = engine == SpeechEngine.WHISPER || engine == SpeechEngine.AUTO && properties.whisper().configured();
        boolean checkOpenAi = engine == SpeechEngine.OPENAI || engine == SpeechEngine.AUTO && properties.openai().configured();
        if (checkWhisper) {
            String problem = whisperProblem(properties.whisper().model());
            health.withDetail("whisper", problem == null ? properties.whisper().model().toString() : problem);
            if (problem != null) {
                health.down();
            }
        }
        if (checkOpenAi) {
            String problem = openAiProblem(properties.openai().baseUrl());
            health.withDetail("openai", problem == null ? properties.openai().baseUrl().toString() : problem);
            if (problem != null) {
                health.down();
            }
        }
        return health.build();
    }

    private static @Nullable String whisperProblem(@Nullable Path model) {
        if (model == null) {
            return "compliance.speech.whisper.model is not set";
        }
        if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
            return "model file " + model + " is missing or not readable";
        }
        return null;
    }

    private static @Nullable String openAiProblem(@Nullable URI baseUrl) {
        if (baseUrl == null) {
            return "compliance.speech.openai.base-url is not set";
        }
        int port = baseUrl.getPort() >= 0 ? baseUrl.getPort() : "https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(baseUrl.getHost(), port), (int) CONNECT_TIMEOUT.toMillis());
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "cannot connect to " + baseUrl.getHost() + ":" + port + ": " + e.getMessage();
        }
    }
}
