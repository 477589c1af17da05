package org.compliancerunner.notify;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Runs a dispatch round every {@code compliance.notify.dispatch-interval} in long-running roles. */
final class DispatchSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

    private final OutboxDispatcher dispatcher;
    private final Duration interval;
    private @Nullable ThreadPoolTaskScheduler scheduler;

    DispatchSchedule(OutboxDispatcher dispatcher, Duration interval) {
        this.dispatcher = dispatcher;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("notify-dispatch-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::round, interval);
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
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
