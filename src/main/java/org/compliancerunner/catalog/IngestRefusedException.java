package org.compliancerunner.catalog;

/** An input ingest will not register; the message names the input and what to do. */
public class IngestRefusedException extends Exception {

    public IngestRefusedException(String message) {
        super(message);
    }
}
