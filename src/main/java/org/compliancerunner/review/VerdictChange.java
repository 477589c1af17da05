package org.compliancerunner.review;

import org.jspecify.annotations.Nullable;

/** A video's verdict before and after its items changed; either is null when the video had or has none. */
record VerdictChange(@Nullable Verdict before, @Nullable Verdict after) {

    boolean changed() {
        return before != after;
    }
}
