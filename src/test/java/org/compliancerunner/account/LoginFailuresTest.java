package org.compliancerunner.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The lock after repeated failures: none below the threshold, doubling after it, never beyond the maximum. */
class LoginFailuresTest {

    private final AccountProperties properties = new AccountProperties(5, Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofSeconds(5));

    @Test
    void theLockDoublesWithEachFailureBeyondTheThresholdUpToTheMaximum() {
        assertThat(LoginFailures.backoff(4, properties)).isZero();
        assertThat(LoginFailures.backoff(5, properties)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginFailures.backoff(6, properties)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LoginFailures.backoff(9, properties)).isEqualTo(Duration.ofMinutes(8));
        assertThat(LoginFailures.backoff(10, properties)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginFailures.backoff(1_000_000, properties)).isEqualTo(Duration.ofMinutes(15));
    }
}
