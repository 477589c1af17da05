package org.compliancerunner.inspection;

import java.nio.file.Path;
import java.util.List;

import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.speech.Transcript;

/**
 * What checking one file found: what is said, how it is made and what the rule pack makes of both — or why the file
 * could not be checked, with whatever could still be measured before that.
 *
 * @param info          the probed streams, null when the file could not even be opened
 * @param measurements  null when decoding never started
 * @param failureReason null when the file was checked to its end
 * @param decodeMs      wall time of the decode pass, null when it never started
 */
public record Inspection(Path file, MediaInfo info, Transcript transcript, Measurements measurements,
                         List<Trigger> triggers, String failureReason, long analysisMs, Long decodeMs) {

    public Inspection {
        triggers = List.copyOf(triggers);
    }

    public boolean succeeded() {
        return failureReason == null;
    }
}
