package org.compliancerunner.sweep;

/** The sweep's partitions did not all end: no worker took some, or they outlasted the last-resort timeout. */
class PartitionsNotFinishedException extends Exception {

    PartitionsNotFinishedException(String message) {
        super(message);
    }
}
