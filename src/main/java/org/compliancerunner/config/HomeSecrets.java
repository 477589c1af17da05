package org.compliancerunner.config;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Secrets generated on first start and kept in owner-only files under COMPLIANCE_HOME. Only there with the embedded
 * database: a home is then the whole installation, while processes on a shared database have homes of their own and
 * must share configured secrets instead.
 */
public record HomeSecrets(Path home) {

    /** The secret that encrypts the token signing key when compliance.api.signing-key-secret is not set. */
    public String signingKeySecret() {
        return OwnerOnlyFiles.secret(signingKeySecretFile());
    }

    /** The generated signing-key secret if one was made before, else null. */
    public @Nullable String existingSigningKeySecret() {
        return Files.isRegularFile(signingKeySecretFile()) ? signingKeySecret() : null;
    }

    private Path signingKeySecretFile() {
        return home.resolve("signing-key.secret");
    }
}
