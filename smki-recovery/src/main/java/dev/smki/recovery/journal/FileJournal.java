package dev.smki.recovery.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A journal in a file, appended to through a locked {@link FileChannel}, and sealed after each write when given a
 * {@link JournalSealer}.
 */
final class FileJournal extends Journal {

    private static final int HASH_FROM_END = 64 + 3; // a line ends with the 64 hex digits of its hash, then "}\n

    private final Path path;
    private final Durability durability;
    private final JournalSealer sealer;
    private FileChannel channel;
    private long end;
    private long lines;
    private String head = JournalFormat.NO_HASH;

    FileJournal(Path path, Durability durability, JournalSealer sealer) {
        this.path = path;
        this.durability = durability;
        this.sealer = sealer;
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
                throw new JournalInUseException(path, "in use by another process", null);
            }
        } catch (OverlappingFileLockException e) {
            opened.close();
            throw new JournalInUseException(path, "already open in this program", e);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        channel = opened;
        end = channel.size();
        if (created && durability == Durability.FORCED) {
            forceDirectoryOf(path);
        }
        if (sealer != null) {
            try {
                byte[] content = read();
                track(content);
                sealer.open(content, durability);
            } catch (IOException | RuntimeException e) {
                channel.close();
                channel = null;
                throw e;
            }
        }
    }

    /** Takes the intact lines of {@code content} as what the journal holds, for sealing. */
    private void track(byte[] content) {
        JournalVerification verification = JournalVerification.of(content);
        lines = verification.lines();
        head = verification.head();
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
        if (sealer != null) {
            track(read());
        }
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
        if (sealer != null && lines.length > 0) {
            for (byte b : lines) {
                if (b == '\n') {
                    this.lines++;
                }
            }
            head = new String(lines, lines.length - HASH_FROM_END, 64, StandardCharsets.US_ASCII);
            sealer.checkpoint(this.lines, head);
        }
    }

    @Override
    void close() throws IOException {
        if (channel != null) {
            try {
                if (sealer != null) {
                    sealer.close(lines, head);
                }
            } finally {
                channel.close(); // releases the lock
                channel = null;
            }
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
        return "journal " + path + " (" + durability + (sealer == null ? "" : ", sealed") + ")";
    }
}
