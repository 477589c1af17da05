package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class SpeechPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SpeechProperties.class)
    @Import(SpeechEngines.class)
    static class Speech {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Speech.class);

    @Test
    void defaultsAreAutoWithWhisperAndOpenaiOff() {
        context.run(started -> {
            SpeechProperties speech = started.getBean(SpeechProperties.class);
            assertThat(speech.engine()).isEqualTo(SpeechEngine.AUTO);
            assertThat(speech.whisper()).isEqualTo(new SpeechProperties.Whisper(null, 30, 0));
            assertThat(speech.openai()).isEqualTo(new SpeechProperties.OpenAi(null, null, "whisper-1",
                    Duration.ofSeconds(10), Duration.ofMinutes(10), 3));
            assertThat(speech).isEqualTo(SpeechProperties.defaults());
            assertThat(started.getBean(SpeechEngines.class).describe())
                    .isEqualTo("auto (captions, whisper: off, openai: off)");
        });
    }

    @Test
    void bindsRelaxedNamesAndNestedSettings() {
        context.withPropertyValues("compliance.speech.engine=captions",
                        "compliance.speech.whisper.model=/models/ggml-small.en.bin",
                        "compliance.speech.whisper.window-seconds=20",
                        "compliance.speech.openai.base-url=http://asr.internal:8000",
                        "compliance.speech.openai.api-key=k", "compliance.speech.openai.request-timeout=2m")
                .run(started -> {
                    SpeechProperties speech = started.getBean(SpeechProperties.class);
                    assertThat(speech.engine()).isEqualTo(SpeechEngine.CAPTIONS);
                    assertThat(speech.whisper().model()).isEqualTo(Path.of("/models/ggml-small.en.bin"));
                    assertThat(speech.whisper().windowSeconds()).isEqualTo(20);
                    assertThat(speech.openai().baseUrl()).isEqualTo(URI.create("http://asr.internal:8000"));
                    assertThat(speech.openai().requestTimeout()).isEqualTo(Duration.ofMinutes(2));
                });
    }

    @Test
    void anUnknownEngineStopsStartUpNamingThePropertyAndTheValue() {
        context.withPropertyValues("compliance.speech.engine=klingon").run(started -> {
            assertThat(started).hasFailed();
            assertThat(messages(started.getStartupFailure()))
                    .contains("compliance.speech.engine").contains("klingon");
        });
    }

    @Test
    void aZeroWindowStopsStartUpNamingTheProperty() {
        context.withPropertyValues("compliance.speech.whisper.window-seconds=0").run(started -> {
            assertThat(started).hasFailed();
            assertThat(messages(started.getStartupFailure())).contains("compliance.speech.whisper").contains("windowSeconds");
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
