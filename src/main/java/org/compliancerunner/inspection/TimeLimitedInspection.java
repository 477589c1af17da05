package org.compliancerunner.inspection;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.compliancerunner.media.MediaException;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.policy.RulePack;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Checks one file within its time budget ({@link VideoTimeout}). The inspection runs on a thread of its own while the
 * caller waits: when the budget runs out, or the work is asked to stop, the inspection is interrupted and stops at its
 * next safe point (a decoded frame, an audio window, a rule, a segment). One that does not stop within the grace
 * period is abandoned on its daemon thread, so a decoder or engine that never returns cannot hold up the partition
 * or keep the process alive.
 */
@Component
public class TimeLimitedInspection {

    private static final Logger log = LoggerFactory.getLogger(TimeLimitedInspection.class);
    /** How often a waiting caller asks whether its work should stop. */
    private static final long STOP_POLL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final VideoInspection inspection;
    private final MediaProbe probe;
    private final VideoTimeout timeout;

    public TimeLimitedInspection(VideoInspection inspection, MediaProbe probe, VideoTimeout timeout) {
        this.inspection = inspection;
        this.probe = probe;
        this.timeout = timeout;
    }

    /** Starts loading what an inspection will wait for (the speech model), for a caller with other work to do first. */
    public void prepare() {
        inspection.prepare();
    }

    /** As {@link #inspect(Path, Long, RulePack, StopSignal)} for work that is never asked to stop ({@code analyze}). */
    public Inspection inspect(Path file, @Nullable Long knownDurationMs, RulePack pack) {
        return inspect(file, knownDurationMs, pack, StopSignal.NEVER);
    }

    /**
     * @return the inspection, or a failed one "timed out after …" when the budget ran out
     * @throws InspectionStoppedException when {@code stop} was requested first
     */
    public Inspection inspect(Path file, @Nullable Long knownDurationMs, RulePack pack, StopSignal stop) {
        inspection.prepare();
        Duration budget = timeout.budgetFor(knownDurationMs != null ? knownDurationMs : probedDurationMs(file));
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        FutureTask<Inspection> task = new FutureTask<>(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext); // the video's log lines keep their job and video ids
            }
            return inspection.inspect(file, knownDurationMs, pack);
        });
        Thread thread = new Thread(task, "inspect-" + Thread.currentThread().getName());
        thread.setDaemon(true); // an inspection that never returns must not keep the process alive
        thread.start();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    giveUp(task, thread, file, "ran out of its time budget");
                    String reason = "timed out after " + describe(budget) + " (compliance.sweep.video-timeout: "
                            + describe(timeout) + ")";
                    return new Inspection(file, null, null, null, List.of(), reason, (System.nanoTime() - started) / 1_000_000, null);
                }
                try {
                    return task.get(Math.min(left, STOP_POLL_NANOS), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (stop.requested()) {
                        giveUp(task, thread, file, "was asked to stop");
                        throw new InspectionStoppedException("checking " + file.getFileName() + " was stopped");
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // the caller itself is being stopped (a worker shutting down): the inspection goes with it
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new InspectionStoppedException("checking " + file.getFileName() + " was interrupted");
        }
    }

    // analyze has no duration from ingest; without one a long file would get only the minimum
    private @Nullable Long probedDurationMs(Path file) {
        try {
            return probe.probe(file).durationMs();
        } catch (MediaException | RuntimeException e) {
            return null; // the inspection meets the same problem and says what it is
        }
    }

    private void giveUp(FutureTask<Inspection> task, Thread thread, Path file, String why) {
        task.cancel(true);
        try {
            if (timeout.grace().toMillis() > 0) {
                thread.join(timeout.grace().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Checking {} {} and did not stop within {}; its thread {} is left to end on its own", file, why,
                    describe(timeout.grace()), thread.getName());
        } else {
            log.info("Checking {} {}; it stopped at a safe point", file, why);
        }
    }

    private static String describe(VideoTimeout timeout) {
        return timeout.factor() > 0 ? BigDecimal.valueOf(timeout.factor()).stripTrailingZeros().toPlainString() + "× the duration, at least " + describe(timeout.minimum())
                : describe(timeout.minimum()) + " per video";
    }

    /** "45 s", "2 min", "1 h 5 min 30 s". */
    static String describe(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 500) / 1000);
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append(" h ");
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append(" min ");
        }
        if (seconds % 60 > 0 || text.length() == 0) {
            text.append(seconds % 60).append(" s");
        }
        return text.toString().trim();
    }
}
