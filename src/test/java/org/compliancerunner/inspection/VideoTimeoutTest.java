package org.compliancerunner.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class VideoTimeoutTest {

    private final VideoTimeout defaults = new VideoTimeout(4, Duration.ofMinutes(2), Duration.ofSeconds(10));

    @Test
    void aVideoGetsAMultipleOfItsDurationButNeverLessThanTheFloor() {
        assertThat(defaults.budgetFor(60 * 60_000L)).isEqualTo(Duration.ofHours(4));
        assertThat(defaults.budgetFor(10_000L)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.budgetFor(null)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.budgetFor(0L)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void factorZeroMakesTheFloorAFixedBudget() {
        VideoTimeout fixed = new VideoTimeout(0, Duration.ofMinutes(30), Duration.ofSeconds(10));
        assertThat(fixed.budgetFor(3 * 60 * 60_000L)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void budgetsReadAsPeopleSayThem() {
        assertThat(TimeLimitedInspection.describe(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(TimeLimitedInspection.describe(Duration.ofMinutes(2))).isEqualTo("2 min");
        assertThat(TimeLimitedInspection.describe(Duration.ofSeconds(3930))).isEqualTo("1 h 5 min 30 s");
    }
}
