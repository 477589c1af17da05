package org.compliancerunner.cli;

import java.io.PrintWriter;

import org.compliancerunner.batch.SweepLaunchException;
import org.compliancerunner.batch.SweepReport;
import org.compliancerunner.batch.SweepReports;
import org.compliancerunner.batch.SweepWatcher;
import org.compliancerunner.policy.RulePackException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** Runs a sweep launch in the foreground with progress, then prints its report; shared by sweep, restart and demo. */
@Component
class SweepConsole {

    /** A launch that runs a sweep to its end, reporting its start to the watcher. */
    interface Launch {
        JobExecution run(SweepWatcher watcher) throws RulePackException, SweepLaunchException;
    }

    private final SweepReports reports;
    private final SweepReportPrinter printer;

    SweepConsole(SweepReports reports, SweepReportPrinter printer) {
        this.reports = reports;
        this.printer = printer;
    }

    int run(PrintWriter out, PrintWriter err, boolean json, Launch launch) {
        JobExecution execution;
        try (SweepProgress progress = new SweepProgress(reports, err, !json && System.console() != null)) {
            execution = launch.run(progress::started);
        } catch (RulePackException e) {
            err.println("The rule pack is not valid; nothing was changed:");
            e.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return ExitCodes.USAGE;
        } catch (SweepLaunchException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        SweepReport report = reports.report(execution.getId()).orElseThrow();
        if (json) {
            printer.printJson(out, report);
        } else {
            printer.printText(out, report);
        }
        return report.completed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
