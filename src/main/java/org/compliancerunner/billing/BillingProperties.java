package org.compliancerunner.billing;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many minutes each owner may have reserved and charged per period.
 *
 * @param quotaMinutes the quota of every owner without an override; 0 means unlimited
 * @param quotaPeriod  what the quota counts: minutes of videos reserved this calendar month (UTC), or ever
 * @param owners       overrides by owner name, e.g. {@code compliance.billing.owners.alice.quota-minutes=600};
 *                     an override of 0 makes that owner unlimited
 */
@Validated
@ConfigurationProperties("compliance.billing")
public record BillingProperties(
        @PositiveOrZero @DefaultValue("0") long quotaMinutes,
        @DefaultValue("monthly") QuotaPeriod quotaPeriod,
        Map<String, @Valid OwnerQuota> owners) {

    static final String PREFIX = "compliance.billing";

    public BillingProperties {
        owners = owners == null ? Map.of() : Map.copyOf(owners);
    }

    /** @param quotaMinutes this owner's quota; 0 means unlimited */
    public record OwnerQuota(@PositiveOrZero long quotaMinutes) {
    }

    /** The owner's quota in minutes, 0 when unlimited. */
    public long quotaFor(String owner) {
        OwnerQuota override = owners.get(owner);
        return override == null ? quotaMinutes : override.quotaMinutes();
    }

    /** The setting an operator changes to give this owner more minutes. */
    public String quotaPropertyFor(String owner) {
        // map keys other than lower-case letters, digits and '-' only keep their spelling in brackets
        String key = owner.matches("[a-z0-9-]+") ? "." + owner : "[" + owner + "]";
        return PREFIX + ".owners" + key + ".quota-minutes";
    }
}
