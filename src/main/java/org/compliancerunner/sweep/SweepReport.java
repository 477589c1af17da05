package org.compliancerunner.sweep;

import java.time.LocalDateTime;
import java.util.List;

import org.compliancerunner.catalog.Video;
import org.compliancerunner.policy.StoredTrigger;
import org.jspecify.annotations.Nullable;

/**
 * One sweep execution as an operator reads it the morning after.
 *
 * @param videos    every video of a sweep of up to {@link #LISTED_WHOLE_UP_TO}; of a larger one, those not DONE or
 *                  with triggers, the first {@link #MAX_LISTED} of them
 * @param truncated whether more videos needed attention than are listed
 * @param triggers  the triggers of the listed videos
 */
public record SweepReport(long jobExecutionId, long jobInstanceId, String status, @Nullable String exitDescription,
                          @Nullable LocalDateTime startTime, @Nullable LocalDateTime endTime, @Nullable String packName,
                          @Nullable Long packVersion,
                          SweepSummary summary, List<Video> videos, boolean truncated, List<StoredTrigger> triggers) {

    public static final int LISTED_WHOLE_UP_TO = 20;
    public static final int MAX_LISTED = 500;

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
