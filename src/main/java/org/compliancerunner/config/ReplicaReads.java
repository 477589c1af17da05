package org.compliancerunner.config;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which of the API's reads may go to the replica: all of them, except a caller's for {@code read-your-writes} after
 * that caller's last write, so nobody misses their own change while the replica catches up. A read goes to the
 * replica by running in a read-only transaction (see {@link ReplicaRouting}).
 */
public final class ReplicaReads {

    private final Map<String, Long> lastWrites = new ConcurrentHashMap<>();
    private final long window;
    private final TransactionTemplate readOnly;
    private final ReplicaRouting routing;

    ReplicaReads(Duration readYourWrites, PlatformTransactionManager transactions, ReplicaRouting routing) {
        this.window = readYourWrites.toNanos();
        this.routing = routing;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /** The caller has just written: their reads go to the primary for a while. */
    void wrote(String caller) {
        long now = System.nanoTime();
        lastWrites.put(caller, now);
        // forget callers whose window is over, so the map holds only recent writers
        lastWrites.values().removeIf(at -> now - at >= window);
    }

    /** Whether this caller's reads may go to the replica now; a read without a caller always may. */
    boolean mayReadReplica(@Nullable String caller) {
        Long at = caller == null ? null : lastWrites.get(caller);
        return at == null || System.nanoTime() - at >= window;
    }

    /**
     * The read as the current caller's, to be run later on another thread (a progress stream's polls): on the
     * replica, or on the primary while that caller's own writes are recent.
     */
    public <T> Supplier<T> asReplicaRead(Supplier<T> read) {
        String caller = currentCaller();
        return () -> {
            if (!mayReadReplica(caller)) {
                return read.get();
            }
            try {
                return withFallback(() -> readOnly.execute(status -> read.get()));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * Runs a read and, when it lost its replica connection (the replica went away after the pool last checked that
     * connection), marks the replica down and runs it once more, now on the primary. Reads are safe to repeat.
     */
    <T> T withFallback(Attempt<T> read) throws Throwable {
        ReplicaReadSource source = routing.reads();
        source.servedThisThread();
        try {
            return read.run();
        } catch (Throwable failure) {
            if (!source.servedThisThread() || !lostConnection(failure)) {
                throw failure;
            }
            source.down(failure instanceof Exception e ? e : new IllegalStateException(failure));
            return read.run();
        } finally {
            source.servedThisThread();
        }
    }

    /** SQL state class 08 (connection exception) or 57P (the server shut down or crashed) anywhere in the chain. */
    private static boolean lostConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** A read that may be run twice. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws Throwable;
    }

    /** The signed-in caller of this thread's request, or null. */
    static @Nullable String currentCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }
}
