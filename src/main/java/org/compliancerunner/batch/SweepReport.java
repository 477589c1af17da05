package org.compliancerunner.batch;

import java.time.LocalDateTime;
import java.util.List;

import org.compliancerunner.catalog.Video;
import org.compliancerunner.policy.StoredTrigger;
import org.jspecify.annotations.Nullable;

/** One sweep execution as an operator reads it the morning after. */
public record SweepReport(long jobExecutionId, long jobInstanceId, String status, @Nullable String exitDescription,
                          @Nullable LocalDateTime startTime, @Nullable LocalDateTime endTime, @Nullable String packName,
                          @Nullable Long packVersion,
                          SweepSummary summary, List<Video> videos, List<StoredTrigger> triggers) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
