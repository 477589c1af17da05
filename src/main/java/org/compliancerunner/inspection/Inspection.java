package org.compliancerunner.inspection;

import java.nio.file.Path;
import java.util.List;

import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.speech.Transcript;
import org.jspecify.annotations.Nullable;

/**
 * What checking one file found: what is said, how it is made and what the rule pack makes of both — or why the file
 * could not be checked, with whatever could still be measured before that.
 *
 * @param info          the probed streams, null when the file could not even be opened
 * @param transcript    null when the file could not be checked
 * @param measurements  null when decoding never started
 * @param failureReason null when the file was checked to its end
 * @param decodeMs      wall time of the decode pass, null when it never started
 */
public record Inspection(Path file, @Nullable MediaInfo info, @Nullable Transcript transcript,
                         @Nullable Measurements measurements, List<Trigger> triggers, @Nullable String failureReason,
                         long analysisMs, @Nullable Long decodeMs) {

    public Inspection {
        triggers = List.copyOf(triggers);
    }

    public boolean succeeded() {
        return failureReason == null;
    }
}
