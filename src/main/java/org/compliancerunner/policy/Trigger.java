package org.compliancerunner.policy;

import org.jspecify.annotations.Nullable;

/**
 * One finding of a rule on a video's timeline. {@code evidence} is the matched text or the measured value
 * against the limit; {@code source} is where the evidence came from (a transcript source, or "policy").
 */
public record Trigger(String ruleId, long startMs, long endMs, Severity severity, String evidence, String source) {

    /** What was actually said, as quoted in the evidence ({@code matched "…"}), or null for other findings. */
    public @Nullable String matchedText() {
        return Evidence.matchedText(evidence);
    }
}
