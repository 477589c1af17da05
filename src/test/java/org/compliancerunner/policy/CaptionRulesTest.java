package org.compliancerunner.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.compliancerunner.captions.CaptionReader;
import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.media.Interval;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.speech.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Caption rule kinds: generated caption files with one known violation each, and a clean one. */
class CaptionRulesTest {

    private static final String PACK = """
            pack: captions
            version: 1
            rules:
              - {id: captions.quality, kind: caption-quality, preset: netflix}
              - {id: captions.children, kind: caption-quality, preset: netflix, audience: children}
              - {id: captions.missing, kind: uncaptioned-speech}
              - {id: captions.required, kind: captions-required}
              - {id: captions.sync, kind: caption-sync}
            """;

    private static final String CLEAN = """
            1
            00:00:01,000 --> 00:00:03,000
            Hello there.

            2
            00:00:03,080 --> 00:00:06,000
            <i>How are you</i>
            today?
            """;

    private final RulePackParser parser = new RulePackParser();
    private final PolicyEngine engine = new PolicyEngine();

    @Test
    void readsThePresetAndItsOverrides() throws Exception {
        RulePack pack = parser.parse(PACK + "  - {id: own, kind: caption-quality, maxCharsPerSecond: 20, maxLines: 3}\n",
                "c.yaml");

        assertThat(pack.rules()).contains(
                new CaptionQualityRule("captions.quality", Severity.MEDIUM, "netflix", "adult", 5.0 / 6, 7, 2, 42, 2, 17),
                new CaptionQualityRule("captions.children", Severity.MEDIUM, "netflix", "children", 5.0 / 6, 7, 2, 42, 2, 13),
                new UncaptionedSpeechRule("captions.missing", Severity.MEDIUM, 2.0),
                new CaptionsRequiredRule("captions.required", Severity.MEDIUM, 2.0),
                new CaptionSyncRule("captions.sync", Severity.MEDIUM, 3, 12, 12),
                new CaptionQualityRule("own", Severity.MEDIUM, "netflix", "adult", 5.0 / 6, 7, 2, 42, 3, 20));
    }

    @Test
    void anUnknownPresetOrAudienceNamesTheField() {
        assertThatThrownBy(() -> parser.parse("pack: p\nversion: 1\nrules:\n"
                + "  - {id: q, kind: caption-quality, preset: bbc, audience: teens}\n", "p.yaml"))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("unknown preset \"bbc\"; known: netflix");
    }

