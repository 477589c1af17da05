package org.compliancerunner.review;

/** A video's verdict before and after its items changed; either is null when the video had or has none. */
record VerdictChange(Verdict before, Verdict after) {

    boolean changed() {
        return before != after;
    }
}
