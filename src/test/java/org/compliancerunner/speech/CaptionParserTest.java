package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;

class CaptionParserTest {

    private final CaptionParser srt = new CaptionParser("captions:srt");
    private final CaptionParser vtt = new CaptionParser("captions:vtt");

    @Test
    void readsSrtWithBomCrlfMultiLineCuesAndBothMillisecondSeparators() throws Exception {
        String content = "\uFEFF1\r\n00:00:01,500 --> 00:00:03,250\r\nFirst line\r\nsecond line\r\n\r\n"
                + "2\r\n01:02:03.004 --> 01:02:04.000\r\n<i>Styled</i> &amp; <b>bold</b>\r\n\r\n";

        List<TranscriptSegment> segments = srt.parse(content, "clip.srt");

        assertThat(segments).containsExactly(
                new TranscriptSegment(1500, 3250, "First line second line", "captions:srt"),
                new TranscriptSegment(3723004, 3724000, "Styled & bold", "captions:srt"));
    }

    @Test
    void readsWebVttSkippingHeaderNotesStyleAndRegionAndCueSettings() throws Exception {
        String content = """
                WEBVTT - a title
                Kind: captions

                NOTE this block is a comment
                with two lines

                STYLE
                ::cue { color: yellow }

                REGION
                id:fred width:40%

                intro
                00:01.000 --> 00:04.500 position:10% align:start
                <v Roger Bingham>We are in New York City</v>

                00:00:05.000 --> 00:00:06.000
                <c.yellow>Tiny</c> &lt;tag&gt;&nbsp;text {\\an8}<font color="red">red</font>
                """;

        List<TranscriptSegment> segments = vtt.parse(content, "clip.vtt");

        assertThat(segments).containsExactly(
                new TranscriptSegment(1000, 4500, "We are in New York City", "captions:vtt"),
                new TranscriptSegment(5000, 6000, "Tiny <tag> text red", "captions:vtt"));
    }

    @Test
    void aMalformedCueIsSkippedAndTheRestIsRead() {
        String content = "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03;000 --> 00:00:04,000\nbad\n\n"
                + "3\n00:00:05,000 --> 00:00:06,000\nafter\n";

        assertThat(srt.parse(content, "movie.srt")).extracting(TranscriptSegment::text).containsExactly("ok", "after");
    }

    @Test
    void readsTheAutocutFixtureWithItsEnglishCue() throws Exception {
        List<TranscriptSegment> segments = srt.parse(Files.readString(Fixtures.require("video/autocut_test001.srt")), "autocut_test001.srt");

        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).startMs()).isZero();
        assertThat(segments.get(0).endMs()).isEqualTo(5000);
        assertThat(segments.get(1)).isEqualTo(new TranscriptSegment(5000, 10260,
                "Hello, my name is AutoCut. This is a video for testing.", "captions:srt"));
    }
}
