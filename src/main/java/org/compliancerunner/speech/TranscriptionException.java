package org.compliancerunner.speech;

/** Transcription could not be done for a video; the message says why in an operator's words. */
public class TranscriptionException extends Exception {

    public TranscriptionException(String message) {
        super(message);
    }

    public TranscriptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
