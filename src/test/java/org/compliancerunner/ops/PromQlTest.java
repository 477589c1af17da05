package org.compliancerunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The dashboard check is only as good as the names it finds in the queries. */
class PromQlTest {

    @Test
    void findsTheMetricsAndNotTheFunctionsLabelsRangesOrGroupings() {
        assertThat(PromQl.metricNames(List.of(
                "histogram_quantile(0.95, sum by (le, stage) (rate(compliance_video_processing_seconds_bucket[$__rate_interval])))",
                "sum(increase(compliance_videos_processed_total{status=\"FAILED\", rule=~\"a|b\"}[1h])) * 60",
                "sum by (state) (compliance_review_queue_depth) / ignoring (state) group_left up offset 5m",
                "sort_desc(sum without (instance) (rate(a_total[5m]) and on (job) b_total))")))
                .containsExactlyInAnyOrder("compliance_video_processing_seconds_bucket", "compliance_videos_processed_total",
                        "compliance_review_queue_depth", "up", "a_total", "b_total");
    }
}
