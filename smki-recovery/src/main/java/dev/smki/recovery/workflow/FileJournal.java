package dev.smki.recovery.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** A journal in a file, appended to through a locked {@link FileChannel}. */
final class FileJournal extends Journal {

    private final Path path;
    private final Durability durability;
    private FileChannel channel;
    private long end;

    FileJournal(Path path, Durability durability) {
        this.path = path;
        this.durability = durability;
    }

    @Override
    public byte[] contents() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the journal " + path, e);
        }
    }

    @Override
    void open() throws IOException {
        boolean created = Files.notExists(path);
        FileChannel opened =
                FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = opened.tryLock();
            if (lock == null) {
                throw new IllegalStateException("The journal " + path + " is in use by another process");
            }
        } catch (OverlappingFileLockException e) {
            opened.close();
            throw new IllegalStateException("The journal " + path + " is already open in this program", e);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        channel = opened;
        end = channel.size();
        if (created && durability == Durability.FORCED) {
            forceDirectoryOf(path);
        }
    }

    @Override
    byte[] read() throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("The journal " + path + " is too large to read (" + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        long position = 0;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    @Override
    void truncate(long length) throws IOException {
        channel.truncate(length);
        if (durability == Durability.FORCED) {
            channel.force(true);
        }
        end = length;
    }

    @Override
    void append(byte[] lines) throws IOException {
        if (channel == null) {
            throw new ClosedChannelException();
        }
        ByteBuffer buffer = ByteBuffer.wrap(lines);
        while (buffer.hasRemaining()) {
            channel.write(buffer, end + buffer.position());
        }
        end += lines.length;
        if (durability == Durability.FORCED) {
            channel.force(false);
        }
    }

    @Override
    void close() throws IOException {
        if (channel != null) {
            channel.close(); // releases the lock
            channel = null;
        }
    }

    /** Makes a new file's directory entry durable too; a no-op where directories cannot be opened. */
    private static void forceDirectoryOf(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null) {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open or force a directory; the file's own force still holds its content.
        }
    }

    @Override
    public String toString() {
        return "journal " + path + " (" + durability + ")";
    }
}
