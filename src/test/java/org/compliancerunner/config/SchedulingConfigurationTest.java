package org.compliancerunner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

class SchedulingConfigurationTest {

    @Test
    void periodicWorkGoesOnWhileTheContextCloses() {
        Draining draining = new Draining();

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
                .withUserConfiguration(SchedulingConfiguration.class)
                .withBean(Draining.class, () -> draining)
                .run(context -> context.getBean(TaskScheduler.class)
                        .scheduleWithFixedDelay(draining.beats::incrementAndGet, Duration.ofMillis(20)));

        // as a lease's heartbeat must while a worker hands its partition back
        assertThat(draining.beatsWhileStopping).as("beats while a component stops on close").isGreaterThan(2);
    }

    /** Stops as a draining worker does: slowly, counting the beats that happen meanwhile. */
    static final class Draining implements SmartLifecycle {

        final AtomicInteger beats = new AtomicInteger();
        volatile int beatsWhileStopping = -1;
        private volatile boolean running;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            int before = beats.get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (beats.get() - before <= 2 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(20_000_000L);
            }
            beatsWhileStopping = beats.get() - before;
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
