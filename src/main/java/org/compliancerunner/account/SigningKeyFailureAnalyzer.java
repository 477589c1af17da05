package org.compliancerunner.account;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to do when {@code serve} cannot open its signing key, instead of a chain of bean-creation errors. */
class SigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeyUnreadableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SigningKeyUnreadableException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set compliance.api.signing-key-secret (environment variable "
                + "COMPLIANCE_API_SIGNING_KEY_SECRET) to the secret the key was stored with. If that secret is lost, "
                + "delete the row from the signing_keys table: a new key is made on the next start, and everyone "
                + "signs in again.", cause);
    }
}
