package org.compliancerunner.catalog;

/** Where a video is in the sweep: PENDING → QUEUED (claimed by a sweep) → PROCESSING → DONE or FAILED. */
public enum VideoStatus {
    PENDING, QUEUED, PROCESSING, DONE, FAILED
}
