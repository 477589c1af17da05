package org.compliancerunner.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.compliancerunner.inspection.Inspection;
import org.compliancerunner.inspection.VideoInspection;
import org.compliancerunner.media.MediaDecoder;
import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.media.voice.VoiceActivityModel;
import org.compliancerunner.metrics.ProcessingMetrics;
import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.speech.SpeechEngines;
import org.compliancerunner.speech.Transcript;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tests and benchmarks only: an inspection that holds each video for {@code compliance.test.hold} (a duration). A video
 * whose file exists is then inspected as usual, so a crash test gets real findings from partitions slow enough to be
 * caught running; one with no file (benchmark rows inserted by SQL) is found clean without being decoded, so a sweep's
 * coordination (claims, partitions, the job repository, the broker) can be measured with many workers' worth of
 * videos on a small machine. With {@code compliance.test.gate} (a path) and {@code compliance.test.gate-on} (part of a
 * file name), a video whose file name contains the latter is also held until the gate file exists, so a crash test
 * decides when a partition may finish. Inert unless {@code compliance.test.hold} is set ({@code -D} for a child JVM).
 */
@Component
@Primary
@ConditionalOnProperty(HoldingInspection.HOLD)
public class HoldingInspection extends VideoInspection {

    public static final String HOLD = "compliance.test.hold";
    public static final String GATE = "compliance.test.gate";
    public static final String GATE_ON = "compliance.test.gate-on";

    private final Duration hold;
    private final Path gate;
    private final String gateOn;

    public HoldingInspection(MediaProbe probe, MediaDecoder decoder, SpeechEngines speech, PolicyEngine policy,
                             ProcessingMetrics metrics, VoiceActivityModel voice, Environment environment) {
        super(probe, decoder, speech, policy, metrics, voice);
        this.hold = environment.getRequiredProperty(HOLD, Duration.class);
        this.gate = environment.containsProperty(GATE) ? Path.of(environment.getRequiredProperty(GATE)) : null;
        this.gateOn = environment.getProperty(GATE_ON, "");
    }

    @Override
    public Inspection inspect(Path file, Long knownDurationMs, RulePack pack) {
        try {
            Thread.sleep(hold.toMillis());
            while (gate != null && file.getFileName().toString().contains(gateOn) && !Files.exists(gate)) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while holding " + file);
        }
        if (Files.exists(file)) {
            return super.inspect(file, knownDurationMs, pack);
        }
        long durationMs = knownDurationMs == null ? 0 : knownDurationMs;
        return new Inspection(file, new MediaInfo("held", durationMs, null, null, 0),
                new Transcript("none", List.of(), "held for " + hold.toMillis() + " ms, not decoded"),
                Measurements.none("held, not decoded"), List.of(), null, hold.toMillis(), 0L);
    }
}
