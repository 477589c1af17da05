package org.compliancerunner.notify;

/**
 * What one {@link OutboxDispatcher#dispatchDue()} did.
 *
 * @param delivered deliveries a receiver accepted
 * @param retrying  deliveries that failed and are scheduled again
 * @param failed    deliveries that failed their last allowed attempt and are now FAILED
 */
public record DispatchRound(int delivered, int retrying, int failed) {

    static final DispatchRound NONE = new DispatchRound(0, 0, 0);

    public int attempts() {
        return delivered + retrying + failed;
    }

    DispatchRound plus(DeliveryState outcome) {
        return switch (outcome) {
            case DELIVERED -> new DispatchRound(delivered + 1, retrying, failed);
            case PENDING -> new DispatchRound(delivered, retrying + 1, failed);
            case FAILED -> new DispatchRound(delivered, retrying, failed + 1);
        };
    }
}
