package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.compliancerunner.support.SettingsContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RemotePropertiesTest {

    @EnableConfigurationProperties(RemoteProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = SettingsContext.of(Settings.class);

    @Test
    void theWatchdogResendsAfterTwoMinutesAndGivesUpAfterFifteenByDefault() {
        runner.run(context -> {
            RemoteProperties remote = context.getBean(RemoteProperties.class);
            assertThat(remote.resendAfter()).isEqualTo(Duration.ofMinutes(2));
            assertThat(remote.giveUpAfter()).isEqualTo(Duration.ofMinutes(15));
            assertThat(remote.managerTimeout()).isEqualTo(Duration.ofHours(12));
        });
    }

    @Test
    void resendingLaterThanGivingUpStopsStartUpNamingBothSettings() {
        runner.withPropertyValues("compliance.remote.resend-after=10m", "compliance.remote.give-up-after=5m")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("compliance.remote.resend-after")
                            .hasMessageContaining("compliance.remote.give-up-after");
                });
    }
}
