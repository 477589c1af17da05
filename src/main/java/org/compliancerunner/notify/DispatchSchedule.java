package org.compliancerunner.notify;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/** Runs a dispatch round every {@code compliance.notify.dispatch-interval} in long-running roles, on Boot's scheduler. */
final class DispatchSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

    private final OutboxDispatcher dispatcher;
    private final Duration interval;
    private final TaskScheduler scheduler;
    private @Nullable ScheduledFuture<?> rounds;
    // held by a round while it runs, so that stop() returns only once no round is under way
    private final Object roundLock = new Object();
    private boolean stopped;

    DispatchSchedule(OutboxDispatcher dispatcher, Duration interval, TaskScheduler scheduler) {
        this.dispatcher = dispatcher;
        this.interval = interval;
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void start() {
        synchronized (roundLock) {
            stopped = false;
        }
        rounds = scheduler.scheduleWithFixedDelay(this::round, interval);
    }

    private void round() {
        synchronized (roundLock) {
            if (!stopped) {
                dispatchDue();
            }
        }
    }

    private void dispatchDue() {
        try {
            DispatchRound round = dispatcher.dispatchDue();
            if (round.attempts() > 0) {
                log.info("Notifications: {} delivered, {} retrying, {} failed", round.delivered(), round.retrying(),
                        round.failed());
            }
        } catch (RuntimeException e) {
            // a failed round (database away) must not end the schedule; the next round retries the same rows
            log.warn("Notification dispatch round failed, retrying in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void stop() {
        synchronized (this) {
            if (rounds != null) {
                rounds.cancel(false);
                rounds = null;
            }
        }
        synchronized (roundLock) {
            stopped = true; // a round under way has finished; one that was about to start does nothing
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return rounds != null;
    }
}
