package org.compliancerunner.inspection;

/** An inspection given up because its sweep was asked to stop; the video is neither DONE nor FAILED. */
public class InspectionStoppedException extends RuntimeException {

    public InspectionStoppedException(String message) {
        super(message);
    }
}
