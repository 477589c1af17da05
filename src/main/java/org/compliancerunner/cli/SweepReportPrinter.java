package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.compliancerunner.sweep.SweepReport;
import org.compliancerunner.sweep.SweepSummary;
import org.compliancerunner.catalog.Video;
import org.compliancerunner.catalog.VideoStatus;
import org.compliancerunner.policy.StoredTrigger;
import org.springframework.stereotype.Component;

/** Prints a sweep's report: readable text for people, one JSON object for scripts. */
@Component
class SweepReportPrinter {

    private final JsonOutput json;

    SweepReportPrinter(JsonOutput json) {
        this.json = json;
    }

    void printJson(PrintWriter out, SweepReport report) {
        SweepSummary summary = report.summary();
        json.line(out, JsonOutput.object(
                "jobExecutionId", report.jobExecutionId(),
                "status", report.status(),
                "videos", JsonOutput.object("done", summary.done(), "failed", summary.failed(),
                        "unfinished", summary.unfinished()),
                "triggers", summary.triggers(),
                "durationMs", report.startTime() == null || report.endTime() == null ? null
                        : Duration.between(report.startTime(), report.endTime()).toMillis()));
    }

    void printText(PrintWriter out, SweepReport report) {
        SweepSummary summary = report.summary();
        out.printf("Sweep %d %s%s — rule pack %s v%s%n", report.jobExecutionId(), report.status(), took(report),
                report.packName(), report.packVersion());
        if ("STOPPED".equals(report.status())) {
            out.println("  Stopped on request; finish it with: restart " + report.jobExecutionId());
        } else if (report.exitDescription() != null && !report.completed()) {
            out.println("  " + report.exitDescription());
        }
        out.printf("  %d video(s): %d done, %d failed%s · %d trigger(s)%n", summary.claimed(), summary.done(),
                summary.failed(), summary.unfinished() > 0 ? ", " + summary.unfinished() + " unfinished" : "",
                summary.triggers());
        if (summary.claimed() == 0) {
            out.println("  Nothing was PENDING. Register videos with: ingest FILE...");
        }
        Map<Long, List<StoredTrigger>> byVideo = report.triggers().stream()
                .collect(Collectors.groupingBy(StoredTrigger::videoId));
        // the report lists a small sweep whole and, of a nightly one, only the videos that need attention
        for (Video video : report.videos()) {
            out.println();
            printVideo(out, video, byVideo.getOrDefault(video.id(), List.of()));
        }
        int rest = summary.claimed() - report.videos().size();
        if (rest > 0 && report.truncated()) {
            out.printf("%n%d more video(s) not listed, some failed or with triggers (list them with: videos --status "
                    + "FAILED, and triggers --video ID)%n", rest);
        } else if (rest > 0) {
            out.printf("%n%d more video(s) DONE with no triggers (list them with: videos --status DONE)%n", rest);
        }
        out.flush();
    }

    private static void printVideo(PrintWriter out, Video video, List<StoredTrigger> triggers) {
        if (video.status() == VideoStatus.FAILED) {
            out.printf("#%d %s  FAILED  %s%n", video.id(), video.title(), video.failureReason());
            return;
        }
        if (video.status() != VideoStatus.DONE) {
            out.printf("#%d %s  %s  not checked yet%n", video.id(), video.title(), video.status());
            return;
        }
        out.printf("#%d %s  %s  %s  speech: %s%s%n", video.id(), video.title(), video.status(),
                Timecode.seconds(video.durationMs()),
                video.transcriptSource() == null ? "none" : video.transcriptSource(),
                triggers.isEmpty() ? "  — no triggers" : "");
        for (StoredTrigger trigger : triggers) {
            out.printf("   %s–%s  %-8s %s  %s%n", Timecode.of(trigger.startMs()), Timecode.of(trigger.endMs()),
                    trigger.severity(), trigger.ruleId(), trigger.evidence());
        }
    }

    private static String took(SweepReport report) {
        if (report.startTime() == null || report.endTime() == null) {
            return "";
        }
        Duration took = Duration.between(report.startTime(), report.endTime());
        return String.format(" in %.1f s", took.toMillis() / 1000.0);
    }
}
