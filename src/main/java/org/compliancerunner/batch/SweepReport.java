package org.compliancerunner.batch;

import java.time.LocalDateTime;
import java.util.List;

import org.compliancerunner.catalog.Video;
import org.compliancerunner.policy.StoredTrigger;

/** One sweep execution as an operator reads it the morning after. */
public record SweepReport(long jobExecutionId, long jobInstanceId, String status, String exitDescription,
                          LocalDateTime startTime, LocalDateTime endTime, String packName, Long packVersion,
                          SweepSummary summary, List<Video> videos, List<StoredTrigger> triggers) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
