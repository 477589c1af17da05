package org.compliancerunner.sweep;

/** A sweep that cannot be started, restarted or stopped; the message says why and what to do. */
public class SweepLaunchException extends Exception {

    public SweepLaunchException(String message) {
        super(message);
    }

    public SweepLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
