package org.compliancerunner.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.compliancerunner.policy.Severity;
import org.compliancerunner.support.SettingsContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ReviewPropertiesTest {

    @EnableConfigurationProperties(ReviewProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = SettingsContext.of(Settings.class);

    @Test
    void severityIsSpelledAsInRulePacksAndTheLeaseAsADuration() {
        runner.withPropertyValues("compliance.review.min-severity=high", "compliance.review.lease=90s")
                .run(context -> {
                    ReviewProperties properties = context.getBean(ReviewProperties.class);
                    assertThat(properties.minSeverity()).isEqualTo(Severity.HIGH);
                    assertThat(properties.lease()).isEqualTo(Duration.ofSeconds(90));
                });
    }

    @Test
    void aLeaseUnderASecondStopsStartUpNamingTheProperty() {
        runner.withPropertyValues("compliance.review.lease=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("compliance.review")
                    .hasMessageContaining("lease");
        });
    }

    @Test
    void anUnknownSeverityStopsStartUp() {
        runner.withPropertyValues("compliance.review.min-severity=urgent").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageContaining("compliance.review");
        });
    }
}
