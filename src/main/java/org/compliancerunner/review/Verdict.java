package org.compliancerunner.review;

/** A video's review outcome once every live item on it is confirmed or rejected. */
public enum Verdict {
    /** Every finding was rejected: nothing real was found. */
    APPROVED,
    /** A high or critical finding was confirmed. */
    REJECTED,
    /** Findings were confirmed, none high or critical: the video can go out after an edit. */
    NEEDS_EDIT
}
