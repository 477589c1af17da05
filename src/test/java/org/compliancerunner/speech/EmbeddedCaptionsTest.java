package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_ASS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_DVB_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_DVD_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HDMV_PGS_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MOV_TEXT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_SUBRIP;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_WEBVTT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.compliancerunner.demo.SampleMedia.Cue;
import org.compliancerunner.speech.SubtitledFile.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedCaptionsTest {

    /** Two cues every embedded-caption test writes and expects back through {@link #assertCues}. */
    static final List<Cue> CUES = List.of(new Cue(1000, 2500, "Hello there."),
            new Cue(3000, 5000, "Guaranteed returns for everyone."));

    private final EmbeddedCaptions captions = new EmbeddedCaptions(Duration.ofSeconds(60));

    @TempDir
    Path dir;

    @Test
    void readsSubripCuesFromMatroskaWithTheirTimes() throws Exception {
        Path media = SubtitledFile.write(dir.resolve("clip.mkv"), "matroska", new Track(AV_CODEC_ID_SUBRIP, CUES));

        assertCues(captions.read(media, 0));
    }

    @Test
    void readsMovTextFromMp4() throws Exception {
        Path media = SubtitledFile.write(dir.resolve("clip.mp4"), "mp4", new Track(AV_CODEC_ID_MOV_TEXT, CUES));

        assertCues(captions.read(media, 0));
    }

    @Test
    void readsAssEventsWithoutTheirStylingOrLineBreaks() throws Exception {
        List<Cue> styled = List.of(new Cue(1000, 2500, "{\\an8}Hello there."),
                new Cue(3000, 5000, "{\\i1}Guaranteed returns{\\i0}\\Nfor everyone."));
        Path media = SubtitledFile.write(dir.resolve("clip.mkv"), "matroska", new Track(AV_CODEC_ID_ASS, styled));

        assertCues(captions.read(media, 0));
    }

    @Test
    void readsTheRequestedSubtitleStreamNotTheFirst() throws Exception {
        Path media = SubtitledFile.write(dir.resolve("clip.mkv"), "matroska",
                new Track(AV_CODEC_ID_SUBRIP, List.of(new Cue(0, 500, "Bonjour."))),
                new Track(AV_CODEC_ID_SUBRIP, CUES));

        assertCues(captions.read(media, 1));
        assertThat(captions.read(media, 0)).extracting(TranscriptSegment::text).containsExactly("Bonjour.");
    }

    @Test
    void aBitmapStreamIsRefusedAsPictures() {
        Path media = SubtitledFile.write(dir.resolve("dvd.mkv"), "matroska",
                new Track(AV_CODEC_ID_DVD_SUBTITLE, List.of(new Cue(1000, 2000, "not text"))));

        assertThatThrownBy(() -> captions.read(media, 0))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("dvd.mkv")
                .hasMessageContaining("dvd_subtitle")
                .hasMessageContaining("pictures and cannot be read as text");
    }

    @Test
    void knowsWhichSubtitleCodecsArePictures() {
        assertThat(List.of(AV_CODEC_ID_DVD_SUBTITLE, AV_CODEC_ID_HDMV_PGS_SUBTITLE, AV_CODEC_ID_DVB_SUBTITLE))
                .allMatch(EmbeddedCaptions::isBitmap);
        assertThat(List.of(AV_CODEC_ID_SUBRIP, AV_CODEC_ID_ASS, AV_CODEC_ID_MOV_TEXT, AV_CODEC_ID_WEBVTT))
                .noneMatch(EmbeddedCaptions::isBitmap);
    }

    @Test
    void aStreamIndexBeyondTheFileSaysHowManyThereAre() {
        Path media = SubtitledFile.write(dir.resolve("clip.mkv"), "matroska", new Track(AV_CODEC_ID_SUBRIP, CUES));

        assertThatThrownBy(() -> captions.read(media, 1))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("clip.mkv has 1 subtitle stream(s)");
    }

    static void assertCues(List<TranscriptSegment> segments) {
        assertThat(segments).extracting(TranscriptSegment::text)
                .containsExactly("Hello there.", "Guaranteed returns for everyone.");
        assertThat(segments).extracting(TranscriptSegment::source).containsOnly("captions:embedded");
        assertThat(segments.get(0).startMs()).isCloseTo(1000, within(1L));
        assertThat(segments.get(0).endMs()).isCloseTo(2500, within(1L));
        assertThat(segments.get(1).startMs()).isCloseTo(3000, within(1L));
        assertThat(segments.get(1).endMs()).isCloseTo(5000, within(1L));
    }
}
