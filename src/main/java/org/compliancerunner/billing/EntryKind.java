package org.compliancerunner.billing;

/** What a ledger entry did; each kind is written at most once per video. */
public enum EntryKind {
    /** minutes held for a registered video until its sweep ends */
    RESERVE,
    /** the video was checked (DONE): its minutes are charged */
    SETTLE,
    /** the video could not be checked (FAILED): its minutes are returned */
    RELEASE
}
