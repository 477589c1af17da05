package org.compliancerunner.web;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The REST API's web settings; its token settings are the account feature's {@code TokenProperties}.
 *
 * @param rateLimit       requests allowed per period
 * @param progress        Server-Sent Events progress streams
 */
@Validated
@ConfigurationProperties("compliance.api")
public record ApiProperties(
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @Valid @NotNull @DefaultValue Progress progress) {

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
