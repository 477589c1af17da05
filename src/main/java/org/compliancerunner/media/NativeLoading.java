package org.compliancerunner.media;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import org.slf4j.LoggerFactory;

/**
 * Native libraries and models that load on threads of their own while a command starts. A process that exits while
 * one of them is still inside native code dies with SIGSEGV (exit status 134, not the command's own): ONNX Runtime's
 * shutdown hook releases its environment, and the JVM's exit runs the libraries' static destructors, under the
 * loading thread's feet. So {@link #exit} waits for them first, a bounded time; a shutdown hook of ours would run
 * beside ONNX Runtime's, not before it.
 */
public final class NativeLoading {

    /** Loading takes well under a second; a load that hangs must not hang the exit with it. */
    static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private static final Set<Thread> loading = ConcurrentHashMap.newKeySet();

    /** Loads a library or a model. */
    @FunctionalInterface
    public interface Load {
        void run() throws Exception;
    }

    private NativeLoading() {
    }

    /**
     * Runs {@code load} on a daemon thread named {@code name}; whatever it throws only ends the head start, since the
     * first real use loads again and reports what is wrong.
     */
    public static void start(String name, Load load) {
        // SLF4J starts here first: a logger made on the loading thread while it started would have its calls
        // replayed, with a warning on stderr
        LoggerFactory.getILoggerFactory();
        Thread thread = new Thread(() -> {
            try {
                load.run();
            } catch (Exception | LinkageError e) {
                // only a head start
            } finally {
                loading.remove(Thread.currentThread());
            }
        }, name);
        thread.setDaemon(true);
        loading.add(thread);
        thread.start();
    }

    /**
     * Runs {@code command} and ends the process with the status it returns, once every load started so far has ended;
     * when it throws, the exception goes on after the wait.
     */
    public static void exit(IntSupplier command) {
        int status;
        try {
            status = command.getAsInt();
        } finally {
            awaitAll(EXIT_WAIT);
        }
        System.exit(status);
    }

    /** Waits until every load started so far has ended, or {@code limit} has passed. */
    static void awaitAll(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread thread : loading) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                thread.join(Duration.ofNanos(left).toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
