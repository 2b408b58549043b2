package dev.smki.core.revocation;

import dev.smki.core.internal.files.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a text file whole or not at all, durably: to a temporary file next to it, forced to the device, then
 * renamed over it, and the directory forced ({@link DurableFiles#replace}).
 */
final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Writes {@code text} as UTF-8 to {@code file}, creating parent directories.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    static void write(Path file, String text) {
        try {
            DurableFiles.replace(file, text.getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
