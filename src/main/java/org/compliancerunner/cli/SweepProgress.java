package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.batch.SweepReports;
import org.compliancerunner.batch.SweepSummary;

/** Shows "videos done / total" on one terminal line while a sweep runs; silent when not attached to a terminal. */
final class SweepProgress implements AutoCloseable {

    private final SweepReports reports;
    private final PrintWriter err;
    private final boolean enabled;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sweep-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean printed;

    SweepProgress(SweepReports reports, PrintWriter err, boolean enabled) {
        this.reports = reports;
        this.err = err;
        this.enabled = enabled;
    }

    /** Starts showing the progress of the given sweep; the watcher callback of a launch. */
    void started(long jobExecutionId, long jobInstanceId) {
        if (!enabled) {
            return;
        }
        ticker.scheduleWithFixedDelay(() -> show(jobExecutionId, jobInstanceId), 0, 500, TimeUnit.MILLISECONDS);
    }

    private void show(long jobExecutionId, long jobInstanceId) {
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
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (printed) {
            err.println();
            err.flush();
        }
    }
}
