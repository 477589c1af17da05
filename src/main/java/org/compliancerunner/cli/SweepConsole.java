package org.compliancerunner.cli;

import java.io.PrintWriter;

import org.compliancerunner.sweep.SweepAlreadyRunningException;
import org.compliancerunner.sweep.SweepLaunchException;
import org.compliancerunner.sweep.SweepReport;
import org.compliancerunner.sweep.SweepReports;
import org.compliancerunner.sweep.SweepWatcher;
import org.compliancerunner.notify.DispatchRound;
import org.compliancerunner.notify.OutboxDispatcher;
import org.compliancerunner.policy.RulePackException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.scheduling.TaskScheduler;
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
    private final OutboxDispatcher notifications;
    private final TaskScheduler scheduler;

    SweepConsole(SweepReports reports, SweepReportPrinter printer, OutboxDispatcher notifications,
                 TaskScheduler scheduler) {
        this.reports = reports;
        this.printer = printer;
        this.notifications = notifications;
        this.scheduler = scheduler;
    }

    // a CLI run has no background dispatcher: deliver what the sweep announced before the process ends
    private void deliverNotifications(PrintWriter err) {
        try {
            DispatchRound round = notifications.dispatchDue();
            if (round.retrying() + round.failed() > 0) {
                err.printf("notifications: %d delivered, %d to retry, %d given up (see: notify list)%n",
                        round.delivered(), round.retrying(), round.failed());
            }
        } catch (RuntimeException e) {
            err.println("notifications: not delivered now (" + e.getMessage() + "); run: notify dispatch");
        }
    }

    int run(PrintWriter out, PrintWriter err, boolean json, Launch launch) {
        JobExecution execution;
        try (SweepProgress progress = new SweepProgress(reports, err, !json && System.console() != null,
                scheduler)) {
            execution = launch.run(progress::started);
        } catch (RulePackException e) {
            err.println("The rule pack is not valid; nothing was changed:");
            e.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return ExitCodes.USAGE;
        } catch (SweepAlreadyRunningException e) {
            // overlapping CronJob or scheduled runs: the live sweep does the work, this run did nothing wrong
            err.println(e.getMessage());
            err.flush();
            if (json) {
                out.println("{\"alreadyRunning\":" + e.runningExecutionId() + "}");
                out.flush();
            }
            return ExitCodes.OK;
        } catch (SweepLaunchException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        deliverNotifications(err);
        SweepReport report = reports.report(execution.getId()).orElseThrow();
        if (json) {
            printer.printJson(out, report);
        } else {
            printer.printText(out, report);
        }
        return report.completed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
