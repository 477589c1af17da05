package org.compliancerunner.account;

import org.jspecify.annotations.Nullable;

/** The stored token signing key cannot be opened with the configured secret, or no secret is configured for it. */
class SigningKeyUnreadableException extends IllegalStateException {

    SigningKeyUnreadableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
