package org.compliancerunner.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.media.MediaDecoder;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.media.voice.VoiceActivityModel;
import org.compliancerunner.media.voice.VoiceActivityProperties;
import org.compliancerunner.metrics.ProcessingMetrics;
import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.RulePackParser;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.speech.SpeechEngines;
import org.compliancerunner.speech.SpeechProperties;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captions judged in the decode pass of real media against the speech map the detector finds in it. */
class CaptionInspectionTest {

    private static final VoiceActivityModel VOICE = new VoiceActivityModel(VoiceActivityProperties.defaults());

    @TempDir
    Path dir;

    private final RulePackParser packs = new RulePackParser();
    private final VideoInspection inspection = new VideoInspection(new MediaProbe(), new MediaDecoder(),
            new SpeechEngines(SpeechProperties.defaults()), new PolicyEngine(),
            new ProcessingMetrics(new SimpleMeterRegistry()), VOICE);

    @Test
    void captionsCoveringOnlyTheFirstSecondOfSpeechLeaveTheRestFlaggedAndTheFastCueToo() throws Exception {
        // LJSpeech's first clip: about 9.7 s of one reader; the captions stop after its first second
        Path clip = Files.copy(Fixtures.require("speech/LJ001-0001.wav"), dir.resolve("lj.wav"));
        Files.writeString(dir.resolve("lj.srt"), """
                1
                00:00:00,000 --> 00:00:01,000
                Printing, in the only sense
                with which we are at present concerned,
                """);

        Inspection found = inspection.inspect(clip, null, packs.defaultPack());

        assertThat(found.succeeded()).as(found.failureReason()).isTrue();
        assertThat(found.measurements().captions().frameRate()).isEqualTo(CaptionTrack.DEFAULT_FRAME_RATE);
        List<Trigger> missing = of(found, "captions.missing");
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).startMs()).isEqualTo(1000);
        assertThat(missing.get(0).endMs()).isGreaterThan(9000);
        assertThat(missing.get(0).evidence()).contains("s of speech with no caption");
        assertThat(of(found, "captions.quality")).extracting(Trigger::startMs, Trigger::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, "cue at line 2: reading speed 66 cps > 17"));
    }

    @Test
    void theAutocutCaptionsAreInStepWithTheirOwnSound() throws Exception {
        Path video = Fixtures.require("video/autocut_test001.mp4");
        Fixtures.require("video/autocut_test001.srt");
        RulePack pack = packs.parse("pack: sync\nversion: 1\nrules:\n  - {id: captions.sync, kind: caption-sync}\n"
                + "  - {id: captions.missing, kind: uncaptioned-speech}\n", "sync.yaml");

        Inspection found = inspection.inspect(video, null, pack);

        assertThat(found.succeeded()).as(found.failureReason()).isTrue();
        assertThat(found.measurements().speech()).isNotEmpty();
        assertThat(found.measurements().captions().cues()).hasSize(2);
        assertThat(found.measurements().captions().frameRate()).isBetween(23.0, 31.0);
        assertThat(found.triggers()).filteredOn(t -> t.ruleId().startsWith("captions.")).isEmpty();
    }

    @Test
    void aBrokenCaptionFileNeverFailsTheVideoAndNamesItsLines() throws Exception {
        Path clip = Files.copy(Fixtures.require("speech/LJ001-0001.wav"), dir.resolve("broken.wav"));
        byte[] latin = ("1\r\n00:00:00,000 --> 00:00:04,000\r\nPrinting, in the only sense\r\n\r\n"
                + "2\r\n00:00:05;000 --> 00:00:09,000\r\nbroken\r\n\r\n"
                + "00:00:04,100 --> 00:00:09,500\r\nwith which we are at present concerned, caf\u00e9\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("broken.srt"), latin);

        Inspection found = inspection.inspect(clip, null, packs.defaultPack());

        assertThat(found.succeeded()).as(found.failureReason()).isTrue();
        assertThat(found.transcript().segments()).hasSize(2);
        assertThat(found.transcript().note()).contains("line 6: malformed time '00:00:05;000'");
        // findings at one time are one trigger (the database keys them so), their evidence joined
        String evidence = String.join("; ", of(found, "captions.quality").stream().map(Trigger::evidence).toList());
        assertThat(evidence).contains(
                "broken.srt line 6: malformed time '00:00:05;000' (expected hh:mm:ss,mmm or mm:ss.mmm); the cue is skipped",
                "broken.srt line 9: the cue has no index number before its timing line",
                "broken.srt line 10: the file is not UTF-8 (byte 0xE9); it was read as windows-1252 (Latin-1)");
        assertThat(found.transcript().segments().get(1).text()).endsWith("café");
    }

    private static List<Trigger> of(Inspection found, String ruleId) {
        return found.triggers().stream().filter(t -> t.ruleId().equals(ruleId)).toList();
    }
}
