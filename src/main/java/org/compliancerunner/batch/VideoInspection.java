package org.compliancerunner.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.compliancerunner.catalog.ClaimedVideo;
import org.compliancerunner.media.MediaDecoder;
import org.compliancerunner.media.MediaException;
import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.speech.SpeechEngines;
import org.compliancerunner.speech.Transcript;
import org.compliancerunner.speech.TranscriptionException;
import org.compliancerunner.speech.TranscriptionSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Analyses one video: a single decode pass feeds the transcriber, then the rule pack judges the transcript.
 * Anything wrong with the file itself becomes the video's failure reason; it never escapes to fail the job.
 */
@Component
public class VideoInspection {

    private static final Logger log = LoggerFactory.getLogger(VideoInspection.class);

    private final MediaProbe probe;
    private final MediaDecoder decoder;
    private final SpeechEngines speech;
    private final PolicyEngine policy;

    public VideoInspection(MediaProbe probe, MediaDecoder decoder, SpeechEngines speech, PolicyEngine policy) {
        this.probe = probe;
        this.decoder = decoder;
        this.speech = speech;
        this.policy = policy;
    }

    VideoOutcome inspect(ClaimedVideo video, RulePack pack) {
        long started = System.nanoTime();
        Long decodeMs = null;
        Path file = Path.of(video.mediaPath());
        if (!Files.isReadable(file)) {
            return VideoOutcome.failed(video, "file not found or not readable: " + file, timing(started, null));
        }
        try {
            MediaInfo info = probe.probe(file);
            try (TranscriptionSession session = speech.open(file, info)) {
                long decodeStarted = System.nanoTime();
                decoder.decode(file, List.of(session));
                decodeMs = millisSince(decodeStarted);
                Transcript transcript = session.finish();
                long durationMs = info.durationMs() >= 0 ? info.durationMs()
                        : video.durationMs() == null ? 0 : video.durationMs();
                List<Trigger> triggers = policy.evaluate(pack, transcript, durationMs);
                return VideoOutcome.done(video, transcript, triggers, timing(started, decodeMs));
            }
        } catch (MediaException e) {
            return VideoOutcome.failed(video, e.getMessage(), timing(started, decodeMs));
        } catch (TranscriptionException e) {
            return VideoOutcome.failed(video, "transcription failed: " + e.getMessage(), timing(started, decodeMs));
        } catch (DataAccessException e) {
            throw e; // the database is the sweep's problem, not the video's: the chunk rolls back and a restart redoes it
        } catch (RuntimeException e) {
            // an unexpected fault in a decoder or engine on this file must not stop the other videos
            log.warn("Video {} ({}) failed with an unexpected error", video.id(), file, e);
            return VideoOutcome.failed(video, "unexpected error while analysing: " + e, timing(started, decodeMs));
        }
    }

    private static VideoOutcome.Timing timing(long started, Long decodeMs) {
        return new VideoOutcome.Timing(millisSince(started), decodeMs);
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
