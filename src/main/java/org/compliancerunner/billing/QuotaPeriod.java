package org.compliancerunner.billing;

/** What a quota counts: the minutes of videos reserved this calendar month (UTC), or every minute ever. */
public enum QuotaPeriod {
    MONTHLY,
    LIFETIME
}
