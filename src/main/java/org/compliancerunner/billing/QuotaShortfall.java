package org.compliancerunner.billing;

/**
 * An owner's quota against a video it has no room for.
 *
 * @param usedMinutes     charged for checked videos
 * @param reservedMinutes held for videos not yet swept
 * @param neededMinutes   what the refused video needs
 */
public record QuotaShortfall(String owner, long quotaMinutes, long usedMinutes, long reservedMinutes,
                             long neededMinutes) {
}
