package org.compliancerunner.review;

/** The operator deciding through the API does not hold the item's claim: nobody does, or their lease ran out. */
public class ItemNotClaimedException extends ReviewException {

    ItemNotClaimedException(long itemId) {
        super("review item " + itemId + " is not claimed by you; claim it first (POST /api/review/claims), "
                + "then decide it while your claim lasts");
    }
}
