package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_SUBRIP;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.demo.SampleMedia.Cue;
import org.compliancerunner.media.MediaInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechEnginesTest {

    private static final MediaInfo PLAIN = new MediaInfo("mov", 10_000, "h264", "aac", 0);
    private static final MediaInfo WITH_SUBTITLES = new MediaInfo("mov", 10_000, "h264", "aac", 1);
    private static final Path MODEL = Path.of("/models/ggml-base.en.bin");
    private static final URI SERVER = URI.create("http://127.0.0.1:9/");

    @TempDir
    Path dir;

    @Test
    void autoPrefersCaptionsBesideTheFileOverEveryOtherEngine() throws Exception {
        Path media = clipWithSidecarCaptions();
        SpeechEngines engines = engines(SpeechEngine.AUTO, MODEL, SERVER);

        try (TranscriptionSession session = engines.open(media, PLAIN)) {
            assertThat(session.finish().source()).isEqualTo("captions:srt");
        }
    }

    @Test
    void autoPicksCaptionsForAnEmbeddedStreamThenWhisperThenOpenai() throws Exception {
        Path media = Files.createFile(dir.resolve("clip.mp4"));

        assertThat(engines(SpeechEngine.AUTO, MODEL, SERVER).choose(media, WITH_SUBTITLES).name()).isEqualTo("captions");
        assertThat(engines(SpeechEngine.AUTO, MODEL, SERVER).choose(media, PLAIN).name()).isEqualTo("whisper");
        assertThat(engines(SpeechEngine.AUTO, null, SERVER).choose(media, PLAIN).name()).isEqualTo("openai");
    }

    @Test
    void autoReadsAnEmbeddedTextStreamWhenNoSidecarExists() throws Exception {
        Path media = SubtitledFile.write(dir.resolve("clip.mkv"), "matroska",
                new SubtitledFile.Track(AV_CODEC_ID_SUBRIP, EmbeddedCaptionsTest.CUES));

        Transcript transcript = finish(engines(SpeechEngine.AUTO, MODEL, SERVER), media,
                new MediaInfo("matroska,webm", 5_000, null, null, 1));

        assertThat(transcript.source()).isEqualTo("captions:embedded");
        EmbeddedCaptionsTest.assertCues(transcript.segments());
    }

    @Test
    void autoWithNothingConfiguredIsUnavailableAndSaysWhatToSet() throws Exception {
        Path media = Files.createFile(dir.resolve("clip.mp4"));

        Transcript transcript = finish(engines(SpeechEngine.AUTO, null, null), media, PLAIN);

        assertThat(transcript.available()).isFalse();
        assertThat(transcript.note()).isEqualTo("no captions beside the file or in it, no whisper model"
                + " (compliance.speech.whisper.model), no OpenAI-compatible URL (compliance.speech.openai.base-url)");
    }

    @Test
    void explicitCaptionsWithoutCaptionsIsUnavailableEvenWhenWhisperIsConfigured() throws Exception {
        Path media = Files.createFile(dir.resolve("clip.mp4"));

        Transcript transcript = finish(engines(SpeechEngine.CAPTIONS, MODEL, SERVER), media, PLAIN);

        assertThat(transcript.available()).isFalse();
        assertThat(transcript.note()).contains("no captions beside clip.mp4");
    }

    @Test
    void noneIsUnavailableWhateverExists() throws Exception {
        Path media = clipWithSidecarCaptions();

        Transcript transcript = finish(engines(SpeechEngine.NONE, MODEL, SERVER), media, PLAIN);

        assertThat(transcript.available()).isFalse();
        assertThat(transcript.note()).isEqualTo("speech engine is 'none'");
    }

    @Test
    void explicitEnginesThatAreNotSetUpFailNamingTheProperty() {
        Path media = dir.resolve("clip.mp4");

        assertThatThrownBy(() -> engines(SpeechEngine.OPENAI, MODEL, null).open(media, PLAIN))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("compliance.speech.openai.base-url");
        assertThatThrownBy(() -> engines(SpeechEngine.WHISPER, null, SERVER).open(media, PLAIN))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("compliance.speech.whisper.model");
    }

    @Test
    void describesTheEngineAndWhatIsSwitchedOn() {
        assertThat(engines(SpeechEngine.AUTO, null, null).describe())
                .isEqualTo("auto (captions, whisper: off, openai: off)");
        assertThat(engines(SpeechEngine.WHISPER, MODEL, SERVER).describe())
                .isEqualTo("whisper (captions, whisper: " + MODEL + ", openai: " + SERVER + ")");
    }

    private static SpeechEngines engines(SpeechEngine engine, Path model, URI server) {
        SpeechProperties defaults = SpeechProperties.defaults();
        return new SpeechEngines(new SpeechProperties(engine, new SpeechProperties.Whisper(model, 30, 0),
                new SpeechProperties.OpenAi(server, null, "whisper-1", Duration.ofSeconds(1), Duration.ofSeconds(5),
                        defaults.openai().retries())));
    }

    /** clip.mp4 (empty: these engines do not open it) with a clip.srt beside it. */
    private Path clipWithSidecarCaptions() throws IOException {
        SampleMedia.writeCaptions(dir.resolve("clip.srt"), List.of(new Cue(1_000, 2_000, "hello")));
        return Files.createFile(dir.resolve("clip.mp4"));
    }

    private static Transcript finish(SpeechEngines engines, Path media, MediaInfo info) throws Exception {
        try (TranscriptionSession session = engines.open(media, info)) {
            return session.finish();
        }
    }
}
