package dev.smki.recovery.journal;

import java.util.Arrays;

/** A journal kept in a byte array; nothing is forced anywhere. */
final class MemoryJournal extends Journal {

    private byte[] bytes;
    private int size;

    MemoryJournal(byte[] content) {
        this.bytes = content;
        this.size = content.length;
    }

    @Override
    public synchronized byte[] contents() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    void open() {}

    @Override
    synchronized byte[] read() {
        return contents();
    }

    @Override
    synchronized void truncate(long length) {
        if (length < 0 || length > size) {
            throw new IllegalArgumentException("Cannot cut a journal of " + size + " bytes to " + length);
        }
        size = (int) length;
    }

    @Override
    synchronized void append(byte[] lines) {
        if (bytes.length - size < lines.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + lines.length));
        }
        System.arraycopy(lines, 0, bytes, size, lines.length);
        size += lines.length;
    }

    @Override
    void close() {}

    @Override
    public synchronized String toString() {
        return "in-memory journal (" + size + " bytes)";
    }
}
