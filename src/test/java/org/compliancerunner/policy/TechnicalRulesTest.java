package org.compliancerunner.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.compliancerunner.media.Interval;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.media.flash.FlashReport;
import org.compliancerunner.media.flash.FlashVerdict;
import org.compliancerunner.media.flash.FrameResult;
import org.compliancerunner.media.loudness.Loudness;
import org.compliancerunner.media.silence.AudioLevels;
import org.compliancerunner.speech.Transcript;
import org.compliancerunner.speech.TranscriptSegment;
import org.junit.jupiter.api.Test;

/** Technical rule kinds: read from the pack with line-and-field errors, judged against measurements. */
class TechnicalRulesTest {

    private static final String PACK = """
            pack: qc
            version: 2
            rules:
              - {id: audio.loudness,  kind: loudness,  target: -23.0, tolerance: 1.0}
              - {id: audio.true-peak, kind: true-peak, max: -1.0, severity: high}
              - {id: picture.black,   kind: black,     minSeconds: 2.0}
              - {id: picture.freeze,  kind: freeze,    minSeconds: 5.0}
              - {id: audio.silence,   kind: silence,   threshold: -60, minSeconds: 3.0}
              - {id: picture.flash,   kind: flash, severity: critical}
              - {id: claims.guarantee, kind: phrase, phrases: ["guaranteed returns"]}
            """;

    private final RulePackParser parser = new RulePackParser();
    private final PolicyEngine engine = new PolicyEngine();

    @Test
    void readsEveryTechnicalKindWithItsLimits() throws Exception {
        RulePack pack = parser.parse(PACK, "qc.yaml");

        assertThat(pack.rules()).containsExactly(
                new LoudnessRule("audio.loudness", Severity.MEDIUM, -23.0, 1.0),
                new TruePeakRule("audio.true-peak", Severity.HIGH, -1.0),
                new BlackRule("picture.black", Severity.MEDIUM, 2.0),
                new FreezeRule("picture.freeze", Severity.MEDIUM, 5.0),
                new SilenceRule("audio.silence", Severity.MEDIUM, -60.0, 3.0),
                new FlashRule("picture.flash", Severity.CRITICAL),
                new PhraseRule("claims.guarantee", Severity.MEDIUM, List.of("guaranteed returns")));
    }

    @Test
    void defaultsLimitsThatTheRuleLeavesOut() throws Exception {
        RulePack pack = parser.parse("pack: d\nversion: 1\nrules:\n  - {id: a, kind: silence}\n  - {id: b, kind: black}\n", "d.yaml");

        assertThat(pack.rules()).containsExactly(new SilenceRule("a", Severity.MEDIUM, -60.0, 3.0),
                new BlackRule("b", Severity.MEDIUM, 2.0));
    }

