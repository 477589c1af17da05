package org.compliancerunner.account;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the built-in issuer guards its users.
 *
 * @param lockoutAfter consecutive failed logins of one user name after which it is locked, whatever the address
 * @param lockout      the first lock; each further failure doubles it
 * @param maxLockout   the longest lock
 * @param recheck      how long a token's check against the users table and its login is reused: a disabled user, a
 *                     changed role or a revoked login takes up to this long to reach other replicas
 */
@Validated
@ConfigurationProperties("compliance.api.accounts")
public record AccountProperties(
        @Min(1) @DefaultValue("5") int lockoutAfter,
        @NotNull @DefaultValue("30s") Duration lockout,
        @NotNull @DefaultValue("15m") Duration maxLockout,
        @NotNull @DefaultValue("5s") Duration recheck) {
}
