package org.compliancerunner.review;

import java.time.OffsetDateTime;

/** Another operator holds the item's lease. */
public class ItemHeldException extends ReviewException {

    ItemHeldException(long itemId, String holder, OffsetDateTime leaseUntil) {
        super("review item " + itemId + " is claimed by " + holder + " until " + leaseUntil
                + "; only they can decide it before then — ask them, or wait for the lease to run out");
    }
}
