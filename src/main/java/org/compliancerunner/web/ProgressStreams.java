package org.compliancerunner.web;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.compliancerunner.config.ReplicaReads;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events that report progress read from the database, so they work whichever process does the work.
 * One task on Boot's scheduler serves every stream: it asks each stream's source, sends what changed, and ends the
 * stream after its last event. Open streams are capped, so a crowd of watchers cannot exhaust threads or connections.
 */
@Component
public class ProgressStreams {

    private static final Logger log = LoggerFactory.getLogger(ProgressStreams.class);

    private final ApiProperties.Progress settings;
    private final TaskScheduler scheduler;
    private final Map<SseEmitter, Stream> streams = new ConcurrentHashMap<>();
    private @Nullable ScheduledFuture<?> rounds;

    private final @Nullable ReplicaReads replica;

    ProgressStreams(ApiProperties properties, TaskScheduler scheduler, ObjectProvider<ReplicaReads> replica) {
        this.settings = properties.progress();
        this.scheduler = scheduler;
        this.replica = replica.getIfAvailable();
    }

    /** A stream of the source's progress until it reports itself finished. */
    public SseEmitter open(Supplier<Progress> source) {
        if (streams.size() >= settings.maxStreams()) {
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", "already " + streams.size()
                    + " progress streams open (compliance.api.progress.max-streams); try again later");
        }
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        // polled on the scheduler's thread: from the replica, as the request that opened it would have read
        Stream stream = new Stream(replica == null ? source : replica.asReplicaRead(source));
        streams.put(emitter, stream);
        emitter.onCompletion(() -> streams.remove(emitter));
        emitter.onTimeout(() -> streams.remove(emitter));
        emitter.onError(e -> streams.remove(emitter));
        ensureRounds();
        // the first event at once, so a watcher sees where things stand without waiting for the next round
        scheduler.schedule(() -> poll(emitter, stream), Instant.now());
        return emitter;
    }

    int open() {
        return streams.size();
    }

    // the rounds start with the first stream: roles that never serve one never poll
    private synchronized void ensureRounds() {
        if (rounds == null) {
            rounds = scheduler.scheduleWithFixedDelay(this::pollAll, Instant.now().plus(settings.interval()),
                    settings.interval());
        }
    }

    private void pollAll() {
        streams.forEach(this::poll);
    }

    private void poll(SseEmitter emitter, Stream stream) {
        if (!streams.containsKey(emitter)) {
            return;
        }
        try {
            Progress now = stream.source().get();
            synchronized (stream) {
                if (stream.finished) {
                    return;
                }
                if (!Objects.equals(now, stream.last)) {
                    emitter.send(SseEmitter.event().name("progress").data(now));
                    stream.last = now;
                }
                if (now.finished()) {
                    stream.finished = true;
                    streams.remove(emitter);
                    emitter.complete();
                }
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away
            streams.remove(emitter);
        } catch (RuntimeException e) {
            log.warn("A progress stream failed and is closed: {}", e.toString());
            streams.remove(emitter);
            emitter.completeWithError(e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        streams.keySet().forEach(SseEmitter::complete);
        if (rounds != null) {
            rounds.cancel(true);
        }
    }

    private static final class Stream {
        private final Supplier<Progress> source;
        private Progress last;
        private boolean finished;

        Stream(Supplier<Progress> source) {
            this.source = source;
        }

        Supplier<Progress> source() {
            return source;
        }
    }
}
