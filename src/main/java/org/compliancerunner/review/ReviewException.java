package org.compliancerunner.review;

/** An operator's request the queue refuses; the message says why and what to do instead. */
public class ReviewException extends RuntimeException {

    ReviewException(String message) {
        super(message);
    }
}
