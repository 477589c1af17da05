package org.compliancerunner.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A streaming replica of the database for the API's reads ({@code compliance.datasource.replica.*}). Unset, every
 * query goes to {@code spring.datasource.url} as before. User and password default to the primary's.
 *
 * @param maximumPoolSize   connections the replica's pool may hold (the primary's is
 *                          {@code spring.datasource.hikari.maximum-pool-size})
 * @param connectionTimeout how long a read waits for a replica connection before it goes to the primary instead
 * @param readYourWrites    how long a caller's reads go to the primary after they wrote, so they see their change
 * @param retryAfter        how long reads stay on the primary after the replica failed before it is tried again
 */
@ConfigurationProperties("compliance.datasource.replica")
public record ReplicaProperties(@Nullable String url, @Nullable String username, @Nullable String password,
                                @DefaultValue("10") int maximumPoolSize,
                                @DefaultValue("1s") Duration connectionTimeout,
                                @DefaultValue("5s") Duration readYourWrites,
                                @DefaultValue("10s") Duration retryAfter) {

    private static final String PREFIX = "compliance.datasource.replica.";

    public ReplicaProperties {
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException(PREFIX + "maximum-pool-size must be at least 1, not " + maximumPoolSize);
        }
        // Hikari's own floor: a shorter wait is refused by the pool
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException(PREFIX + "connection-timeout must be at least 250ms, not " + connectionTimeout);
        }
        if (readYourWrites.isNegative() || retryAfter.isNegative()) {
            throw new IllegalArgumentException(PREFIX + "read-your-writes and " + PREFIX + "retry-after must not be negative");
        }
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }

    /** The URL without its parameters, which may carry a password: what logs and health details show. */
    String shownUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
