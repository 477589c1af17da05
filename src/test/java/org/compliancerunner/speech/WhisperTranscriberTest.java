package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhisperTranscriberTest {

    private static final MediaInfo SPEECH = new MediaInfo("wav", 11_000, null, "pcm_s16le 16000 Hz 1 ch", 0);

    @Test
    void noModelConfiguredNamesThePropertyAndTheScript() {
        WhisperTranscriber whisper = new WhisperTranscriber(new SpeechProperties.Whisper(null, 30, 0));

        assertThatThrownBy(() -> whisper.open(Path.of("clip.mp4"), SPEECH))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("compliance.speech.whisper.model")
                .hasMessageContaining("scripts/fetch-model");
    }

    @Test
    void aMissingModelFileNamesThePathThePropertyAndTheScript() {
        Path missing = Path.of("/nonexistent/ggml-base.en.bin");
        WhisperTranscriber whisper = new WhisperTranscriber(new SpeechProperties.Whisper(missing, 30, 0));

        assertThatThrownBy(() -> whisper.open(Path.of("clip.mp4"), SPEECH))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("compliance.speech.whisper.model")
                .hasMessageContaining("does not exist")
                .hasMessageContaining("scripts/fetch-model");
    }

    @Test
    void theWeightlessStubModelFailsCleanly() {
        Path stub = Fixtures.require("models/for-tests-ggml-tiny.en.bin");
        WhisperTranscriber whisper = new WhisperTranscriber(new SpeechProperties.Whisper(stub, 30, 0));

        assertThatThrownBy(() -> whisper.open(Path.of("clip.mp4"), SPEECH))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining(stub.toAbsolutePath().normalize().toString())
                .hasMessageContaining("compliance.speech.whisper.model")
                .hasMessageContaining("no tensor data")
                .hasMessageContaining("scripts/fetch-model");
    }

    @Test
    void aWellFormedFileWhisperCannotUseIsRejectedByTheNativeLoader(@TempDir Path dir) throws Exception {
        Path model = Files.write(dir.resolve("foreign.bin"), GgmlModelFileTest.model(8));
        WhisperTranscriber whisper = new WhisperTranscriber(new SpeechProperties.Whisper(model, 30, 0));

        assertThatThrownBy(() -> whisper.open(Path.of("clip.mp4"), SPEECH))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining(model.toString())
                .hasMessageContaining("whisper.cpp cannot load it");
    }

    @Test
    void transcribesJfkWithARealModel() throws Exception {
        String model = System.getenv("COMPLIANCE_WHISPER_MODEL");
        Fixtures.skipUnless(model != null && !model.isBlank(),
                "COMPLIANCE_WHISPER_MODEL does not name a ggml whisper model (scripts/fetch-model gets one)");
        Path jfk = Fixtures.require("speech/jfk.wav");
        WhisperTranscriber whisper = new WhisperTranscriber(new SpeechProperties.Whisper(Path.of(model), 30, 0));

        Transcript transcript;
        try (TranscriptionSession session = whisper.open(jfk, SPEECH)) {
            assertThat(session.wantsSpeechAudio()).isTrue();
            WavSamples.feed(jfk, session);
            transcript = session.finish();
        }

        String words = transcript.segments().stream().map(TranscriptSegment::text)
                .collect(Collectors.joining(" ")).toLowerCase().replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ");
        assertThat(transcript.source()).isEqualTo("whisper");
        assertThat(words).contains("ask not what your country can do for you");
        assertThat(transcript.segments()).allSatisfy(s -> assertThat(s.endMs()).isBetween(s.startMs(), 11_100L));
    }
}
