package org.compliancerunner.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BilledMinutesTest {

    @Test
    void everyStartedMinuteIsCharged() {
        assertThat(BilledMinutes.of(1L)).isEqualTo(1);
        assertThat(BilledMinutes.of(60_000L)).isEqualTo(1);
        assertThat(BilledMinutes.of(60_001L)).isEqualTo(2);
        assertThat(BilledMinutes.of(61_000L)).isEqualTo(2);
        assertThat(BilledMinutes.of(120_000L)).isEqualTo(2);
        assertThat(BilledMinutes.of(3_600_000L)).isEqualTo(60);
    }

    @Test
    void anUnknownOrEmptyDurationCostsOneMinute() {
        assertThat(BilledMinutes.of(null)).isEqualTo(1);
        assertThat(BilledMinutes.of(-1L)).isEqualTo(1);
        assertThat(BilledMinutes.of(0L)).isEqualTo(1);
    }
}
