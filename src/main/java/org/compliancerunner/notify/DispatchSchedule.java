package org.compliancerunner.notify;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

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
    private ScheduledFuture<?> rounds;

    DispatchSchedule(OutboxDispatcher dispatcher, Duration interval, TaskScheduler scheduler) {
        this.dispatcher = dispatcher;
        this.interval = interval;
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void start() {
        rounds = scheduler.scheduleWithFixedDelay(this::round, interval);
    }

    private void round() {
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
    public synchronized void stop() {
        if (rounds != null) {
            rounds.cancel(false); // a round under way finishes; its claims are its own transaction's
            rounds = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return rounds != null;
    }
}
