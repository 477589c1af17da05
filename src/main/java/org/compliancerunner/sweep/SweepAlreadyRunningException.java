package org.compliancerunner.sweep;

/**
 * A new sweep was not started because another one is live, or (for a schedule tick) has already been started for
 * the tick; not an error for a scheduled or CronJob run.
 */
public class SweepAlreadyRunningException extends SweepLaunchException {

    private final long runningExecutionId;
    private final boolean live;

    private SweepAlreadyRunningException(long executionId, boolean live, String message) {
        super(message);
        this.runningExecutionId = executionId;
        this.live = live;
    }

    static SweepAlreadyRunningException live(long executionId, String holder) {
        return new SweepAlreadyRunningException(executionId, true, "Sweep execution " + executionId
                + " is already running (" + holder + "); this sweep was not started. Videos ingested since are "
                + "taken by the next sweep.");
    }

    static SweepAlreadyRunningException sweptForTick(long executionId) {
        return new SweepAlreadyRunningException(executionId, false, "Sweep execution " + executionId
                + " was already started for this scheduled run; this sweep was not started.");
    }

    public long runningExecutionId() {
        return runningExecutionId;
    }

    /** True when the other sweep is still running, false when it was only started for the same schedule tick. */
    public boolean live() {
        return live;
    }
}
