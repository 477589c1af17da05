package org.compliancerunner.media;

/** A file that cannot be opened or decoded; the message is written for an operator, not a developer. */
public class MediaException extends Exception {

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
