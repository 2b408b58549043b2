package dev.smki.recovery.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.Objects;

/**
 * Seals a file journal as it is written ({@link JournalSeals}): after each acknowledged write a checkpoint seal, and
 * an end seal when the journal is closed, appended to the seals file. Give it to {@link Journal#file(Path,
 * Durability, JournalSealer)}.
 *
 * <p>When the journal is opened, the seals already in the file must check with this key against the journal, or the
 * journal is refused (it was changed after it was sealed); a torn last seal is cut off, and a checkpoint a crash
 * prevented is made, so that a resumed run ends with the same seals as one never interrupted.
 */
public final class JournalSealer {

    private final KeyPair key;
    private final String keyId;
    private final Path file;
    private Durability durability = Durability.FORCED;
    private FileChannel channel;
    private JournalSeals.Seal last;

    private JournalSealer(KeyPair key, Path file) {
        this.key = key;
        this.keyId = JournalSeals.keyId(key.getPublic());
        this.file = file;
    }

    /**
     * {@return a sealer signing with the P-256 key pair {@code key} into the seals file {@code file}}
     *
     * @param key the key
     * @param file the file
     * @throws IllegalArgumentException when {@code key} is not a P-256 key pair
     */
    public static JournalSealer of(KeyPair key, Path file) {
        Objects.requireNonNull(key, "key");
        JournalSeals.p256(key.getPublic());
        Objects.requireNonNull(key.getPrivate(), "the private key");
        return new JournalSealer(key, Objects.requireNonNull(file, "file"));
    }

    /** {@return the seals file} */
    public Path file() {
        return file;
    }

    /** {@return the id of the sealing key ({@link JournalSeals#keyId})} */
    public String keyId() {
        return keyId;
    }

    /**
     * Opens the seals file for the journal whose bytes are {@code journal}; see the class description.
     *
     * @throws JournalMismatchException when a seal in the file does not check against the journal with this key
     * @throws IOException when the seals file cannot be read or written
     */
    void open(byte[] journal, Durability mode) throws IOException {
        this.durability = mode;
        byte[] seals = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        JournalSeals.Check check = JournalSeals.check(journal, seals, key.getPublic());
        if (check.broken().isPresent()) {
            throw new JournalMismatchException("The journal does not match its seals in " + file + ": "
                    + check.broken().get() + "; it was changed after it was sealed, or the seals are another"
                    + " journal's or another key's");
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.size() != check.validLength()) {
                channel.truncate(check.validLength()); // a torn last seal
                if (durability == Durability.FORCED) {
                    channel.force(true);
                }
            }
            last = check.last().orElse(null);
            if (check.journalLines() > check.sealedLines()) {
                java.util.List<String> heads = JournalSeals.heads(JournalVerification.of(journal));
                seal(JournalSeals.Kind.CHECKPOINT, heads.size(), heads.get(heads.size() - 1));
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            channel = null;
            throw e;
        }
    }

    /** Seals an acknowledged write: the journal now holds {@code lines} lines, the last with hash {@code head}. */
    void checkpoint(long lines, String head) throws IOException {
        seal(JournalSeals.Kind.CHECKPOINT, lines, head);
    }

    /** Makes the end seal, unless the last seal is already one for the same lines, and closes the seals file. */
    void close(long lines, String head) throws IOException {
        if (channel == null) {
            return;
        }
        try {
            boolean ended = last != null && last.kind() == JournalSeals.Kind.END && last.lines() == lines;
            if (lines > 0 && !ended) {
                seal(JournalSeals.Kind.END, lines, head);
            }
        } finally {
            channel.close();
            channel = null;
        }
    }

    private void seal(JournalSeals.Kind kind, long lines, String head) throws IOException {
        byte[] line = JournalSeals.line(kind, lines, head, key.getPrivate(), keyId);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        long at = channel.size();
        while (buffer.hasRemaining()) {
            channel.write(buffer, at + buffer.position());
        }
        if (durability == Durability.FORCED) {
            channel.force(false);
        }
        last = new JournalSeals.Seal(kind, lines, head, keyId);
    }

    /** Returns the seals file and the key id, never the key. */
    @Override
    public String toString() {
        return "JournalSealer[" + file + ", key " + keyId().substring(0, 16) + "...]";
    }
}
