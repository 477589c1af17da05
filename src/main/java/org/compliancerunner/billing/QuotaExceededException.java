package org.compliancerunner.billing;

/** An owner's quota has no room for a video; nothing was reserved or charged for it. */
public class QuotaExceededException extends RuntimeException {

    private final QuotaShortfall shortfall;

    QuotaExceededException(QuotaShortfall shortfall, String period, String quotaProperty) {
        super(String.format("owner %s has no room in the minutes quota: quota %d min, %s used %d + reserved %d = %d min, "
                        + "this video needs %d min; raise %s (0 = unlimited)",
                shortfall.owner(), shortfall.quotaMinutes(), period, shortfall.usedMinutes(),
                shortfall.reservedMinutes(), shortfall.usedMinutes() + shortfall.reservedMinutes(),
                shortfall.neededMinutes(), quotaProperty));
        this.shortfall = shortfall;
    }

    public QuotaShortfall shortfall() {
        return shortfall;
    }
}
