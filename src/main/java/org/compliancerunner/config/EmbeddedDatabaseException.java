package org.compliancerunner.config;

/** The embedded PostgreSQL could not start; the message says why in words an operator can act on. */
class EmbeddedDatabaseException extends RuntimeException {

    EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
