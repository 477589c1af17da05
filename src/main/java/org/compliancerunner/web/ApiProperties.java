package org.compliancerunner.web;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The REST API's settings.
 *
 * @param issuer          the {@code iss} of tokens the built-in issuer signs and accepts
 * @param accessTokenTtl  how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid; each use replaces it with a new one
 * @param rolesClaim      the token claim that lists the caller's roles (ADMIN, OPERATOR, UPLOADER), also for an
 *                        external issuer
 * @param rateLimit       requests allowed per period
 * @param progress        Server-Sent Events progress streams
 * @param signingKeySecret encrypts the built-in issuer's private key where it is stored (from a secret store, e.g. a
 *                        Kubernetes Secret); without it the key is stored in the clear. Losing it loses the key: every
 *                        token must then be issued again after the key row is deleted
 */
@Validated
@ConfigurationProperties("compliance.api")
public record ApiProperties(
        @NotBlank @DefaultValue("compliance-runner") String issuer,
        @NotNull @DefaultValue("24h") Duration accessTokenTtl,
        @NotNull @DefaultValue("7d") Duration refreshTokenTtl,
        @NotBlank @DefaultValue("roles") String rolesClaim,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @Valid @NotNull @DefaultValue Progress progress,
        @Size(min = 16, message = "must be at least 16 characters") String signingKeySecret) {

    @Override
    public String toString() {
        // the secret never reaches a log or an actuator page
        return "ApiProperties[issuer=" + issuer + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl="
                + refreshTokenTtl + ", rolesClaim=" + rolesClaim + ", rateLimit=" + rateLimit + ", progress=" + progress
                + ", signingKeySecret=" + (signingKeySecret == null ? "unset" : "set") + "]";
    }

    /**
     * @param enabled   off only for benchmarks or behind a gateway that limits already
     * @param period    the window every limit counts in; a bucket refills whole at its end
     * @param perUser   requests per authenticated user
     * @param anonymous requests per client address without a token (token requests, documentation)
     * @param uploads   video registrations and uploads per user
     * @param launches  job launches and restarts per user
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("1h") Duration period,
            @Min(1) @DefaultValue("1000") long perUser,
            @Min(1) @DefaultValue("100") long anonymous,
            @Min(1) @DefaultValue("10") long uploads,
            @Min(1) @DefaultValue("50") long launches) {
    }

    /**
     * @param interval   how often a stream looks at the database for news
     * @param maxStreams streams open at once; more are refused with 503
     * @param timeout    longest a stream stays open
     */
    public record Progress(
            @NotNull @DefaultValue("1s") Duration interval,
            @Min(1) @DefaultValue("200") int maxStreams,
            @NotNull @DefaultValue("2h") Duration timeout) {
    }
}
