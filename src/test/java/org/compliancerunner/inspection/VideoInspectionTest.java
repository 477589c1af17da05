package org.compliancerunner.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.media.MediaDecoder;
import org.compliancerunner.media.voice.VoiceActivityModel;
import org.compliancerunner.media.voice.VoiceActivityProperties;
import org.compliancerunner.metrics.ProcessingMetrics;
import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.speech.SpeechEngines;
import org.compliancerunner.speech.SpeechProperties;
import org.compliancerunner.speech.TranscriptionSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessResourceFailureException;

/** What goes wrong with one file stays with that file; what goes wrong with the database stops the chunk. */
class VideoInspectionTest {

    private static final VoiceActivityModel VOICE = new VoiceActivityModel(VoiceActivityProperties.defaults());

    @TempDir
    Path dir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MediaProbe probe = mock(MediaProbe.class);
    private final MediaDecoder decoder = mock(MediaDecoder.class);
    private final SpeechEngines speech = mock(SpeechEngines.class);
    private final VideoInspection inspection = new VideoInspection(probe, decoder, speech, new PolicyEngine(),
            new ProcessingMetrics(meters), VOICE);
    private final RulePack pack = new RulePack("p", 1, "0".repeat(64), "", List.of());
    private Path file;

    @BeforeEach
    void video() throws Exception {
        file = Files.writeString(dir.resolve("clip.mp4"), "bytes");
        when(probe.probe(any())).thenReturn(new MediaInfo("mp4", 1000, "h264", "aac", 0));
        when(speech.open(any(), any(), any())).thenReturn(mock(TranscriptionSession.class));
    }

    @Test
    void anUnexpectedFaultInTheDecoderFailsOnlyThatVideo() throws Exception {
        when(decoder.decode(any(), any())).thenThrow(new IllegalStateException("native decoder state is invalid"));

        Inspection outcome = inspection.inspect(file, 1000L, pack);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failureReason()).contains("unexpected error", "native decoder state is invalid");
        assertThat(outcome.analysisMs()).isNotNegative();
        assertThat(outcome.decodeMs()).isNotNull();
        assertThat(timed("decode")).isEqualTo(1);
        assertThat(timed("judge")).isZero();
        assertThat(timed("total")).isEqualTo(1);
        assertThat(meters.get("compliance.active.processing.tasks").gauge().value()).isZero();
    }

    @Test
    void everyStageOfACheckedFileIsTimedAndTheActiveTaskEnds() throws Exception {
        Path clip = dir.resolve("real.mp4");
        SampleMedia.writeClip(clip, 1.0, 64, 36);
        SpeechEngines realSpeech = new SpeechEngines(SpeechProperties.defaults());
        VideoInspection real = new VideoInspection(new MediaProbe(), new MediaDecoder(), realSpeech, new PolicyEngine(),
                new ProcessingMetrics(meters), VOICE);

        Inspection outcome = real.inspect(clip, null, pack);

        assertThat(outcome.succeeded()).as(outcome.failureReason()).isTrue();
        assertThat(List.of("decode", "transcribe", "judge", "total")).allSatisfy(stage -> assertThat(timed(stage)).isEqualTo(1));
        assertThat(meters.get("compliance.active.processing.tasks").gauge().value()).isZero();
    }

    @Test
    void aDatabaseFailureIsNotBlamedOnTheVideo() throws Exception {
        when(decoder.decode(any(), any())).thenThrow(new DataAccessResourceFailureException("connection lost"));

        assertThatThrownBy(() -> inspection.inspect(file, 1000L, pack)).isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void aFileRemovedSinceIngestFailsWithItsPath() throws Exception {
        Files.delete(file);

        Inspection outcome = inspection.inspect(file, 1000L, pack);

        assertThat(outcome.failureReason()).isEqualTo("file not found or not readable: " + file);
        assertThat(outcome.measurements()).isNull();
    }

    private long timed(String stage) {
        return meters.get("compliance.video.processing").tag("stage", stage).timer().count();
    }
}
