package org.compliancerunner.batch;

import java.util.List;

import org.compliancerunner.catalog.ClaimedVideo;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.speech.Transcript;

/** What the analysis of one claimed video produced: a transcript and triggers, or the reason it failed. */
record VideoOutcome(ClaimedVideo video, Transcript transcript, List<Trigger> triggers, String failureReason) {

    static VideoOutcome done(ClaimedVideo video, Transcript transcript, List<Trigger> triggers) {
        return new VideoOutcome(video, transcript, List.copyOf(triggers), null);
    }

    static VideoOutcome failed(ClaimedVideo video, String reason) {
        return new VideoOutcome(video, null, List.of(), reason);
    }

    boolean succeeded() {
        return failureReason == null;
    }
}
