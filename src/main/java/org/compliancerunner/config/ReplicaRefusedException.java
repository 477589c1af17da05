package org.compliancerunner.config;

/** The configured replica is not a standby of the configured primary. */
class ReplicaRefusedException extends IllegalStateException {

    ReplicaRefusedException(String message) {
        super(message);
    }
}
