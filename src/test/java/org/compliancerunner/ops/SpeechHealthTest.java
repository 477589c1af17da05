package org.compliancerunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.compliancerunner.speech.SpeechEngine;
import org.compliancerunner.speech.SpeechProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The speech engine is ready when what it needs is there: captions nothing, whisper its model, openai its server. */
class SpeechHealthTest {

    @TempDir
    Path dir;

    @Test
    void captionsAndAutoWithNothingConfiguredAreUp() {
        assertThat(health(SpeechEngine.CAPTIONS, null, null).getStatus()).isEqualTo(Status.UP);
        assertThat(health(SpeechEngine.AUTO, null, null).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void whisperIsDownUntilItsModelFileIsThere() throws Exception {
        Path model = dir.resolve("ggml-base.en.bin");

        Health missing = health(SpeechEngine.WHISPER, model, null);
        assertThat(missing.getStatus()).isEqualTo(Status.DOWN);
        assertThat(missing.getDetails().get("whisper").toString()).contains(model.toString(), "missing");
        assertThat(health(SpeechEngine.WHISPER, null, null).getStatus()).isEqualTo(Status.DOWN);

        Files.write(model, new byte[] {1, 2, 3});
        assertThat(health(SpeechEngine.WHISPER, model, null).getStatus()).isEqualTo(Status.UP);
        assertThat(health(SpeechEngine.AUTO, model, null).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void openAiIsUpWhenItsServerAcceptsAConnectionAndDownWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            URI url = URI.create("http://127.0.0.1:" + port + "/");
            assertThat(health(SpeechEngine.OPENAI, null, url).getStatus()).isEqualTo(Status.UP);
        }
        Health closed = health(SpeechEngine.AUTO, null, URI.create("http://127.0.0.1:" + port + "/"));
        assertThat(closed.getStatus()).isEqualTo(Status.DOWN);
        assertThat(closed.getDetails().get("openai").toString()).contains("cannot connect", String.valueOf(port));
    }

    private static Health health(SpeechEngine engine, Path model, URI openAi) {
        SpeechProperties properties = new SpeechProperties(engine, new SpeechProperties.Whisper(model, 30, 0),
                new SpeechProperties.OpenAi(openAi, null, "whisper-1", Duration.ofSeconds(10), Duration.ofMinutes(10), 3));
        return new SpeechHealth(properties).health();
    }
}
