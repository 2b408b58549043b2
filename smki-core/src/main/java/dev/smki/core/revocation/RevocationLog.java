package dev.smki.core.revocation;

import dev.smki.core.internal.crypto.BouncyCastle;
import dev.smki.core.internal.files.DurableFiles;
import dev.smki.core.profile.ProfileKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The revocation log of a test PKI directory: the record of every revocation and every list published, from which
 * the registry and the list files are derived ({@link RevocationDirectory}). Append-only: a change is committed by
 * appending one line and forcing it to the device, and only then are the registry and the lists rewritten; a crash
 * between the two is repaired from the log by the next command.
 *
 * <p>The file {@value #FILE} is UTF-8: a comment line, then one line per commit, its items separated by tabs:
 *
 * <pre>
 * seq=1
 * revoked=SERIAL/REVOKED-AT/REASON/CRL-REASON          a certificate revoked (hex serial, instant, slugs)
 * list=SIGNER/NUMBER/THIS-UPDATE/NEXT-UPDATE/SHA-256    a list published (signer profile slug, decimal cRLNumber,
 *                                                      instants, SHA-256 of its DER)
 * base=SIGNER/BASE64-DER                               a list published before the log existed, kept whole
 * prev=SHA-256                                         the hash of the line before (64 zeros for the first)
 * hash=SHA-256                                         the SHA-256 of the line's bytes before this item
 * </pre>
 *
 * A line torn by a crash (no newline at the end) was never committed and is ignored; it is cut off before the next
 * commit. A complete line whose hash or link does not check is damage, and the log is refused.
 */
final class RevocationLog {

    /** The log file, relative to the PKI directory. */
    static final String FILE = "repository/revocations.log";

    static final String HEADER = "# smki-sim revocation log, format 1: one commit per line (see RevocationLog)\n";

    private static final String NO_HASH = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    /** A certificate revoked in a commit. */
    record Revoked(BigInteger serial, Revocation revocation) {}

    /** A list published in a commit. */
    record Published(ProfileKind signer, BigInteger number, Instant thisUpdate, Instant nextUpdate, String sha256) {

        /** Returns whether {@code list} is the one published. */
        boolean is(RevocationList list) {
            return sha256.equals(sha256Hex(list.toDer()));
        }
    }

    /** A list published before the log existed, kept whole so that the next list can follow it. */
    record Base(ProfileKind signer, byte[] der) {}

    /** One commit: the revocations and the lists of one change. */
    record Commit(long sequence, List<Revoked> revoked, List<Published> published, List<Base> bases, String hash) {

        Commit {
            revoked = List.copyOf(revoked);
            published = List.copyOf(published);
            bases = List.copyOf(bases);
        }
    }

    private final Path file;
    private final List<Commit> commits;
    private final long intactLength;
    private final boolean exists;

    private RevocationLog(Path file, List<Commit> commits, long intactLength, boolean exists) {
        this.file = file;
        this.commits = List.copyOf(commits);
        this.intactLength = intactLength;
        this.exists = exists;
    }

    /**
     * Reads the log of the PKI directory {@code dir}; an empty log when there is none.
     *
     * @throws IllegalArgumentException naming the line when the log is damaged
     * @throws UncheckedIOException when it cannot be read
     */
    static RevocationLog read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return new RevocationLog(file, List.of(), 0, false);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the revocation log " + file, e);
        }
        List<Commit> commits = new ArrayList<>();
        String previous = NO_HASH;
        int position = 0;
        int lineNumber = 0;
        while (position < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', position);
            if (end < 0) {
                break; // a torn last line: never committed
            }
            lineNumber++;
            String line = new String(bytes, position, end - position, StandardCharsets.UTF_8);
            if (lineNumber == 1) {
                if (!(line + "\n").equals(HEADER)) {
                    throw new IllegalArgumentException(file + " line 1 is not the revocation log header");
                }
            } else {
                Commit commit;
                try {
                    commit = parse(line, previous, commits.size() + 1);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            file + " is damaged at line " + lineNumber + ": " + e.getMessage(), e);
                }
                commits.add(commit);
                previous = commit.hash();
            }
            position = end + 1;
        }
        return new RevocationLog(file, commits, position, true);
    }

    /** Returns the commits, oldest first. */
    List<Commit> commits() {
        return commits;
    }

    /** Returns whether the log file exists. */
    boolean exists() {
        return exists;
    }

    /** Returns the serial numbers of every certificate the log records as revoked. */
    java.util.Set<BigInteger> revokedSerials() {
        java.util.Set<BigInteger> serials = new java.util.HashSet<>();
        commits.forEach(c -> c.revoked().forEach(r -> serials.add(r.serial())));
        return serials;
    }

    /**
     * Returns the SHA-256 of the DER of the last list {@code signer} published according to the log (or that the log
     * keeps whole), if any.
     */
    java.util.Optional<String> lastListSha256(ProfileKind signer) {
        String last = null;
        for (Commit commit : commits) {
            for (Base b : commit.bases()) {
                if (b.signer() == signer) {
                    last = sha256Hex(b.der());
                }
            }
            for (Published p : commit.published()) {
                if (p.signer() == signer) {
                    last = p.sha256();
                }
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    /**
     * Commits {@code revoked}, {@code published} and {@code bases} as one line, forced to the device, and returns
     * the log with it. Call with the PKI directory locked.
     *
     * @throws UncheckedIOException when the log cannot be written; the change is then not committed
     */
    RevocationLog append(List<Revoked> revoked, List<Published> published, List<Base> bases) {
        long sequence = commits.size() + 1L;
        String previous =
                commits.isEmpty() ? NO_HASH : commits.get(commits.size() - 1).hash();
        StringBuilder line = new StringBuilder("seq=").append(sequence);
        for (Revoked r : revoked) {
            Revocation revocation = r.revocation();
            line.append("\trevoked=")
                    .append(RegisteredCertificate.serialHex(r.serial()))
                    .append('/')
                    .append(revocation.revokedAt())
                    .append('/')
                    .append(revocation.reason().slug())
                    .append('/')
                    .append(revocation.crlReason().rfcName());
        }
        for (Published p : published) {
            line.append("\tlist=")
                    .append(p.signer().slug())
                    .append('/')
                    .append(p.number())
                    .append('/')
                    .append(p.thisUpdate())
                    .append('/')
                    .append(p.nextUpdate())
                    .append('/')
                    .append(p.sha256());
        }
        for (Base b : bases) {
            line.append("\tbase=")
                    .append(b.signer().slug())
                    .append('/')
                    .append(Base64.getEncoder().encodeToString(b.der()));
        }
        line.append("\tprev=").append(previous);
        String hash = sha256Hex(line.toString().getBytes(StandardCharsets.UTF_8));
        line.append("\thash=").append(hash).append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (!exists) {
                byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
                byte[] whole = new byte[header.length + bytes.length];
                System.arraycopy(header, 0, whole, 0, header.length);
                System.arraycopy(bytes, 0, whole, header.length, bytes.length);
                DurableFiles.replace(file, whole, null);
            } else {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    if (channel.size() != intactLength) {
                        DurableFiles.truncate(channel, file, intactLength); // drop a torn, uncommitted line
                    }
                    DurableFiles.append(channel, file, bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the revocation log " + file, e);
        }
        List<Commit> more = new ArrayList<>(commits);
        more.add(new Commit(sequence, revoked, published, bases, hash));
        long length = intactLength + (exists ? 0 : HEADER.getBytes(StandardCharsets.UTF_8).length) + bytes.length;
        return new RevocationLog(file, more, length, true);
    }

    private static Commit parse(String line, String previous, long expectedSequence) {
        int hashAt = line.lastIndexOf("\thash=");
        if (hashAt < 0) {
            throw new IllegalArgumentException("the line does not end with its hash");
        }
        String hash = line.substring(hashAt + "\thash=".length());
        if (!hash.equals(sha256Hex(line.substring(0, hashAt).getBytes(StandardCharsets.UTF_8)))) {
            throw new IllegalArgumentException("the line's hash does not match its content (it was changed)");
        }
        String[] items = line.substring(0, hashAt).split("\t", -1);
        long sequence = -1;
        String prev = null;
        List<Revoked> revoked = new ArrayList<>();
        List<Published> published = new ArrayList<>();
        List<Base> bases = new ArrayList<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + item + "' is not a NAME=VALUE item");
            }
            String name = item.substring(0, eq);
            String value = item.substring(eq + 1);
            String[] f = value.split("/", -1);
            switch (name) {
                case "seq" -> sequence = Long.parseLong(value);
                case "prev" -> prev = value;
                case "revoked" -> {
                    fields(f, 4, item);
                    revoked.add(new Revoked(
                            new BigInteger(f[0], 16),
                            new Revocation(Instant.parse(f[1]), RevocationReason.parse(f[2]), CrlReason.parse(f[3]))));
                }
                case "list" -> {
                    fields(f, 5, item);
                    published.add(new Published(
                            ProfileKind.parse(f[0]),
                            new BigInteger(f[1]),
                            Instant.parse(f[2]),
                            Instant.parse(f[3]),
                            f[4]));
                }
                case "base" -> {
                    fields(f, 2, item);
                    bases.add(new Base(
                            ProfileKind.parse(f[0]), Base64.getDecoder().decode(f[1])));
                }
                default -> throw new IllegalArgumentException("unknown item '" + name + "'");
            }
        }
        if (sequence != expectedSequence) {
            throw new IllegalArgumentException(
                    "the line has sequence number " + sequence + ", not " + expectedSequence);
        }
        if (!previous.equals(prev)) {
            throw new IllegalArgumentException(
                    "the line does not follow the one before it (a line was removed," + " inserted or reordered)");
        }
        return new Commit(sequence, revoked, published, bases, hash);
    }

    private static void fields(String[] fields, int count, String item) {
        if (fields.length != count) {
            throw new IllegalArgumentException("'" + item + "' has " + fields.length + " fields, expected " + count);
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(
                    MessageDigest.getInstance("SHA-256", BouncyCastle.PROVIDER).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Bouncy Castle has no SHA-256", e);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "RevocationLog[" + file + ", " + commits.size() + " commits]";
    }
}
