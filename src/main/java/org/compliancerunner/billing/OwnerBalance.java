package org.compliancerunner.billing;

import org.jspecify.annotations.Nullable;

/**
 * One owner's minutes.
 *
 * @param reservedMinutes held for videos registered but not yet swept (open reservations)
 * @param chargedMinutes  charged for videos checked (DONE)
 * @param releasedMinutes returned for videos that could not be checked (FAILED)
 * @param quotaMinutes    the owner's quota, 0 when unlimited
 */
public record OwnerBalance(String owner, long reservedMinutes, long chargedMinutes, long releasedMinutes,
                           long quotaMinutes) {

    public boolean unlimited() {
        return quotaMinutes == 0;
    }

    /** What the quota still allows; null when unlimited, 0 when reached or overdrawn by a retried video. */
    public @Nullable Long remainingMinutes() {
        return unlimited() ? null : Math.max(0, quotaMinutes - reservedMinutes - chargedMinutes);
    }
}
