package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.compliancerunner.sweep.SweepReports;
import org.compliancerunner.sweep.SweepSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.TaskScheduler;

/** Shows "videos done / total" on one terminal line while a sweep runs; silent when not attached to a terminal. */
final class SweepProgress implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(500);

    private final SweepReports reports;
    private final PrintWriter err;
    private final boolean enabled;
    private final TaskScheduler scheduler;
    private @Nullable ScheduledFuture<?> ticks;
    private boolean printed;
    private boolean closed;

    SweepProgress(SweepReports reports, PrintWriter err, boolean enabled, TaskScheduler scheduler) {
        this.reports = reports;
        this.err = err;
        this.enabled = enabled;
        this.scheduler = scheduler;
    }

    /** Starts showing the progress of the given sweep; the watcher callback of a launch. */
    synchronized void started(long jobExecutionId, long jobInstanceId) {
        if (enabled && !closed) {
            ticks = scheduler.scheduleWithFixedDelay(() -> show(jobExecutionId, jobInstanceId), TICK);
        }
    }

    // synchronized with close: no progress line is printed after the report's own lines begin
    private synchronized void show(long jobExecutionId, long jobInstanceId) {
        if (closed) {
            return;
        }
        try {
            SweepSummary summary = reports.summarize(jobInstanceId);
            err.printf("\rsweep %d: %d/%d videos done%s ", jobExecutionId, summary.done() + summary.failed(),
                    summary.claimed(), summary.failed() > 0 ? " (" + summary.failed() + " failed)" : "");
            err.flush();
            printed = true;
        } catch (RuntimeException e) {
            // progress is a courtesy; the sweep itself reports any real failure
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (ticks != null) {
            ticks.cancel(false);
        }
        if (printed) {
            err.println();
            err.flush();
        }
    }
}
