package org.compliancerunner.support;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.compliancerunner.inspection.Inspection;
import org.compliancerunner.inspection.VideoInspection;
import org.compliancerunner.media.MediaDecoder;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.media.voice.VoiceActivityModel;
import org.compliancerunner.metrics.ProcessingMetrics;
import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.speech.SpeechEngines;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Test only: an inspection that never returns on files whose name contains {@code compliance.test.hang-on}, and
 * ignores interrupts while it hangs, as a native decoder or model call would. Every other file is inspected as usual.
 * Inert unless the property is set (a test's properties, or {@code -D} for a child JVM).
 */
@Component
@Primary
@ConditionalOnProperty(HangingInspection.MARKER)
public class HangingInspection extends VideoInspection {

    public static final String MARKER = "compliance.test.hang-on";

    private static final AtomicInteger HANGING = new AtomicInteger();
    private static volatile boolean released;

    private final String marker;

    public HangingInspection(MediaProbe probe, MediaDecoder decoder, SpeechEngines speech, PolicyEngine policy,
                             ProcessingMetrics metrics, VoiceActivityModel voice,
                             org.springframework.core.env.Environment environment) {
        super(probe, decoder, speech, policy, metrics, voice);
        this.marker = environment.getRequiredProperty(MARKER);
    }

    @Override
    public Inspection inspect(Path file, Long knownDurationMs, RulePack pack) {
        if (!file.getFileName().toString().contains(marker)) {
            return super.inspect(file, knownDurationMs, pack);
        }
        HANGING.incrementAndGet();
        boolean interrupted = false;
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10); // never outlives a test run by much
        try {
            while (!released && System.nanoTime() < until) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                interrupted |= Thread.interrupted(); // noticed, and ignored
            }
        } finally {
            HANGING.decrementAndGet();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("released after hanging on " + file);
    }

    /** Inspections hanging now (their threads abandoned by the time limit, or still waited for). */
    public static int hanging() {
        return HANGING.get();
    }

    /** Lets every hanging inspection end, so abandoned threads do not outlive the test class. */
    public static void releaseAll() {
        released = true;
    }
}
