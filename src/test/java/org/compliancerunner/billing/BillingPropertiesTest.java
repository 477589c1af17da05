package org.compliancerunner.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.compliancerunner.support.SettingsContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BillingPropertiesTest {

    @EnableConfigurationProperties(BillingProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = SettingsContext.of(Settings.class);

    @Test
    void absentSettingsMeanUnlimited() {
        context.run(started -> assertThat(started.getBean(BillingProperties.class).quotaFor("anyone")).isZero());
    }

    @Test
    void anOwnerOverrideWinsOverTheDefaultAndZeroMakesThatOwnerUnlimited() {
        context.withPropertyValues("compliance.billing.quota-minutes=600",
                        "compliance.billing.owners.alice.quota-minutes=0",
                        "compliance.billing.owners.bob.quota-minutes=30")
                .run(started -> {
                    BillingProperties billing = started.getBean(BillingProperties.class);
                    assertThat(billing.quotaFor("carol")).isEqualTo(600);
                    assertThat(billing.quotaFor("alice")).isZero();
                    assertThat(billing.quotaFor("bob")).isEqualTo(30);
                });
    }

    @Test
    void theSettingNamedForAnOwnerBindsToThatOwner() {
        for (String owner : new String[] {"alice", "Jane.Doe", "ops team"}) {
            String setting = new BillingProperties(0, QuotaPeriod.MONTHLY, null).quotaPropertyFor(owner);
            context.withPropertyValues(setting + "=42")
                    .run(started -> assertThat(started.getBean(BillingProperties.class).quotaFor(owner))
                            .as(setting).isEqualTo(42));
        }
        assertThat(new BillingProperties(0, QuotaPeriod.MONTHLY, null).quotaPropertyFor("Jane.Doe"))
                .isEqualTo("compliance.billing.owners[Jane.Doe].quota-minutes");
    }

    @Test
    void aNegativeQuotaStopsStartUpNamingTheSetting() {
        context.withPropertyValues("compliance.billing.owners.bob.quota-minutes=-5")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("compliance.billing.owners[bob].quotaMinutes")
                        .hasMessageContaining("must be greater than or equal to 0"));
        context.withPropertyValues("compliance.billing.quota-minutes=-1")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("compliance.billing.quotaMinutes"));
    }
}
