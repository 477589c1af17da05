package org.compliancerunner.account;

/** The stored token signing key cannot be opened with the configured secret, or no secret is configured for it. */
class SigningKeyUnreadableException extends IllegalStateException {

    SigningKeyUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
