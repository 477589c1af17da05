package org.compliancerunner.web;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.compliancerunner.config.ReplicaReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events that report progress read from the database, so they work whichever process does the work.
 * One scheduler thread serves every stream: it asks each stream's source, sends what changed, and ends the stream after
 * its last event. Open streams are capped, so a crowd of watchers cannot exhaust threads or connections.
 */
@Component
public class ProgressStreams {

    private static final Logger log = LoggerFactory.getLogger(ProgressStreams.class);

    private final ApiProperties.Progress settings;
    private final Map<SseEmitter, Stream> streams = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    private final ReplicaReads replica;

    ProgressStreams(ApiProperties properties, ObjectProvider<ReplicaReads> replica) {
        this.settings = properties.progress();
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
        ensureScheduler();
        // the first event at once, so a watcher sees where things stand without waiting for the next round
        scheduler.execute(() -> poll(emitter, stream));
        return emitter;
    }

    int open() {
        return streams.size();
    }

    private synchronized void ensureScheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "progress-streams");
                thread.setDaemon(true);
                return thread;
            });
            long millis = settings.interval().toMillis();
            scheduler.scheduleWithFixedDelay(this::pollAll, millis, millis, TimeUnit.MILLISECONDS);
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
    void stop() {
        streams.keySet().forEach(SseEmitter::complete);
        if (scheduler != null) {
            scheduler.shutdownNow();
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
