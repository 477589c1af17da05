package org.compliancerunner.review;

import org.jspecify.annotations.Nullable;

/** What an operator says about a finding. */
public enum Decision {
    /** The finding is real. */
    CONFIRM(ReviewState.CONFIRMED),
    /** A false alarm. */
    REJECT(ReviewState.REJECTED),
    /** Needs a senior's eye; the item goes back to the queue for anyone to decide. */
    ESCALATE(ReviewState.ESCALATED);

    private final ReviewState outcome;

    Decision(ReviewState outcome) {
        this.outcome = outcome;
    }

    public ReviewState outcome() {
        return outcome;
    }

    /** The state an item had after this decision; an item without a decision is OPEN. */
    static ReviewState stateAfter(@Nullable Decision decision) {
        return decision == null ? ReviewState.OPEN : decision.outcome;
    }
}
