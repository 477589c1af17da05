package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import javax.sql.DataSource;

import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Buckets as several replicas see them: each its own {@link RateLimits} over the one database. */
class RateLimitsTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void twoReplicasTogetherAllowTheLimitAndAtMostOnePercentMoreEach() {
        RateLimits first = replica(1_000);
        RateLimits second = replica(1_000);

        int allowed = allowedInTurn(first, second, 1_200, "busy-replicas");

        // each replica counts up to 1% of the limit locally before it meets the other's count in the database
        assertThat(allowed).isBetween(1_000, 1_000 + 2 * 10);
        assertThat(first.take(RateLimits.Kind.USER, "busy-replicas").allowed()).isFalse();
        assertThat(second.take(RateLimits.Kind.USER, "busy-replicas").allowed()).isFalse();
    }

    @Test
    void smallLimitsAreCountedExactlyAcrossReplicas() {
        RateLimits first = replica(50);
        RateLimits second = replica(50);

        int allowed = allowedInTurn(first, second, 80, "exact-replicas");

        assertThat(allowed).isEqualTo(50);
    }

    @Test
    void aChangedLimitTakesEffectForCallersWhoAlreadyHaveABucket() {
        RateLimits before = replica(3);
        for (int i = 0; i < 3; i++) {
            before.take(RateLimits.Kind.USER, "raised");
        }
        assertThat(before.take(RateLimits.Kind.USER, "raised").allowed()).isFalse();

        // the operator raises the limit and the replica restarts
        RateLimits after = replica(10);
        RateLimits.Outcome outcome = after.take(RateLimits.Kind.USER, "raised");

        assertThat(outcome.allowed()).isTrue();
        assertThat(outcome.limit()).isEqualTo(10);
        assertThat(outcome.remaining()).isEqualTo(9);
    }

    @Test
    void bucketsThatHaveRefilledAreDeletedAndBusyOnesKept() {
        RateLimits shortPeriod = replica(5, Duration.ofSeconds(1));
        RateLimits longPeriod = replica(5, Duration.ofHours(1));
        shortPeriod.take(RateLimits.Kind.USER, "gone-quiet");
        longPeriod.take(RateLimits.Kind.USER, "still-counting");
        assertThat(bucketsOf("gone-quiet")).isEqualTo(1);

        // a bucket is kept a few seconds after it is full again, so a deletion never forgets a count
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> shortPeriod.purgeExpired() > 0 || bucketsOf("gone-quiet") == 0);

        assertThat(bucketsOf("gone-quiet")).isZero();
        assertThat(bucketsOf("still-counting")).isEqualTo(1);
        RateLimits.Outcome counted = longPeriod.take(RateLimits.Kind.USER, "still-counting");
        assertThat(counted.remaining()).isEqualTo(3);
    }

    /** How many of {@code calls} by one user, taken in turn on the two replicas, were allowed. */
    private static int allowedInTurn(RateLimits first, RateLimits second, int calls, String who) {
        int allowed = 0;
        for (int i = 0; i < calls; i++) {
            if ((i % 2 == 0 ? first : second).take(RateLimits.Kind.USER, who).allowed()) {
                allowed++;
            }
        }
        return allowed;
    }

    private long bucketsOf(String who) {
        return jdbc.sql("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE :pattern")
                .param("pattern", "%:" + who).query(Long.class).single();
    }

    private RateLimits replica(long perUser) {
        return replica(perUser, Duration.ofHours(1));
    }

    private RateLimits replica(long perUser, Duration period) {
        var limits = new ApiProperties.RateLimit(true, period, perUser, 100, 10, 50);
        return new RateLimits(dataSource, new ApiProperties(limits, new ApiProperties.Progress(Duration.ofSeconds(1), 200,
                Duration.ofHours(2))));
    }
}