    @Test
    void aCleanFileGivesNoTrigger() throws Exception {
        assertThat(judge(CLEAN, List.of(new Interval(1000, 2900), new Interval(3080, 5800)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            too short      | 00:00:01,000 --> 00:00:01,500\\nHi.                                  | shown 0.50 s < 0.83 s
            too long       | 00:00:01,000 --> 00:00:09,000\\nA long, slow line of text here.      | shown 8.00 s > 7 s
            line length    | 00:00:01,000 --> 00:00:05,000\\nThis line is forty-three characters long!!! | line of 43 characters > 42
            three lines    | 00:00:01,000 --> 00:00:05,000\\nOne\\nTwo\\nThree                    | 3 lines > 2
            reading speed  | 00:00:01,000 --> 00:00:02,000\\nForty characters said in a second, fast | reading speed 39 cps > 17
            empty          | 00:00:01,000 --> 00:00:02,000\\n<i></i>                              | empty cue (no text)
            markup         | 00:00:01,000 --> 00:00:03,000\\n<span>Styled</span> text             | markup <span> </span> is not allowed in SRT
            after the end  | 00:00:11,000 --> 00:00:13,000\\nToo late for this.                   | starts at 11.000 s, after the media ends at 10.000 s
            """)
    void eachViolationIsOneTriggerAtTheCueWithTheMeasuredValue(String name, String cue, String evidence)
            throws Exception {
        List<Trigger> triggers = quality("1\n" + cue.replace("\\n", "\n") + "\n");

        assertThat(triggers).hasSize(1);
        assertThat(triggers.get(0).evidence()).isEqualTo("cue at line 2: " + evidence);
        assertThat(triggers.get(0).source()).isEqualTo("captions:srt");
        assertThat(triggers.get(0).startMs()).isEqualTo(cue.startsWith("00:00:11") ? 11_000 : 1000);
    }

    @Test
    void cuesTooCloseOrOverlappingAreFlaggedOnTheFirstOfThePair() throws Exception {
        String tooClose = CLEAN.replace("00:00:03,080", "00:00:03,040");
        String overlapping = CLEAN.replace("00:00:03,080", "00:00:02,500");

        assertThat(quality(tooClose)).extracting(Trigger::ruleId, Trigger::startMs, Trigger::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("captions.quality", 1000L,
                        "cue at line 2: gap to the next cue 1 frame(s) (40 ms at 25 fps) < 2"));
        assertThat(quality(overlapping)).extracting(Trigger::evidence)
                .containsExactly("cue at line 2: overlaps the next cue (line 6) by 0.500 s");
    }

    @Test
    void childrenReadMoreSlowly() throws Exception {
        // 15 characters a second: within 17 for adults, above 13 for children
        List<Trigger> triggers = judge("1\n00:00:01,000 --> 00:00:03,000\nThirty letters in two seconds\n", null);

        assertThat(triggers).extracting(Trigger::ruleId, Trigger::evidence).containsExactly(
                org.assertj.core.groups.Tuple.tuple("captions.children", "cue at line 2: reading speed 14.5 cps > 13"));
    }

    @Test
    void unreadableLinesAreFindingsThatNameThem() throws Exception {
        List<Trigger> triggers = quality(CLEAN + "\n3\n00:00:07;000 --> 00:00:08,000\nbad\n");

        assertThat(triggers).extracting(Trigger::evidence).containsExactly(
                "clip.srt line 11: malformed time '00:00:07;000' (expected hh:mm:ss,mmm or mm:ss.mmm); the cue is skipped");
        assertThat(triggers.get(0).startMs()).isEqualTo(3080);
    }

    @Test
    void aFileWhereEveryCueFailsGivesAReviewableNumberOfFindings() throws Exception {
        StringBuilder srt = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            srt.append(i + 1).append("\n00:").append(String.format("%02d:%02d", i / 60, i % 60))
                    .append(",000 --> 00:").append(String.format("%02d:%02d", i / 60, i % 60)).append(",300\nHi.\n\n");
        }

        List<Trigger> triggers = quality(srt.toString());

        assertThat(triggers).hasSize(CaptionQuality.MAX_TRIGGERS);
        assertThat(triggers.get(CaptionQuality.MAX_TRIGGERS - 1).evidence())
                .startsWith("101 more cue(s) or lines with problems, from 499.000 s; the first is cue at line ");
    }

    @Test
    void anEmbeddedStreamsCuesAreNamedByTimeAndTheirLinesAreNotJudged() {
        // FFmpeg hands a subtitle stream over as one text per cue, so its lines are unknown
        CaptionTrack embedded = new CaptionTrack(CaptionTrack.EMBEDDED, "subtitle stream 0", true, 25, List.of(
                new org.compliancerunner.captions.Cue(0, null, 1000, 5000,
                        List.of("Sixty characters of text that were two lines in the stream.")),
                new org.compliancerunner.captions.Cue(0, null, 6000, 6500, List.of("Short."))), List.of());

        List<Trigger> triggers = engine.evaluate(pack(), new Transcript("captions:embedded", List.of(), null),
                measurements(embedded, null), 10_000).stream().filter(t -> t.ruleId().equals("captions.quality")).toList();

        assertThat(triggers).extracting(Trigger::evidence)
                .containsExactly("cue at 6.000 s: shown 0.50 s < 0.83 s");
    }

    @Test
    void speechNoCueCoversIsFlaggedOverTheUncoveredStretch() throws Exception {
        String firstSecond = "1\n00:00:00,200 --> 00:00:01,200\nPrinting, in the only sense\n";

        List<Trigger> triggers = judge(firstSecond, List.of(new Interval(200, 4000), new Interval(4300, 9900)));

        assertThat(triggers).filteredOn(t -> t.ruleId().equals("captions.missing"))
                .extracting(Trigger::startMs, Trigger::endMs, Trigger::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1200L, 9900L,
                        "8.4 s of speech with no caption (1.200–9.900 s; at least 2 s flagged)"));
    }

    @Test
    void shortUncoveredSpeechIsNotFlagged() throws Exception {
        assertThat(judge(CLEAN, List.of(new Interval(1000, 3000), new Interval(6000, 7900))))
                .noneMatch(t -> t.ruleId().equals("captions.missing"));
    }

    @Test
    void captionsAreRequiredOnlyWhereThereIsSpeechAndNoTrack() {
        RulePack pack = pack();
        Measurements speech = measurements(CaptionTrack.none(25), List.of(new Interval(0, 5000)));
        Measurements quiet = measurements(CaptionTrack.none(25), List.of(new Interval(0, 1000)));

        assertThat(engine.evaluate(pack, Transcript.unavailable("none"), speech, 10_000))
                .filteredOn(t -> t.ruleId().startsWith("captions."))
                .extracting(Trigger::ruleId, Trigger::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("captions.required",
                        "5.0 s of speech and no caption track"));
        assertThat(engine.evaluate(pack, Transcript.unavailable("none"), quiet, 10_000))
                .noneMatch(t -> t.ruleId().startsWith("captions."));
    }

    @ParameterizedTest(name = "cue {0}–{1} over speech 1.000–3.000 s: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            00:00:01,040 | 00:00:03,000 | ''
            00:00:01,200 | 00:00:03,000 | starts 0.200 s after speech begins at 1.000 s (5 frames > 3)
            00:00:00,600 | 00:00:03,000 | ''
            00:00:00,400 | 00:00:03,000 | starts 0.600 s before speech begins at 1.000 s (15 frames > 12 allowed before)
            00:00:01,000 | 00:00:03,480 | ''
            00:00:01,000 | 00:00:03,600 | stays 0.600 s after speech ends at 3.000 s (15 frames > 12)
            """)
    void cuesOutOfStepWithSpeechAreFlagged(String start, String end, String evidence) throws Exception {
        List<Trigger> sync = judge("1\n" + start + " --> " + end + "\nWe are in New York.\n",
                List.of(new Interval(1000, 3000))).stream().filter(t -> t.ruleId().equals("captions.sync")).toList();

        assertThat(sync).extracting(Trigger::evidence)
                .containsExactlyElementsOf(evidence.isEmpty() ? List.of() : List.of("cue at line 2 " + evidence));
    }

    @Test
    void aCueContinuingCaptionedSpeechHasNoOnsetOfItsOwn() throws Exception {
        String twoCues = "1\n00:00:01,000 --> 00:00:03,000\nA long sentence\n\n2\n00:00:03,080 --> 00:00:06,000\ngoes on.\n";

        assertThat(judge(twoCues, List.of(new Interval(1000, 6000)))).isEmpty();
    }

    private RulePack pack() {
        try {
            return parser.parse(PACK, "captions.yaml");
        } catch (RulePackException e) {
            throw new AssertionError(e);
        }
    }

    private List<Trigger> quality(String srt) {
        return judge(srt, null).stream().filter(t -> t.ruleId().equals("captions.quality")).toList();
    }

    private List<Trigger> judge(String srt, List<Interval> speech) {
        CaptionTrack track = CaptionReader.read(srt.getBytes(StandardCharsets.UTF_8), CaptionTrack.SRT, "clip.srt", 25);
        return engine.evaluate(pack(), new Transcript("captions:srt", List.of(), null), measurements(track, speech),
                10_000);
    }

    private static Measurements measurements(CaptionTrack track, List<Interval> speech) {
        return new Measurements(null, null, null, null, null, speech, track, List.of());
    }
}
