package org.compliancerunner.review;

/** Where a review item stands. OPEN and ESCALATED items are in the queue; the others are not. */
public enum ReviewState {
    OPEN, ESCALATED, CONFIRMED, REJECTED,
    /** The finding is no longer raised by the latest pack version; kept for the audit trail. */
    OBSOLETE;

    /** Whether the item is out of the queue for good: decisions are final, escalation excepted. */
    boolean closed() {
        return this == CONFIRMED || this == REJECTED || this == OBSOLETE;
    }
}
