package org.compliancerunner.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in PostgreSQL (table rate_limit_buckets), so every replica counts against the same limits.
 * Each bucket refills whole at the end of its period, which is what the RateLimit-Reset header reports.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RateLimits {

    /** What a request counts against. */
    enum Kind { USER, ANONYMOUS, UPLOAD, LAUNCH }

    /** The outcome of taking one token: whether it was allowed, and the figures for the response headers. */
    record Outcome(boolean allowed, long limit, long remaining, long resetSeconds) {
    }

    private static final int MAX_CACHED_BUCKETS = 10_000;
    private static final long PURGE_MINUTES = 10;
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(PURGE_MINUTES);
    private static final int PURGE_BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final ApiProperties.RateLimit settings;
    // kept per key so that concurrent requests against one bucket share a database round trip (batching) instead of
    // queueing one by one on its row lock
    private final Map<String, Bucket> proxies = new ConcurrentHashMap<>();

    RateLimits(DataSource dataSource, ApiProperties properties) {
        this.settings = properties.rateLimit();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                // a bucket is only worth keeping until it is full again, when a fresh one is the same; the seconds
                // after that allow for replicas' clocks that differ
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5)))
                .build();
    }

    /** Deletes the rows of buckets that have refilled, callers who stopped calling included; returns how many. */
    int purgeExpired() {
        int removed = 0;
        for (int batch; (batch = buckets.removeExpired(PURGE_BATCH)) > 0; ) {
            removed += batch;
            if (batch < PURGE_BATCH) {
                break;
            }
        }
        return removed;
    }

    // every replica purges; the deletes are idempotent and cheap
    @Scheduled(initialDelay = PURGE_MINUTES, fixedDelay = PURGE_MINUTES, timeUnit = TimeUnit.MINUTES)
    void purgeQuietly() {
        try {
            int removed = purgeExpired();
            if (removed > 0) {
                log.debug("Removed {} refilled rate-limit buckets", removed);
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove refilled rate-limit buckets (tried again in {}): {}", PURGE_INTERVAL, e.getMessage());
        }
    }

    boolean enabled() {
        return settings.enabled();
    }

    Outcome take(Kind kind, String who) {
        long limit = limitOf(kind);
        Duration period = settings.period();
        if (proxies.size() > MAX_CACHED_BUCKETS) {
            proxies.clear(); // only a cache of handles: the counts stay in the database
        }
        // the limit is part of the key: a changed setting starts fresh buckets instead of keeping the stored ones
        String key = kind.name().toLowerCase(Locale.ROOT) + ":" + limit + "/" + period + ":" + who;
        ConsumptionProbe probe = proxies.computeIfAbsent(key, k -> bucket(k, limit, period))
                .tryConsumeAndReturnRemaining(1);
        long resetNanos = probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
        return new Outcome(probe.isConsumed(), limit, probe.getRemainingTokens(), ceilSeconds(resetNanos));
    }

    private Bucket bucket(String key, long limit, Duration period) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillIntervally(limit, period).build())
                .build();
        long unsynchronized = limit / 100;
        // a caller sending many requests costs one database round trip per second, not one per request; a replica may
        // then spend up to 1% of the limit beyond what the others have counted. Small limits are counted exactly.
        var optimization = unsynchronized == 0 ? Optimizations.batching()
                : Optimizations.delaying(new DelayParameters(unsynchronized, Duration.ofSeconds(1)));
        return buckets.builder().withOptimization(optimization).build(key, () -> configuration);
    }

    private long limitOf(Kind kind) {
        return switch (kind) {
            case USER -> settings.perUser();
            case ANONYMOUS -> settings.anonymous();
            case UPLOAD -> settings.uploads();
            case LAUNCH -> settings.launches();
        };
    }

    private static long ceilSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
