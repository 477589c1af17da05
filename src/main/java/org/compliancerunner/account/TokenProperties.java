package org.compliancerunner.account;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API's token settings (under {@code compliance.api}, beside the web settings of {@code ApiProperties}).
 *
 * @param issuer          the {@code iss} of tokens the built-in issuer signs and accepts
 * @param accessTokenTtl  how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid; each use replaces it with a new one
 * @param rolesClaim      the token claim that lists the caller's roles (ADMIN, OPERATOR, UPLOADER), also for an
 *                        external issuer
 * @param signingKeySecret encrypts the built-in issuer's private key where it is stored (from a secret store, e.g. a
 *                        Kubernetes Secret); without it the key is stored in the clear. Losing it loses the key: every
 *                        token must then be issued again after the key row is deleted
 */
@Validated
@ConfigurationProperties("compliance.api")
public record TokenProperties(
        @NotBlank @DefaultValue("compliance-runner") String issuer,
        @NotNull @DefaultValue("24h") Duration accessTokenTtl,
        @NotNull @DefaultValue("7d") Duration refreshTokenTtl,
        @NotBlank @DefaultValue("roles") String rolesClaim,
        @Size(min = 16, message = "must be at least 16 characters") @Nullable String signingKeySecret) {

    @Override
    public String toString() {
        // the secret never reaches a log or an actuator page
        return "TokenProperties[issuer=" + issuer + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl="
                + refreshTokenTtl + ", rolesClaim=" + rolesClaim + ", signingKeySecret="
                + (signingKeySecret == null ? "unset" : "set") + "]";
    }
}
