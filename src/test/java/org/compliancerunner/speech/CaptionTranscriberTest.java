package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.media.MediaInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionTranscriberTest {

    private static final MediaInfo NO_SUBTITLES = new MediaInfo("mov", 10_000, "h264", "aac", 0);

    private final CaptionTranscriber captions = new CaptionTranscriber(Duration.ofSeconds(60));

    @TempDir
    Path dir;

    @Test
    void prefersTheExactSidecarOverALanguageVariant() throws Exception {
        Path media = Files.createFile(dir.resolve("clip.mp4"));
        Files.writeString(dir.resolve("clip.en.srt"), "1\n00:00:01,000 --> 00:00:02,000\nenglish\n");
        Files.writeString(dir.resolve("clip.vtt"), "WEBVTT\n\n00:03.000 --> 00:04.000\nexact\n");

        Transcript transcript = finish(media, NO_SUBTITLES);

        assertThat(transcript.source()).isEqualTo("captions:vtt");
        assertThat(transcript.segments()).containsExactly(new TranscriptSegment(3000, 4000, "exact", "captions:vtt"));
    }

    @Test
    void acceptsALanguageSuffixedSidecar() throws Exception {
        Path media = Files.createFile(dir.resolve("clip.mp4"));
        Files.writeString(dir.resolve("clip.final.mp4.srt"), "1\n00:00:09,000 --> 00:00:10,000\nother file\n");
        Files.writeString(dir.resolve("clip.pt-BR.srt"), "1\n00:00:01,000 --> 00:00:02,000\nola\n");

        Transcript transcript = finish(media, NO_SUBTITLES);

        assertThat(transcript.source()).isEqualTo("captions:srt");
        assertThat(transcript.segments()).extracting(TranscriptSegment::text).containsExactly("ola");
        assertThat(captions.hasCaptions(media, NO_SUBTITLES)).isTrue();
    }

    @Test
    void noCaptionsAnywhereIsUnavailableWithTheReason() throws Exception {
        Path media = Files.createFile(dir.resolve("silent.mp4"));

        Transcript transcript = finish(media, NO_SUBTITLES);

        assertThat(captions.hasCaptions(media, NO_SUBTITLES)).isFalse();
        assertThat(transcript.available()).isFalse();
        assertThat(transcript.note()).contains("silent.mp4").contains("no subtitle stream");
    }

    @Test
    void sessionsDoNotAskForAudio() throws Exception {
        Path media = Files.createFile(dir.resolve("clip.mp4"));
        Files.writeString(dir.resolve("clip.srt"), "1\n00:00:01,000 --> 00:00:02,000\nhi\n");

        try (TranscriptionSession session = captions.open(media, NO_SUBTITLES)) {
            assertThat(session.wantsSpeechAudio()).isFalse();
            assertThat(session.wantsVideo()).isFalse();
        }
    }

    @Test
    void readsTheEmbeddedSubtitleStream() throws Exception {
        Path srt = Fixtures.require("video/autocut_test001.srt");
        Path media = dir.resolve("embedded.mp4");
        muxWithMovText(srt, media);

        Transcript transcript = finish(media, new MediaInfo("mov", 11_000, "mpeg4", null, 1));

        assertThat(transcript.source()).isEqualTo("captions:embedded");
        assertThat(transcript.segments()).last().isEqualTo(new TranscriptSegment(5000, 10260,
                "Hello, my name is AutoCut. This is a video for testing.", "captions:embedded"));
    }

    @Test
    void aFileThatIsNotMediaFailsWithFfmpegsReason() throws Exception {
        Path media = Files.writeString(dir.resolve("broken.mp4"), "not a video");

        assertThatThrownBy(() -> captions.open(media, new MediaInfo("mov", 1000, null, null, 1)))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("broken.mp4")
                .hasMessageContaining("ffmpeg");
    }

    private Transcript finish(Path media, MediaInfo info) throws TranscriptionException {
        try (TranscriptionSession session = captions.open(media, info)) {
            return session.finish();
        }
    }

    private static String bundledFfmpeg() {
        try {
            return EmbeddedCaptions.executable();
        } catch (RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Fixtures.skipUnless(false, "the bundled ffmpeg executable does not load here: " + cause.getMessage());
            return null;
        }
    }

    /** A small video with the fixture's captions as a mov_text stream, made here so nothing is copied. */
    private static void muxWithMovText(Path srt, Path target) throws Exception {
        String ffmpeg = bundledFfmpeg();
        Process process = new ProcessBuilder(List.of(ffmpeg, "-nostdin", "-v", "error", "-f", "lavfi",
                "-i", "color=c=black:s=64x64:d=11", "-i", srt.toString(), "-map", "0:v", "-map", "1:s",
                "-c:v", "mpeg4", "-c:s", "mov_text", target.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("ffmpeg: %s", output).isZero();
    }
}
