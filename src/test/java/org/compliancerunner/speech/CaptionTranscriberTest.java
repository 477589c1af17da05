package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_DVD_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MOV_TEXT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_SUBRIP;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.demo.SampleMedia.Cue;
import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.speech.SubtitledFile.Track;
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
        SampleMedia.writeCaptions(dir.resolve("clip.en.srt"), List.of(new Cue(1_000, 2_000, "english")));
        Files.writeString(dir.resolve("clip.vtt"), "WEBVTT\n\n00:03.000 --> 00:04.000\nexact\n");

        Transcript transcript = finish(media, NO_SUBTITLES);

        assertThat(transcript.source()).isEqualTo("captions:vtt");
        assertThat(transcript.segments()).containsExactly(new TranscriptSegment(3000, 4000, "exact", "captions:vtt"));
    }

    @Test
    void acceptsALanguageSuffixedSidecar() throws Exception {
        Path media = Files.createFile(dir.resolve("clip.mp4"));
        SampleMedia.writeCaptions(dir.resolve("clip.final.mp4.srt"), List.of(new Cue(9_000, 10_000, "other file")));
        SampleMedia.writeCaptions(dir.resolve("clip.pt-BR.srt"), List.of(new Cue(1_000, 2_000, "ola")));

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
        SampleMedia.writeCaptions(dir.resolve("clip.srt"), List.of(new Cue(1_000, 2_000, "hi")));

        try (TranscriptionSession session = captions.open(media, NO_SUBTITLES)) {
            assertThat(session.wantsSpeechAudio()).isFalse();
            assertThat(session.wantsVideo()).isFalse();
        }
    }

    @Test
    void readsTheEmbeddedSubtitleStream() throws Exception {
        Path media = SubtitledFile.write(dir.resolve("embedded.mp4"), "mp4",
                new Track(AV_CODEC_ID_MOV_TEXT, EmbeddedCaptionsTest.CUES));

        Transcript transcript = finish(media, new MediaInfo("mov", 5_000, null, null, 1));

        assertThat(transcript.source()).isEqualTo("captions:embedded");
        assertThat(transcript.note()).isEqualTo("captions from subtitle stream 0");
        EmbeddedCaptionsTest.assertCues(transcript.segments());
    }

    @Test
    void skipsABitmapStreamForALaterTextStream() throws Exception {
        Path media = SubtitledFile.write(dir.resolve("two.mkv"), "matroska",
                new Track(AV_CODEC_ID_DVD_SUBTITLE, List.of(new Cue(500, 900, "picture"))),
                new Track(AV_CODEC_ID_SUBRIP, EmbeddedCaptionsTest.CUES));

        Transcript transcript = finish(media, new MediaInfo("matroska,webm", 5_000, null, null, 2));

        assertThat(transcript.note()).isEqualTo("captions from subtitle stream 1");
        EmbeddedCaptionsTest.assertCues(transcript.segments());
    }

    @Test
    void onlyABitmapStreamFailsSayingItIsPictures() {
        Path media = SubtitledFile.write(dir.resolve("dvd.mkv"), "matroska",
                new Track(AV_CODEC_ID_DVD_SUBTITLE, List.of(new Cue(500, 900, "picture"))));

        assertThatThrownBy(() -> captions.open(media, new MediaInfo("matroska,webm", 1_000, null, null, 1)))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("Subtitle stream 0 of dvd.mkv is dvd_subtitle")
                .hasMessageContaining("pictures and cannot be read as text");
    }

    @Test
    void aFileThatIsNotMediaFailsWithFfmpegsReason() throws Exception {
        Path media = Files.writeString(dir.resolve("broken.mp4"), "not a video");

        assertThatThrownBy(() -> captions.open(media, new MediaInfo("mov", 1000, null, null, 1)))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("broken.mp4")
                .hasMessageContaining("FFmpeg");
    }

    private Transcript finish(Path media, MediaInfo info) throws TranscriptionException {
        try (TranscriptionSession session = captions.open(media, info)) {
            return session.finish();
        }
    }

    @Test
    void aSidecarsLanguageSuffixIsTheTranscriptsLanguage() {
        assertThat(CaptionTranscriber.languageTag("clip", Path.of("clip.ru.srt"))).isEqualTo("ru");
        assertThat(CaptionTranscriber.languageTag("clip", Path.of("clip.en-GB.vtt"))).isEqualTo("en");
        assertThat(CaptionTranscriber.languageTag("clip", Path.of("clip.srt"))).isNull();
    }
}
