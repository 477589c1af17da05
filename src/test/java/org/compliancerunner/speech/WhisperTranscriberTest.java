package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractThrowableAssert;
import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhisperTranscriberTest {

    private static final MediaInfo SPEECH = new MediaInfo("wav", 11_000, null, "pcm_s16le 16000 Hz 1 ch", 0);

    @Test
    void noModelConfiguredNamesThePropertyAndTheScript() {
        assertThatOpeningWith(null).hasMessageContainingAll("compliance.speech.whisper.model", "scripts/fetch-model");
    }

    @Test
    void aMissingModelFileNamesThePathThePropertyAndTheScript() {
        Path missing = Path.of("/nonexistent/ggml-base.en.bin");

        assertThatOpeningWith(missing).hasMessageContainingAll(missing.toString(), "compliance.speech.whisper.model",
                "does not exist", "scripts/fetch-model");
    }

    @Test
    void theWeightlessStubModelFailsCleanly() {
        Path stub = Fixtures.require("models/for-tests-ggml-tiny.en.bin");

        assertThatOpeningWith(stub).hasMessageContainingAll(stub.toAbsolutePath().normalize().toString(),
                "compliance.speech.whisper.model", "no tensor data", "scripts/fetch-model");
    }

    @Test
    void aWellFormedFileWhisperCannotUseIsRejectedByTheNativeLoader(@TempDir Path dir) throws Exception {
        Path model = Files.write(dir.resolve("foreign.bin"), GgmlModelFileTest.model(8));

        assertThatOpeningWith(model).hasMessageContainingAll(model.toString(), "whisper.cpp cannot load it");
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

    /** What opening a session with this model (null: none set) fails with. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertThatOpeningWith(Path model) {
        WhisperTranscriber whisper = new WhisperTranscriber(new SpeechProperties.Whisper(model, 30, 0));
        return assertThatThrownBy(() -> whisper.open(Path.of("clip.mp4"), SPEECH))
                .isInstanceOf(TranscriptionException.class);
    }
}