    @Test
    void namesTheLineAndFieldOfABadLimit() {
        String body = "pack: bad\nversion: 1\nrules:\n"
                + "  - {id: a, kind: loudness, tolerance: 1}\n"
                + "  - {id: b, kind: true-peak, max: loud}\n"
                + "  - {id: c, kind: black, minSeconds: 0}\n"
                + "  - {id: d, kind: flash, threshold: 3}\n";

        assertThatThrownBy(() -> parser.parse(body, "bad.yaml"))
                .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.problems()).containsExactly(
                        "line 4: rules[0].target: missing; give a loudness in LUFS below 0, e.g. target: -23.0",
                        "line 5: rules[1].max: must be a level in dBTP, e.g. max: -1.0, not \"loud\"",
                        "line 6: rules[2].minSeconds: must be a number of seconds of at least 0.1, e.g. 2.0, not \"0\"",
                        "line 7: rules[3].threshold: unknown key \"threshold\"; a flash rule allows id, kind, severity"));
    }

    @Test
    void turnsMeasurementsIntoTriggersWithTheMeasuredValueAgainstTheLimit() throws Exception {
        RulePack pack = parser.parse(PACK, "qc.yaml");
        float[] levels = new float[200]; // 10 s in 50 ms steps: loud, except 4 s of near-silence from 2 s
        java.util.Arrays.fill(levels, -12f);
        java.util.Arrays.fill(levels, 40, 120, -75f);
        Measurements measured = new Measurements(
                new Loudness(-13.04, 1.6, -0.4, -12.0, -12.5, List.of(-13.0, -13.1)),
                new AudioLevels(50, levels, 10_000),
                List.of(new Interval(5_090, 10_000), new Interval(0, 1_500)),
                List.of(new Interval(5_090, 10_000)),
                new FlashReport(FlashVerdict.FAIL, Map.of(FrameResult.FLASH_FAIL, 6), List.of(new Interval(1_000, 2_400)), 7, 0),
                List.of());
        Transcript transcript = new Transcript("captions:srt",
                List.of(new TranscriptSegment(0, 4_000, "We promise guaranteed returns.", "captions:srt")), null);

        List<Trigger> triggers = engine.evaluate(pack, transcript, measured, 10_000);

        assertThat(triggers).extracting(Trigger::ruleId).containsExactlyInAnyOrder("audio.loudness", "audio.true-peak",
                "picture.flash", "audio.silence", "claims.guarantee", "picture.black");
        assertThat(find(triggers, "audio.loudness").evidence())
                .isEqualTo("integrated loudness -13.0 LUFS, target -23.0 ±1.0 LU (10.0 LU too loud)");
        assertThat(find(triggers, "audio.true-peak").evidence()).isEqualTo("true peak -0.4 dBTP above the maximum -1.0 dBTP");
        assertThat(find(triggers, "audio.true-peak").severity()).isEqualTo(Severity.HIGH);
        Trigger black = find(triggers, "picture.black");
        assertThat(black.startMs()).isEqualTo(5_090);
        assertThat(black.endMs()).isEqualTo(10_000);
        assertThat(black.evidence()).isEqualTo("black picture for 4.9 s (at least 2.0 s flagged)");
        Trigger silence = find(triggers, "audio.silence");
        assertThat(silence.startMs()).isEqualTo(2_000);
        assertThat(silence.endMs()).isEqualTo(6_000);
        assertThat(silence.source()).isEqualTo(TechnicalFindings.SOURCE);
        Trigger flash = find(triggers, "picture.flash");
        assertThat(flash.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(flash.startMs()).isEqualTo(1_000);
        assertThat(flash.evidence()).contains("BT.1702", "7 luminance");
    }

    @Test
    void aMeasurementTheFileHasNoStreamForBreaksNoRule() throws Exception {
        RulePack pack = parser.parse(PACK, "qc.yaml");
        Measurements audioOnly = new Measurements(new Loudness(-23.2, 3.0, -3.0, -20, -21, List.of()),
                new AudioLevels(50, new float[] {-20f, -20f}, 100), null, null, null, List.of("no picture"));

        List<Trigger> triggers = engine.evaluate(pack, Transcript.unavailable("no captions"), audioOnly, 100);

        assertThat(triggers).extracting(Trigger::ruleId).containsExactly(PolicyEngine.SPEECH_UNAVAILABLE);
    }

    @Test
    void aSilentSoundTrackIsFarFromAnyLoudnessTarget() throws Exception {
        RulePack pack = parser.parse("pack: s\nversion: 1\nrules:\n  - {id: l, kind: loudness, target: -23}\n", "s.yaml");
        Measurements silent = new Measurements(new Loudness(Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, List.of()), null, null, null, null, List.of());

        List<Trigger> triggers = engine.evaluate(pack, new Transcript("captions:srt", List.of(), null), silent, 5_000);

        assertThat(triggers).singleElement().satisfies(t -> assertThat(t.evidence()).contains("-inf LUFS", "silent"));
    }

    @Test
    void aSpeechGatedLoudnessRuleJudgesTheDialogueNotTheMix() throws Exception {
        RulePack pack = parser.parse("""
                pack: delivery
                version: 1
                rules:
                  - {id: dialogue, kind: loudness, target: -27, tolerance: 2, gate: speech}
                  - {id: programme, kind: loudness, target: -23, tolerance: 1}
                """, "delivery.yaml");
        Loudness musicOverQuietDialogue = new Loudness(-23.2, 8.0, -3.0, -18, -19, List.of(), -31.5);

        List<Trigger> triggers = engine.evaluate(pack, new Transcript("captions:srt", List.of(), null),
                new Measurements(musicOverQuietDialogue, null, null, null, null, List.of()), 60_000);

        assertThat(pack.rules()).contains(new LoudnessRule("dialogue", Severity.MEDIUM, -27, 2, LoudnessRule.Gate.SPEECH));
        assertThat(triggers).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).isEqualTo("dialogue");
            assertThat(t.evidence()).isEqualTo("speech-gated loudness -31.5 LUFS, target -27.0 ±2.0 LU (4.5 LU too quiet)");
        });
    }

    @Test
    void aSpeechGatedRuleMeasuresTheWholeProgrammeWhenNoSpeechWasFound() throws Exception {
        RulePack pack = parser.parse("pack: d\nversion: 1\nrules:\n  - {id: d, kind: loudness, target: -27, gate: speech}\n",
                "d.yaml");
        Loudness musicOnly = new Loudness(-20.0, 3.0, -3.0, -18, -19, List.of());

        List<Trigger> triggers = engine.evaluate(pack, new Transcript("captions:srt", List.of(), null),
                new Measurements(musicOnly, null, null, null, null, List.of()), 60_000);

        assertThat(triggers).singleElement().satisfies(t -> assertThat(t.evidence())
                .startsWith("integrated loudness (no speech measured to gate on) -20.0 LUFS"));
    }

    @Test
    void refusesAnUnknownLoudnessGate() {
        assertThatThrownBy(() -> parser.parse("pack: g\nversion: 1\nrules:\n  - {id: g, kind: loudness, target: -23, gate: dialog}\n",
                "g.yaml")).isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.problems()).containsExactly(
                        "line 4: rules[0].gate: must be programme (the whole mix) or speech (the speech map only), not \"dialog\""));
    }

    @Test
    void flashFailuresAMomentApartAreOneFinding() throws Exception {
        RulePack pack = parser.parse("pack: f\nversion: 1\nrules:\n  - {id: f, kind: flash}\n", "f.yaml");
        FlashReport report = new FlashReport(FlashVerdict.FAIL, Map.of(FrameResult.FLASH_FAIL, 3),
                List.of(new Interval(1_160, 1_200), new Interval(1_280, 1_320), new Interval(4_760, 5_960)), 7, 0);
        Measurements measured = new Measurements(null, null, List.of(), List.of(), report, List.of());

        List<Trigger> triggers = engine.evaluate(pack, new Transcript("captions:srt", List.of(), null), measured, 6_000);

        assertThat(triggers).extracting(Trigger::startMs, Trigger::endMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1_160L, 1_320L), org.assertj.core.groups.Tuple.tuple(4_760L, 5_960L));
        assertThat(triggers.get(0).evidence()).contains("for 0.16 s");
    }

    private static Trigger find(List<Trigger> triggers, String ruleId) {
        return triggers.stream().filter(t -> t.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }
}
