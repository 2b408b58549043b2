package dev.smki.core.internal.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * Writes files so that a crash at any moment leaves each one whole (old or new content), never half-written, and
 * a completed write survives a power cut: data is forced to the device before it is renamed into place, and the
 * directory is forced after a rename, a creation or a deletion.
 *
 * <p>Every primitive step (write, force, rename, delete) first calls the {@linkplain #hook hook}, so that tests can
 * stop a write at any step and check what a crash there would leave. A hook that throws an {@link Error} models a
 * crash: nothing is cleaned up after it, as after a killed process. Files holding secrets are created with their
 * permissions already set ({@link #PRIVATE}), so they are never readable by others, not even for a moment.
 */
public final class DurableFiles {

    /** Owner read and write only, for files holding private keys. */
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    /** Owner read, write and search only, for directories holding private keys. */
    public static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** The infix of the temporary files {@link #replace} writes before renaming them into place. */
    public static final String TEMPORARY_INFIX = ".smki-tmp-";

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A primitive step of writing files, as the hook sees it. */
    public enum Step {
        /** Creating a file or directory. */
        CREATE,
        /** Writing bytes; a write is made in two halves, each announced, so a crash may tear it. */
        WRITE,
        /** Forcing a file's content to the device. */
        FORCE,
        /** Renaming a file or directory into place. */
        RENAME,
        /** Deleting a file or an empty directory. */
        DELETE,
        /** Forcing a directory's entries to the device. */
        FORCE_DIRECTORY
    }

    /** Called before every primitive step; for tests that stop a write part-way. */
    @FunctionalInterface
    public interface Hook {
        /**
         * Called before {@code step} on {@code path}.
         *
         * @throws IOException to make the step fail as the file system would
         */
        void before(Step step, Path path) throws IOException;

        /**
         * Returns whether forces ({@link Step#FORCE}, {@link Step#FORCE_DIRECTORY}) reach the device, after the hook
         * was called for them. A test that models a killed process (whose writes the operating system keeps) may
         * answer false to run faster; the steps are announced all the same.
         */
        default boolean forces() {
            return true;
        }
    }

    private static final Hook NONE = (step, path) -> {};
    private static volatile Hook hook = NONE;

    private DurableFiles() {}

    /**
     * Sets the hook called before every primitive step, or removes it ({@code null}). For tests: the hook is
     * global to the JVM.
     */
    public static void hook(Hook newHook) {
        hook = newHook == null ? NONE : newHook;
    }

    private static void before(Step step, Path path) throws IOException {
        hook.before(step, path);
    }

    /**
     * Replaces {@code file} with {@code data} whole or not at all: writes a temporary file beside it (created with
     * {@code permissions}, or the default ones when null), forces it, renames it over {@code file} and forces the
     * directory. Creates missing parent directories durably.
     *
     * @throws IOException when a step fails; the temporary file is then removed and {@code file} is unchanged
     */
    public static void replace(Path file, byte[] data, Set<PosixFilePermission> permissions) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(data, "data");
        Path parent = parentOf(file);
        createDirectories(parent, null);
        Path temporary = parent.resolve(
                "." + file.getFileName() + TEMPORARY_INFIX + HexFormat.of().toHexDigits(RANDOM.nextLong()));
        try {
            try (FileChannel channel = create(temporary, permissions, StandardOpenOption.WRITE)) {
                write(channel, temporary, data);
                before(Step.FORCE, temporary);
                force(channel, true);
            }
            before(Step.RENAME, file);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
        forceDirectory(parent);
    }

    /**
     * Creates {@code file}, which must not exist, holding {@code data} (with {@code permissions}, or the default
     * ones when null), forced to the device with its directory entry.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code file} exists (even as a dangling link)
     * @throws IOException when a step fails
     */
    public static void createNew(Path file, byte[] data, Set<PosixFilePermission> permissions) throws IOException {
        createNewUnlisted(file, data, permissions);
        forceDirectory(parentOf(file));
    }

    /**
     * Creates {@code file} as {@link #createNew} does, its content forced but not its directory entry: for many files
     * written to one directory, which the caller then forces once ({@link #forceDirectory}) before relying on them.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code file} exists (even as a dangling link)
     * @throws IOException when a step fails
     */
    public static void createNewUnlisted(Path file, byte[] data, Set<PosixFilePermission> permissions)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(data, "data");
        try (FileChannel channel = create(file, permissions, StandardOpenOption.WRITE)) {
            write(channel, file, data);
            before(Step.FORCE, file);
            force(channel, true);
        }
    }

    /**
     * Appends {@code data} at the end of the file open in {@code channel} ({@code file} names it) and forces it to
     * the device.
     *
     * @throws IOException when a step fails; the file may then end with part of {@code data}
     */
    public static void append(FileChannel channel, Path file, byte[] data) throws IOException {
        channel.position(channel.size());
        write(channel, file, data);
        before(Step.FORCE, file);
        force(channel, false);
    }

    /**
     * Cuts the file open in {@code channel} to {@code length} bytes and forces it.
     *
     * @throws IOException when a step fails
     */
    public static void truncate(FileChannel channel, Path file, long length) throws IOException {
        before(Step.WRITE, file);
        channel.truncate(length);
        before(Step.FORCE, file);
        force(channel, true);
    }

    /**
     * Renames {@code from} to {@code to} atomically, replacing a file (or an empty directory) there, and forces
     * both directories.
     *
     * @throws IOException when a step fails
     */
    public static void move(Path from, Path to) throws IOException {
        rename(from, to);
        forceDirectory(parentOf(to));
        Path fromParent = parentOf(from);
        if (!fromParent.equals(parentOf(to))) {
            forceDirectory(fromParent);
        }
    }

    /**
     * Renames {@code from} to {@code to} atomically, replacing a file (or an empty directory) there, without forcing
     * the directories: for many renames, after which the caller forces each directory once ({@link
     * #forceDirectory}) before relying on them.
     *
     * @throws IOException when a step fails
     */
    public static void rename(Path from, Path to) throws IOException {
        before(Step.RENAME, to);
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Deletes {@code path} (a file or an empty directory) if it exists, and forces its directory.
     *
     * @return whether it existed
     * @throws IOException when a step fails
     */
    public static boolean delete(Path path) throws IOException {
        boolean deleted = deleteUnlisted(path);
        if (deleted) {
            forceDirectory(parentOf(path));
        }
        return deleted;
    }

    /**
     * Deletes {@code path} (a file or an empty directory) if it exists, without forcing its directory: for many
     * deletions, after which the caller forces each directory once ({@link #forceDirectory}).
     *
     * @return whether it existed
     * @throws IOException when a step fails
     */
    public static boolean deleteUnlisted(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        before(Step.DELETE, path);
        return Files.deleteIfExists(path);
    }

    /**
     * Creates {@code dir} and its missing parents (the new ones with {@code permissions}, or the default ones when
     * null), forcing each parent directory so that the new entries are durable.
     *
     * @throws IOException when a step fails
     */
    public static void createDirectories(Path dir, Set<PosixFilePermission> permissions) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent, null);
        }
        before(Step.CREATE, absolute);
        try {
            if (POSIX && permissions != null) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(permissions));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
            return;
        }
        if (parent != null) {
            forceDirectory(parent);
        }
    }

    /**
     * Forces the entries of {@code dir} (creations, renames, deletions) to the device; a no-op where a directory
     * cannot be opened for that.
     *
     * @throws IOException when the hook makes the step fail
     */
    public static void forceDirectory(Path dir) throws IOException {
        before(Step.FORCE_DIRECTORY, dir);
        if (!hook.forces()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open or force a directory; the files' own forces still hold their content.
        }
    }

    private static void force(FileChannel channel, boolean metaData) throws IOException {
        if (hook.forces()) {
            channel.force(metaData);
        }
    }

    /** Returns whether the file system has POSIX permissions. */
    public static boolean isPosix() {
        return POSIX;
    }

    private static FileChannel create(Path file, Set<PosixFilePermission> permissions, OpenOption... more)
            throws IOException {
        before(Step.CREATE, file);
        OpenOption[] options = new OpenOption[more.length + 1];
        options[0] = StandardOpenOption.CREATE_NEW;
        System.arraycopy(more, 0, options, 1, more.length);
        Set<OpenOption> set = Set.of(options);
        FileAttribute<?>[] attributes = POSIX && permissions != null
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
        FileChannel channel = FileChannel.open(file, set, attributes);
        if (POSIX && permissions != null) {
            // The umask may have narrowed the mode given at creation; never widen it beyond what was asked.
            Files.setPosixFilePermissions(file, permissions);
        }
        return channel;
    }

    private static void write(FileChannel channel, Path file, byte[] data) throws IOException {
        int half = data.length / 2;
        before(Step.WRITE, file);
        writeFully(channel, ByteBuffer.wrap(data, 0, half));
        before(Step.WRITE, file);
        writeFully(channel, ByteBuffer.wrap(data, half, data.length - half));
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException(file + " has no parent directory");
        }
        return parent;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The temporary file is hidden and named as such; it harms nothing if it stays.
        }
    }
}
