package org.compliancerunner.review;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A decided item, and the verdict its video has after the decision.
 *
 * @param videoVerdict null while some live item on the video is still open or escalated
 */
public record DecisionOutcome(ReviewItem item, @Nullable Verdict videoVerdict) {

    public Optional<Verdict> verdict() {
        return Optional.ofNullable(videoVerdict);
    }
}
