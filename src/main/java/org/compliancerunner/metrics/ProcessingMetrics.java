package org.compliancerunner.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The processing meters, recorded where the events happen (inspection stages, a video's final status, the triggers
 * written for it). Names follow Micrometer's dotted style; Prometheus sees {@code compliance_videos_processed_total},
 * {@code compliance_video_processing_seconds}, {@code compliance_active_processing_tasks} and
 * {@code compliance_triggers_total}.
 */
@Component
public class ProcessingMetrics {

    /** One inspection's stages, as the {@code stage} tag of the processing time. */
    public enum Stage {
        /** the single decode pass: technical measurements and speech audio together */
        DECODE,
        /** what the speech engine still had to do after the last sample */
        TRANSCRIBE,
        /** the rule pack judging transcript and measurements */
        JUDGE,
        /** the whole inspection of one file */
        TOTAL;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();

    /** Without a registry (the standalone {@code analyze} command) the meters record nothing. */
    @Autowired
    public ProcessingMetrics(ObjectProvider<MeterRegistry> registry) {
        this(registry.getIfAvailable(CompositeMeterRegistry::new));
    }

    public ProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("compliance.active.processing.tasks", active, AtomicInteger::get)
                .description("Videos being inspected right now in this process")
                .register(registry);
        // the series exist from start-up, so dashboards show zero instead of "no data" before the first sweep
        for (String status : List.of("DONE", "FAILED")) {
            processed(status);
        }
        for (Stage stage : Stage.values()) {
            stageTimer(stage);
        }
    }

    /** Videos reached a final status ({@code DONE} or {@code FAILED}); counted once the transaction commits. */
    public void videosFinished(String status, int count) {
        if (count > 0) {
            afterCommit(() -> processed(status).increment(count));
        }
    }

    public void stage(Stage stage, Duration took) {
        stageTimer(stage).record(took);
    }

    /** A trigger written for a video, counted by rule and severity once the transaction commits. */
    public void triggerWritten(String rule, String severity) {
        afterCommit(() -> Counter.builder("compliance.triggers").description("Triggers written, by rule and severity")
                .tag("rule", rule).tag("severity", severity)
                .register(registry).increment());
    }

    /** Counts one inspection as active until the returned handle is closed. */
    public ActiveTask taskStarted() {
        active.incrementAndGet();
        return active::decrementAndGet;
    }

    /** An inspection in progress; closing it ends it, whatever the outcome. */
    @FunctionalInterface
    public interface ActiveTask extends AutoCloseable {
        @Override
        void close();
    }

    // a chunk that rolls back and is replayed must not count its videos twice
    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }

    private Counter processed(String status) {
        return Counter.builder("compliance.videos.processed").description("Videos that reached a final status")
                .tag("status", status).register(registry);
    }

    private Timer stageTimer(Stage stage) {
        return Timer.builder("compliance.video.processing").description("Time spent on one video, per stage")
                .tag("stage", stage.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
    }
}
