package org.compliancerunner.media;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * One analysis thread of a decode pass. The decoder fills a buffer from a small pool, hands it over and goes on
 * decoding while this thread gives it to its listeners and puts it back in the pool. The pool is the bound: the
 * decoder waits while every buffer is still being analysed, so memory does not grow with the file however slow the
 * listeners are, and the listeners only ever see a buffer the decoder no longer writes to.
 */
final class AnalysisLane<T> {

    /** What the lane does with each filled buffer, on its own thread. */
    @FunctionalInterface
    interface Work<T> {
        void accept(T buffer) throws Exception;
    }

    /** What the lane does after the last buffer, on its own thread. */
    @FunctionalInterface
    interface Ending {
        void run() throws Exception;
    }

    private static final Object COMPLETE = new Object();
    private static final Object BROKEN = new Object();

    private final int buffers;
    private final Supplier<T> allocate;
    private final Work<T> work;
    private final Ending atEnd;
    private final BlockingQueue<Object> handedOver;
    private final BlockingQueue<T> free;
    private final Thread thread;
    private int allocated;
    private volatile @Nullable Exception failure;
    private volatile @Nullable Error fatal;
    private volatile boolean abandoned;
    private boolean ended;

    /**
     * @param buffers  how many buffers may be filled or waiting at once
     * @param allocate makes an empty buffer, when the pool needs one more
     * @param atEnd    runs on the lane's thread after the last buffer, when the pass decoded the whole file
     */
    AnalysisLane(String name, int buffers, Supplier<T> allocate, Work<T> work, Ending atEnd) {
        this.buffers = buffers;
        this.allocate = allocate;
        this.work = work;
        this.atEnd = atEnd;
        this.handedOver = new ArrayBlockingQueue<>(buffers + 1);
        this.free = new ArrayBlockingQueue<>(buffers);
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        this.thread = new Thread(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext); // what a listener logs keeps its job and video ids
            }
            run();
        }, name);
        thread.setDaemon(true); // a listener that never returns must not keep the process alive
        thread.start();
    }

    /** A buffer to fill, waiting while all of them are being analysed. */
    T buffer() throws InterruptedException {
        T buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        if (allocated < buffers) {
            allocated++;
            return allocate.get();
        }
        return free.take();
    }

    /** Hands a filled buffer over; the caller must not touch it any more. */
    void submit(T buffer) throws InterruptedException {
        handedOver.put(buffer);
    }

    /** Whether a listener failed; the lane then only recycles buffers, so the decoder is never left waiting. */
    boolean failed() {
        return failure != null || fatal != null;
    }

    /** The listener's exception, or null; an {@link Error} is thrown as it is. */
    @Nullable Exception failure() {
        Error error = fatal;
        if (error != null) {
            throw error;
        }
        return failure;
    }

    /**
     * Waits until every buffer handed over was analysed, then runs the end work when the file was decoded whole.
     * After this the listeners' state is safe to read on the calling thread.
     */
    void finish(boolean whole) throws InterruptedException {
        if (!ended) {
            ended = true;
            handedOver.put(whole ? COMPLETE : BROKEN);
            thread.join();
        }
    }

    /** Stops without analysing what is still queued, e.g. when the pass is interrupted; waits for the thread. */
    void abandon() {
        if (ended) {
            return;
        }
        ended = true;
        abandoned = true;
        handedOver.offer(BROKEN); // there is always room for it: only `buffers` buffers exist
        thread.interrupt(); // and a listener waiting on something learns of it too
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private void run() {
        try {
            while (true) {
                Object item = handedOver.take();
                if (item == COMPLETE || item == BROKEN) {
                    if (item == COMPLETE && !failed()) {
                        safely(atEnd);
                    }
                    return;
                }
                T buffer = (T) item;
                if (!failed() && !abandoned) {
                    safely(() -> work.accept(buffer));
                }
                free.add(buffer);
            }
        } catch (InterruptedException e) {
            // abandoned: the pass was interrupted and nobody reads what this lane would still have measured
        }
    }

    private void safely(Ending step) {
        try {
            step.run();
        } catch (Exception e) {
            failure = e;
        } catch (Error e) {
            fatal = e;
        }
    }
}
