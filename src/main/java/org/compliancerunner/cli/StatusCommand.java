package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.compliancerunner.sweep.SweepReport;
import org.compliancerunner.sweep.SweepReports;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows recent sweeps, or one sweep's full report.")
class StatusCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A sweep's job execution id.")
    @Nullable Long jobExecutionId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Sweeps to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    JsonOption json;

    private final SweepReports reports;
    private final SweepReportPrinter printer;

    StatusCommand(SweepReports reports, SweepReportPrinter printer) {
        this.reports = reports;
        this.printer = printer;
    }

    @Override
    public Integer call() {
        PrintWriter out = streams.out();
        if (jobExecutionId != null) {
            var report = reports.report(jobExecutionId);
            if (report.isEmpty()) {
                streams.err().println("error: no sweep execution " + jobExecutionId);
                return ExitCodes.FAILED;
            }
            if (json.requested()) {
                printer.printJson(out, report.get());
            } else {
                printer.printText(out, report.get());
            }
            return ExitCodes.OK;
        }
        var recent = reports.recent(limit);
        if (recent.isEmpty() && !json.requested()) {
            out.println("No sweeps yet. Start one with: sweep");
        }
        if (!recent.isEmpty() && !json.requested()) {
            out.printf("%-6s %-10s %-19s %-19s %6s %6s %8s%n", "ID", "STATUS", "STARTED", "ENDED", "DONE", "FAILED",
                    "TRIGGERS");
        }
        for (JobExecution execution : recent) {
            SweepReport report = reports.report(execution.getId()).orElseThrow();
            if (json.requested()) {
                printer.printJson(out, report);
            } else {
                out.printf("%-6d %-10s %-19s %-19s %6d %6d %8d%n", report.jobExecutionId(), report.status(),
                        time(report.startTime()), time(report.endTime()), report.summary().done(),
                        report.summary().failed(), report.summary().triggers());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String time(java.time.LocalDateTime time) {
        return time == null ? "-" : time.withNano(0).toString().replace('T', ' ');
    }
}
