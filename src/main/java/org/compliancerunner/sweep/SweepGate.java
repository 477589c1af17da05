package org.compliancerunner.sweep;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.stereotype.Component;

/**
 * Lets one sweep launch at a time across all processes and replicas: the launcher holds a database lock from its
 * check that no other sweep is live until its own execution is recorded as running, so two overlapping launches
 * (two CronJob runs, two serve replicas at the same tick) cannot both pass the check.
 */
@Component
class SweepGate implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(SweepGate.class);
    private static final String KEY = "sweep-launch";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final JdbcLockRegistry locks;
    private final ThreadLocal<Lock> held = new ThreadLocal<>();

    SweepGate(JdbcLockRegistry locks) {
        this.locks = locks;
    }

    /** Takes the launch lock for this thread; it is let go once the sweep's execution is running, or by {@link #leave()}. */
    void enter() throws SweepLaunchException {
        Lock lock = locks.obtain(KEY);
        try {
            if (!lock.tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SweepLaunchException("Another sweep has been launching for " + WAIT.toSeconds()
                        + " s and holds the launch lock; try again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SweepLaunchException("Interrupted while waiting for the sweep launch lock", e);
        }
        held.set(lock);
    }

    /** Lets the lock go if this thread still holds it; harmless otherwise. */
    void leave() {
        Lock lock = held.get();
        if (lock != null) {
            held.remove();
            try {
                lock.unlock();
            } catch (RuntimeException e) {
                // the lock expired in the store (a launch that outlived its time to live): nothing left to let go
                log.warn("The sweep launch lock was already released: {}", e.getMessage());
            }
        }
    }

    @Override
    public void beforeJob(JobExecution execution) {
        leave(); // the execution is now recorded as running: later launchers see it
    }
}
