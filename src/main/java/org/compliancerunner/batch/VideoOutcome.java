package org.compliancerunner.batch;

import java.util.List;

import org.compliancerunner.catalog.ClaimedVideo;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.speech.Transcript;

/** What the analysis of one claimed video produced: a transcript and triggers, or the reason it failed. */
record VideoOutcome(ClaimedVideo video, Transcript transcript, List<Trigger> triggers, String failureReason,
                    Timing timing) {

    /** Wall time of the whole analysis and of its decode pass, so a sweep's own overhead can be measured. */
    record Timing(long analysisMs, Long decodeMs) {
    }

    static VideoOutcome done(ClaimedVideo video, Transcript transcript, List<Trigger> triggers, Timing timing) {
        return new VideoOutcome(video, transcript, List.copyOf(triggers), null, timing);
    }

    static VideoOutcome failed(ClaimedVideo video, String reason, Timing timing) {
        return new VideoOutcome(video, null, List.of(), reason, timing);
    }

    boolean succeeded() {
        return failureReason == null;
    }
}
