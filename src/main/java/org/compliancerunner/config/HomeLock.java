package org.compliancerunner.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock every process holds while it starts, attaches to or stops the embedded server of one home: a second
 * command started while the first is still starting the server waits here, then finds it running and connects,
 * instead of starting another server on the same data directory. Released when closed, or when the process dies.
 */
final class HomeLock implements AutoCloseable {

    static final String FILE = "database.lock";
    // a file lock belongs to the whole JVM: threads of one process (tests) take turns here first
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    /** Held on the lock file's channel, which closes with it. */
    private final FileLock lock;

    private HomeLock(FileLock lock) {
        this.lock = lock;
    }

    /** Waits until no other process starts or stops this home's server, and holds that until closed. */
    static HomeLock acquire(Path home) throws IOException {
        IN_PROCESS.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(home.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new HomeLock(channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            IN_PROCESS.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            lock.channel().close();
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
