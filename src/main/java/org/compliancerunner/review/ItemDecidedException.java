package org.compliancerunner.review;

/** The item cannot take this decision any more: it was decided, or its finding went away. */
public class ItemDecidedException extends ReviewException {

    ItemDecidedException(String message) {
        super(message);
    }
}
