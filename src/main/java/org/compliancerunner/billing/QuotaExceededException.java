package org.compliancerunner.billing;

/** An owner's quota has no room for a video; nothing was reserved or charged for it. */
public class QuotaExceededException extends RuntimeException {

    private final String owner;
    private final long quotaMinutes;
    private final long usedMinutes;
    private final long reservedMinutes;
    private final long neededMinutes;

    QuotaExceededException(String owner, long quotaMinutes, long usedMinutes, long reservedMinutes, long neededMinutes,
                           String period, String quotaProperty) {
        super(String.format("owner %s has no room in the minutes quota: quota %d min, %s used %d + reserved %d = %d min, "
                        + "this video needs %d min; raise %s (0 = unlimited)",
                owner, quotaMinutes, period, usedMinutes, reservedMinutes, usedMinutes + reservedMinutes, neededMinutes,
                quotaProperty));
        this.owner = owner;
        this.quotaMinutes = quotaMinutes;
        this.usedMinutes = usedMinutes;
        this.reservedMinutes = reservedMinutes;
        this.neededMinutes = neededMinutes;
    }

    public String owner() {
        return owner;
    }

    public long quotaMinutes() {
        return quotaMinutes;
    }

    /** minutes charged for checked videos */
    public long usedMinutes() {
        return usedMinutes;
    }

    /** minutes held for videos not yet swept */
    public long reservedMinutes() {
        return reservedMinutes;
    }

    public long neededMinutes() {
        return neededMinutes;
    }
}
