package org.compliancerunner.review;

/** No review item has this id. */
public class UnknownItemException extends ReviewException {

    UnknownItemException(long itemId) {
        super("no review item " + itemId + "; list the open ones with: review list --state OPEN");
    }
}
