package org.compliancerunner.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A trigger as stored, with the video it belongs to and the pack version that raised it. */
public record StoredTrigger(long videoId, String title, String ruleId, String packName, int packVersion,
                            long startMs, long endMs, String severity, String evidence, String source) {

    /** What was actually said, read from the evidence; null for measurements and missing phrases. */
    @JsonProperty("matchedText")
    public @Nullable String matchedText() {
        return Evidence.matchedText(evidence);
    }
}
