package org.compliancerunner.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.core.NestedExceptionUtils;

/**
 * Makes the embedded server's binaries ({@code pg}) and data directory ({@code pgdata}) under COMPLIANCE_HOME all or
 * nothing: the first start unpacks and initialises them in {@code *.partial-PID} directories, runs the server once,
 * and only then renames them into place. A failed first start (a full disk, say) removes what it made, so the next
 * start begins afresh instead of taking half-written binaries or a half-initialised cluster as ready.
 */
final class EmbeddedFirstStart {

    /** Starts a server on these binaries and data directories, and stops it when closed. */
    interface Server {
        AutoCloseable start(Path binaries, Path data) throws IOException;
    }

    // what the binaries and a new cluster take, with room for the first migrations
    static final long NEEDED_BYTES = 150L * 1024 * 1024;
    // a partial directory this old belongs to no first start still running
    private static final Duration ABANDONED = Duration.ofMinutes(10);

    private EmbeddedFirstStart() {
    }

    /** Ensures {@code home/pg} and {@code home/pgdata} are complete, making them if need be. */
    static void prepare(Path home, Server server) {
        Path binaries = home.resolve("pg");
        Path data = home.resolve("pgdata");
        try {
            Files.createDirectories(home);
            removeAbandonedPartials(home);
            if (Files.isDirectory(data)) {
                return;
            }
            String suffix = ".partial-" + ProcessHandle.current().pid();
            Path partialBinaries = Files.isDirectory(binaries) ? binaries : home.resolve("pg" + suffix);
            Path partialData = home.resolve("pgdata" + suffix);
            try {
                server.start(partialBinaries, partialData).close();
                moveIntoPlace(partialData, data);
                if (!partialBinaries.equals(binaries)) {
                    moveIntoPlace(partialBinaries, binaries);
                }
            } finally {
                deleteTree(partialData);
                if (!partialBinaries.equals(binaries)) {
                    deleteTree(partialBinaries);
                }
            }
        } catch (Exception e) {
            throw new EmbeddedDatabaseException(why(home, e), e);
        }
    }

    /** The cause of a failed start in words an operator can act on. */
    static String why(Path home, Throwable failure) {
        String where = "the embedded PostgreSQL could not start under " + home;
        try {
            if (Files.isDirectory(home) && !Files.isWritable(home)) {
                return where + ": the directory is not writable (permission denied); set COMPLIANCE_HOME to a "
                        + "directory you may write, or SPRING_DATASOURCE_URL to use a server";
            }
            FileStore store = Files.getFileStore(Files.isDirectory(home) ? home : home.getParent());
            if (store.getUsableSpace() < NEEDED_BYTES || mentions(failure, "No space left")) {
                return where + ": no space left on the device (" + store.getUsableSpace() / (1024 * 1024)
                        + " MB free, about " + NEEDED_BYTES / (1024 * 1024) + " MB needed); free some space or set "
                        + "COMPLIANCE_HOME to another disk — nothing half-made was kept";
            }
        } catch (IOException | RuntimeException ignored) {
            // fall back to the failure's own words
        }
        return where + ": " + rootMessage(failure) + "; set SPRING_DATASOURCE_URL to use a server instead";
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            // another process's first start finished first: its copy is as good as ours
        }
    }

    private static void removeAbandonedPartials(Path home) throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED));
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(home, "{pg,pgdata}.partial-*")) {
            for (Path partial : partials) {
                if (Files.getLastModifiedTime(partial).compareTo(cutoff) < 0) {
                    deleteTree(partial);
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // what is left is removed as abandoned by a later start
        }
    }

    private static boolean mentions(Throwable failure, String words) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(words)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
