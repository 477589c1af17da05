package org.compliancerunner.sweep;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * The threads that run jobs launched over HTTP. Bounded, so a burst of launches is refused rather than piling up
 * threads; daemon threads, so a process being stopped does not wait for a sweep (a restart takes it over). Not
 * Boot's task executor, whose threads are not daemons and which others share.
 */
@Component
class BackgroundJobs implements Executor {

    private final ThreadPoolExecutor executor;

    BackgroundJobs() {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(16), runnable -> {
            Thread thread = new Thread(runnable, "api-job-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable command) {
        executor.execute(command);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
