package org.compliancerunner.inspection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.media.MediaDecoder;
import org.compliancerunner.media.MediaException;
import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.MediaListener;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.media.technical.TechnicalAnalysis;
import org.compliancerunner.media.voice.VoiceActivityModel;
import org.compliancerunner.metrics.ProcessingMetrics;
import org.compliancerunner.metrics.ProcessingMetrics.Stage;
import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.speech.SpeechEngines;
import org.compliancerunner.speech.SpeechGate;
import org.compliancerunner.speech.Transcript;
import org.compliancerunner.speech.TranscriptionException;
import org.compliancerunner.speech.TranscriptionSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Checks one file: a single decode pass feeds the transcriber and every technical analyzer, then the rule pack
 * judges transcript and measurements on one timeline. Anything wrong with the file itself becomes the inspection's
 * failure reason; it never escapes to fail a sweep.
 */
@Component
public class VideoInspection {

    private static final Logger log = LoggerFactory.getLogger(VideoInspection.class);
    /** One line per checked file; on (INFO) for unattended roles, where no console shows progress. */
    private static final Logger outcomes = LoggerFactory.getLogger("org.compliancerunner.inspection.outcomes");

    private final MediaProbe probe;
    private final MediaDecoder decoder;
    private final SpeechEngines speech;
    private final PolicyEngine policy;
    private final ProcessingMetrics metrics;
    private final VoiceActivityModel voice;

    public VideoInspection(MediaProbe probe, MediaDecoder decoder, SpeechEngines speech, PolicyEngine policy,
                           ProcessingMetrics metrics, VoiceActivityModel voice) {
        this.probe = probe;
        this.decoder = decoder;
        this.speech = speech;
        this.policy = policy;
        this.metrics = metrics;
        this.voice = voice;
    }

    /** Starts loading what every inspection needs and the first one would otherwise wait for, while files are opened. */
    public void prepare() {
        if (voice != null) {
            voice.preload();
        }
    }

    /**
     * @param knownDurationMs the duration recorded at ingest, if any, used when the container does not state one
     */
    public Inspection inspect(Path file, @Nullable Long knownDurationMs, RulePack pack) {
        long started = System.nanoTime();
        try (ProcessingMetrics.ActiveTask ignored = metrics.taskStarted()) {
            Inspection inspection = inspectFile(file, knownDurationMs, pack, started);
            if (inspection.succeeded()) {
                outcomes.info("Checked {} in {} ms: {} trigger(s)", file, inspection.analysisMs(), inspection.triggers().size());
            } else {
                outcomes.info("Could not check {}: {}", file, inspection.failureReason());
            }
            return inspection;
        } finally {
            metrics.stage(Stage.TOTAL, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Inspection inspectFile(Path file, @Nullable Long knownDurationMs, RulePack pack, long started) {
        if (!Files.isReadable(file)) {
            return failed(file, null, null, "file not found or not readable: " + file, started, null);
        }
        MediaInfo info = null;
        TechnicalAnalysis technical = null;
        Long decodeMs = null;
        try {
            info = probe.probe(file);
            technical = TechnicalAnalysis.of(info, voice);
            // the captions as written are judged whatever the speech engine; read once, also for a captions transcript
            CaptionTrack captions = speech.captions(file, info);
            try (TranscriptionSession session = speech.open(file, info, captions)) {
                List<MediaListener> listeners = new ArrayList<>(technical.listeners());
                listeners.add(session);
                long decodeStarted = System.nanoTime();
                try {
                    decoder.decode(file, listeners);
                } finally {
                    decodeMs = millisSince(decodeStarted);
                    metrics.stage(Stage.DECODE, Duration.ofNanos(System.nanoTime() - decodeStarted));
                }
                Measurements measurements = technical.measurements().withCaptions(captions);
                if (measurements.speech() != null) {
                    session.gate(SpeechGate.of(measurements.speech()));
                }
                long transcribeStarted = System.nanoTime();
                Transcript transcript = session.finish();
                metrics.stage(Stage.TRANSCRIBE, Duration.ofNanos(System.nanoTime() - transcribeStarted));
                long durationMs = info.durationMs() >= 0 ? info.durationMs() : knownDurationMs == null ? 0 : knownDurationMs;
                long judgeStarted = System.nanoTime();
                List<Trigger> triggers = policy.evaluate(pack, transcript, measurements, durationMs);
                metrics.stage(Stage.JUDGE, Duration.ofNanos(System.nanoTime() - judgeStarted));
                return new Inspection(file, info, transcript, measurements, triggers, null, millisSince(started), decodeMs);
            }
        } catch (MediaException e) {
            return failed(file, info, technical, e.getMessage(), started, decodeMs);
        } catch (TranscriptionException e) {
            return failed(file, info, technical, "transcription failed: " + e.getMessage(), started, decodeMs);
        } catch (CancellationException e) {
            // interrupted at a safe point because of its time budget or a stop: the caller has its reason already
            return failed(file, info, technical, "interrupted: " + e.getMessage(), started, decodeMs);
        } catch (DataAccessException e) {
            throw e; // the database is the sweep's problem, not the video's: the chunk rolls back and a restart redoes it
        } catch (RuntimeException e) {
            // an unexpected fault in a decoder or engine on this file must not stop the other videos
            log.warn("{} failed with an unexpected error", file, e);
            return failed(file, info, technical, "unexpected error while analysing: " + e, started, decodeMs);
        } finally {
            if (technical != null) {
                technical.close();
            }
        }
    }

    private static Inspection failed(Path file, @Nullable MediaInfo info, @Nullable TechnicalAnalysis technical,
                                     String reason, long started, @Nullable Long decodeMs) {
        Measurements partial = technical == null || decodeMs == null ? null : technical.measurementsUntilFailure(reason);
        return new Inspection(file, info, null, partial, List.of(), reason, millisSince(started), decodeMs);
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
