package dev.smki.core.issuance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * An exclusive hold on a directory, for a command that changes it: a lock file in the directory is locked against
 * other processes, and the directory against other threads of this JVM. Re-entrant: a thread that holds it may take
 * it again. Close it to release it. {@link TestPkiDirectory#lock} takes the lock of a test PKI directory.
 */
public final class DirectoryLock implements AutoCloseable {

    private static final long POLL_MILLIS = 20;

    private static final Map<Path, Hold> HOLDS = new ConcurrentHashMap<>();

    private final Path key;
    private final Hold hold;
    private boolean closed;

    private DirectoryLock(Path key, Hold hold) {
        this.key = key;
        this.hold = hold;
    }

    /** What is done, with the lock held, by the first hold of a directory: repairing what a crash left. */
    @FunctionalInterface
    interface FirstHold {
        void run(Path dir) throws IOException;
    }

    /** The process-wide state of one locked directory: the thread lock, the file lock, and how often it is held. */
    private static final class Hold {
        final ReentrantLock threads = new ReentrantLock();

        @Nullable
        FileChannel channel;

        int depth;
    }

    /**
     * Takes the lock of {@code dir} through its file {@code lockFile}, waiting up to {@code wait}; the first hold (not
     * a re-entrant one) runs {@code firstHold} on the directory's real path before returning.
     *
     * @throws IllegalStateException when the lock is still held by another after {@code wait}
     * @throws UncheckedIOException when the lock file cannot be created or locked, or {@code firstHold} fails
     */
    static DirectoryLock take(Path dir, String lockFile, Duration wait, FirstHold firstHold) {
        Objects.requireNonNull(dir, "dir");
        Path key;
        try {
            key = dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + dir, e);
        }
        Hold hold = HOLDS.computeIfAbsent(key, k -> new Hold());
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (!hold.threads.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw inUse(dir, lockFile, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the lock of " + dir, e);
        }
        try {
            if (hold.depth == 0) {
                hold.channel = lockFile(dir, key.resolve(lockFile), lockFile, wait, deadline);
                firstHold.run(key);
            }
            hold.depth++;
            return new DirectoryLock(key, hold);
        } catch (IOException e) {
            closeFileLock(hold);
            hold.threads.unlock();
            throw new UncheckedIOException("Cannot lock " + dir, e);
        } catch (RuntimeException | Error e) {
            if (hold.depth == 0) {
                closeFileLock(hold);
            }
            hold.threads.unlock();
            throw e;
        }
    }

    /** Releases the lock (once the outermost hold of this thread is closed). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        hold.depth--;
        if (hold.depth == 0) {
            closeFileLock(hold);
        }
        hold.threads.unlock();
    }

    private static FileChannel lockFile(Path dir, Path file, String name, Duration wait, long deadline)
            throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return channel;
                }
                if (System.nanoTime() > deadline) {
                    throw inUse(dir, name, wait);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the lock of " + dir, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static IllegalStateException inUse(Path dir, String lockFile, Duration wait) {
        return new IllegalStateException(dir + " is in use: another command has held its lock (" + lockFile
                + ") for more than " + wait.toSeconds() + " s");
    }

    private static void closeFileLock(Hold hold) {
        FileChannel channel = hold.channel;
        if (channel != null) {
            try {
                channel.close(); // releases the file lock
            } catch (IOException e) {
                // Closing releases the lock even when it reports a failure.
            }
            hold.channel = null;
        }
    }

    @Override
    public String toString() {
        return "DirectoryLock[" + key + (closed ? ", released]" : "]");
    }
}
