package dev.smki.examples.cli;

import dev.smki.core.environment.SmkiEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Reading the command line's input files, with one-line messages a person can act on. Only regular files are read
 * (a FIFO would block, a device such as {@code /dev/zero} never ends), and only up to a size the command can hold.
 */
final class CliFiles {

    /** The most bytes an input file may hold unless a command says otherwise: a quarter of the heap, at most 1 GiB. */
    static final long MAX_INPUT = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);

    /** The most bytes a small text input (settings, policy, environment, key) may hold. */
    static final long MAX_SMALL_INPUT = 1L << 20;

    private CliFiles() {}

    /**
     * Returns the bytes of {@code file}.
     *
     * @throws UserInputException naming the file and the problem when it cannot be read, is not a regular file,
     *     or holds more than {@link #MAX_INPUT} bytes
     */
    static byte[] read(Path file) {
        return read(file, MAX_INPUT);
    }

    /**
     * Returns the bytes of {@code file}, which may hold at most {@code max} bytes.
     *
     * @throws UserInputException naming the file and the problem when it cannot be read, is not a regular file, or
     *     is larger
     */
    static byte[] read(Path file, long max) {
        long size = requireRegular(file, max);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Math.max(size, 0) + (1 << 16)));
            if (bytes.length > max) {
                throw tooLarge(file, bytes.length, max);
            }
            return bytes;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Checks that {@code file} can be read as an input: it exists, is a regular file (following links), and holds
     * at most {@code max} bytes; returns its size.
     *
     * @throws UserInputException naming the file and the problem otherwise
     */
    static long requireRegular(Path file, long max) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (!attributes.isRegularFile()) {
            throw new UserInputException("cannot read " + file + ": " + kind(attributes) + ", not a regular file");
        }
        if (attributes.size() > max) {
            throw tooLarge(file, attributes.size(), max);
        }
        return attributes.size();
    }

    private static UserInputException tooLarge(Path file, long size, long max) {
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
        count.setGroupingUsed(true);
        return new UserInputException("cannot read " + file + ": it holds " + count.format(size)
                + " bytes, more than this command reads (" + count.format(max) + " bytes)");
    }

    /** Returns what a file that is not regular is, in a few words: {@code it is a directory}. */
    static String kind(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "it is a directory";
        }
        if (attributes.isSymbolicLink()) {
            return "it is a symbolic link";
        }
        return "it is a device, FIFO or socket";
    }

    /** Returns what {@code file} is when it is not a regular file (links not followed), or null when it is one. */
    static String notRegular(Path file) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? null : kind(attributes);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Returns the SMKI environment {@code --env} names: a built-in one by name, or a properties file (which must be
     * a small regular file).
     *
     * @throws UserInputException naming --env and the problem otherwise
     */
    static SmkiEnvironment environment(String nameOrFile) {
        if (SmkiEnvironment.named(nameOrFile).isEmpty()) {
            Path file;
            try {
                file = Path.of(nameOrFile);
            } catch (java.nio.file.InvalidPathException e) {
                throw new UserInputException("--env: '" + nameOrFile + "' is neither an environment nor a file", e);
            }
            if (Files.exists(file)) {
                try {
                    requireRegular(file, MAX_SMALL_INPUT);
                } catch (UserInputException e) {
                    throw new UserInputException("--env: " + e.getMessage(), e);
                }
            }
        }
        try {
            return SmkiEnvironment.resolve(nameOrFile);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--env: " + e.getMessage(), e);
        }
    }

    /** Returns the exception to throw when {@code file} cannot be read, naming the file and the problem. */
    static UserInputException unreadable(Path file, IOException e) {
        return new UserInputException("cannot read " + file + ": " + describe(file, e), e);
    }

    /** Describes an I/O failure in a few words: {@code no such file}, {@code permission denied}. */
    static String describe(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
