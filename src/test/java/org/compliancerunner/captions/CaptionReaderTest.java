package org.compliancerunner.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Bad caption input is read as far as it can be, and what could not be read names its line. */
class CaptionReaderTest {

    private static CaptionTrack srt(String text) {
        return CaptionReader.read(text.getBytes(StandardCharsets.UTF_8), CaptionTrack.SRT, "clip.srt", 25);
    }

    @Test
    void keepsTheLinesTimingsIndexesAndMarkupAsWritten() {
        CaptionTrack track = srt("\uFEFF1\r\n00:00:01,500 --> 00:00:03,250\r\n<i>First</i> line\r\nsecond line\r\n\r\n"
                + "2\r\n00:00:04,000 --> 00:00:05,000\r\n{\\an8}top\r\n");

        assertThat(track.problems()).isEmpty();
        assertThat(track.cues()).containsExactly(
                new Cue(2, 1, 1500, 3250, List.of("<i>First</i> line", "second line")),
                new Cue(7, 2, 4000, 5000, List.of("{\\an8}top")));
        assertThat(track.cues().get(0).plainLines()).containsExactly("First line", "second line");
    }

    @Test
    void negativeAndMalformedTimesAndCuesEndingBeforeTheyStartAreSkippedByLine() {
        CaptionTrack track = srt("""
                1
                -00:00:01,000 --> 00:00:02,000
                negative

                2
                00:00:03;000 --> 00:00:04,000
                malformed

                3
                00:00:06,000 --> 00:00:05,000
                backwards

                4
                00:00:07,000 --> 00:00:08,000
                fine
                """);

        assertThat(track.cues()).extracting(Cue::text).containsExactly("fine");
        assertThat(track.problems()).extracting(CaptionProblem::line).containsExactly(2, 6, 10);
        assertThat(track.problems().get(0).message()).startsWith("negative time '-00:00:01,000'");
        assertThat(track.problems().get(1).message()).startsWith("malformed time '00:00:03;000'");
        assertThat(track.problems().get(2).message()).contains("ends (00:00:05,000) before it starts");
    }

    @Test
    void missingIndexesAndMissingBlankLinesStillGiveEveryCue() {
        CaptionTrack track = srt("""
                00:00:01,000 --> 00:00:02,000
                no index
                2
                00:00:03,000 --> 00:00:04,000
                no blank line before
                """);

        assertThat(track.cues()).extracting(Cue::text).containsExactly("no index", "no blank line before");
        assertThat(track.cues()).extracting(Cue::index).containsExactly(null, 2);
        assertThat(track.problems()).containsExactly(
                new CaptionProblem(1, "the cue has no index number before its timing line"));
    }

    @Test
    void latin1BytesAreReadAsWindows1252AndTheFirstBadLineIsNamed() {
        byte[] bytes = "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> 00:00:04,000\ncaf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        CaptionTrack track = CaptionReader.read(bytes, CaptionTrack.SRT, "latin.srt", 25);

        assertThat(track.cues()).extracting(Cue::text).containsExactly("ok", "café");
        assertThat(track.problems()).hasSize(1);
        assertThat(track.problems().get(0).line()).isEqualTo(7);
        assertThat(track.problems().get(0).message()).contains("not UTF-8").contains("0xE9");
    }

    @Test
    void aBlockWithoutTimingIsSkippedAndNamed() {
        CaptionTrack track = srt("1\nno timing here\n\n2\n00:00:01,000 --> 00:00:02,000\nafter\n");

        assertThat(track.cues()).extracting(Cue::text).containsExactly("after");
        assertThat(track.problems()).extracting(CaptionProblem::describe)
                .containsExactly("line 1: expected a cue timing line 'start --> end', found '1'; the block is skipped");
    }

    @Test
    void readsFiftyThousandCues() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            long start = i * 2000L;
            text.append(i + 1).append('\n').append(stamp(start)).append(" --> ").append(stamp(start + 1500))
                    .append("\nline ").append(i).append("\n\n");
        }

        CaptionTrack track = srt(text.toString());

        assertThat(track.cues()).hasSize(50_000);
        assertThat(track.cues().get(49_999).startMs()).isEqualTo(49_999 * 2000L);
        assertThat(track.problems()).isEmpty();
    }

    @Test
    void markupTheFormatDoesNotDefineIsFound() {
        assertThat(CaptionMarkup.notAllowed(CaptionTrack.SRT, "<i>ok</i> <font color=\"red\">ok</font> {\\an8}"))
                .isEmpty();
        assertThat(CaptionMarkup.notAllowed(CaptionTrack.SRT, "<span>x</span> {\\pos(1,2)}"))
                .containsExactly("<span>", "</span>", "{\\pos(1,2)}");
        assertThat(CaptionMarkup.notAllowed(CaptionTrack.VTT, "<v Roger>hi</v> <c.yellow>y</c> <00:01.000>")).isEmpty();
        assertThat(CaptionMarkup.notAllowed(CaptionTrack.VTT, "<font color=\"red\">red</font> {\\an8}"))
                .containsExactly("<font color=\"red\">", "</font>", "{\\an8}");
    }

    // built by hand: 100,000 String.format calls would cost more than reading the file
    static String stamp(long millis) {
        return two(millis / 3_600_000) + ":" + two(millis / 60_000 % 60) + ":" + two(millis / 1000 % 60) + ","
                + (millis % 1000 + 1000 + "").substring(1);
    }

    private static String two(long value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }
}
