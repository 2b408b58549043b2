package dev.smki.recovery.journal;

import dev.smki.core.internal.crypto.BouncyCastle;
import dev.smki.recovery.internal.canonical.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seals of a journal: signatures, with an ECDSA P-256 key kept apart from the journal, over the hash of its last
 * line at each checkpoint and at the end. The hash chain alone shows a line changed in place, but not a journal
 * rewritten from some line on with every hash recomputed, nor lines added to or removed from its end; a seal does,
 * for whoever holds the public key, since nobody without the private key can seal the new head.
 *
 * <p>Seals are kept in a side file beside the journal ({@code JOURNAL.seals}), not in it, so the journal's format,
 * and every tool that reads it, are unchanged. One line per seal, ASCII:
 *
 * <pre>
 * {"seal":"smki-journal-seal","version":1,"kind":"checkpoint","lines":12,"head":"&lt;sha-256&gt;","key":"&lt;key
 * id&gt;","signature":"&lt;base64&gt;"}
 * </pre>
 *
 * The signature (ECDSA with SHA-256, deterministic per RFC 6979, so the same key and journal give the same seals) is
 * over the line's bytes before {@code ,"signature"}. {@code lines} is how many journal lines the seal covers and
 * {@code head} the hash of the last of them; {@code key} is the SHA-256 of the public key's DER
 * SubjectPublicKeyInfo. A checkpoint seal follows every write the journal acknowledges; the end seal is made when
 * the journal is closed.
 *
 * <p>{@link #check} finds, against a public key: a seal not made with it or changed since (its signature fails);
 * a journal line changed, inserted or removed up to a sealed line, however the hashes were recomputed (the sealed
 * head differs); lines added after the last seal; and a journal that does not end with an end seal covering every
 * line (lines removed after a checkpoint, or a run that was stopped and not resumed).
 */
public final class JournalSeals {

    /** The value of each seal's {@code seal} field. */
    static final String FORMAT = "smki-journal-seal";

    private static final int VERSION = 1;
    private static final String SIGNATURE_FIELD = ",\"signature\":\"";

    /** ECDSA with SHA-256 and a deterministic nonce (RFC 6979), as Bouncy Castle names it. */
    private static final String SIGN = "SHA256withECDDSA";

    private static final String VERIFY = "SHA256withECDSA";
    private static final Pattern LINE = Pattern.compile("\\{\"seal\":\"" + FORMAT + "\",\"version\":" + VERSION
            + ",\"kind\":\"(checkpoint|end)\",\"lines\":([1-9][0-9]{0,17}),\"head\":\"([0-9a-f]{64})\""
            + ",\"key\":\"([0-9a-f]{64})\"" + ",\"signature\":\"([A-Za-z0-9+/=]{1,200})\"}");

    /** What a seal marks. */
    public enum Kind {
        /** An acknowledged write: the journal held this many lines then. */
        CHECKPOINT,
        /** The journal was closed: the run ended here (for now). */
        END
    }

    /**
     * One seal, as read.
     *
     * @param kind what it marks
     * @param lines how many journal lines it covers
     * @param head the hash of the last of them
     * @param keyId the id of the key that made it
     */
    public record Seal(Kind kind, long lines, String head, String keyId) {}

    /**
     * The result of checking a journal's seals against a public key.
     *
     * @param seals the seals that check, in order
     * @param journalLines the journal's intact lines
     * @param broken the first seal that does not check, and why, if any
     * @param tornBytes the bytes of a torn last seal line, left by an interrupted write (tolerated)
     * @param validLength the bytes of the seal lines before any broken one or torn tail
     */
    public record Check(
            List<Seal> seals, long journalLines, Optional<String> broken, long tornBytes, long validLength) {

        /**
         * Checks the components.
         *
         * @param seals the seals that check, in order
         * @param journalLines the journal's intact lines
         * @param broken the first seal that does not check, and why, if any
         * @param tornBytes the bytes of a torn last seal line, left by an interrupted write (tolerated)
         * @param validLength the bytes of the seal lines before any broken one or torn tail
         * @throws NullPointerException when a component is null
         */
        public Check {
            seals = List.copyOf(seals);
            Objects.requireNonNull(broken, "broken");
        }

        /** {@return how many journal lines the last seal that checks covers; 0 without one} */
        public long sealedLines() {
            return seals.isEmpty() ? 0 : seals.get(seals.size() - 1).lines();
        }

        /** {@return the last seal that checks, if any} */
        public Optional<Seal> last() {
            return seals.isEmpty() ? Optional.empty() : Optional.of(seals.get(seals.size() - 1));
        }

        /**
         * {@return why the journal is not sealed whole, if it is not: a seal that does not check, no seal at all,
         * lines after the last seal, or no end seal covering every line}
         */
        public Optional<String> problem() {
            if (broken.isPresent()) {
                return broken;
            }
            if (seals.isEmpty()) {
                return Optional.of("it has no seal");
            }
            long sealed = sealedLines();
            if (sealed < journalLines) {
                return Optional.of("lines " + (sealed + 1) + " to " + journalLines + " were added after the last"
                        + " seal (line " + sealed + ")");
            }
            if (last().orElseThrow().kind() != Kind.END) {
                return Optional.of("its last seal (line " + sealed + ") is a checkpoint, not an end seal: the run"
                        + " was stopped before it ended (resume it), or lines after line " + sealed
                        + " were removed");
            }
            return Optional.empty();
        }

        /** {@return whether every line is covered by an end seal and every seal checks} */
        public boolean isSealed() {
            return problem().isEmpty();
        }
    }

    private JournalSeals() {}

    /**
     * Checks the seals in {@code seals} (the side file's bytes) against the journal {@code journal} and the public
     * key {@code publicKey}.
     *
     * @param journal the journal
     * @param seals the seals
     * @param publicKey the public key the seals are checked with
     * @return what the check found
     * @throws IllegalArgumentException when {@code publicKey} is not a P-256 public key
     */
    public static Check check(byte[] journal, byte[] seals, PublicKey publicKey) {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(seals, "seals");
        PublicKey key = p256(publicKey);
        String keyId = keyId(publicKey);
        List<String> heads = heads(JournalVerification.of(journal));
        List<Seal> valid = new ArrayList<>();
        int position = 0;
        int number = 0;
        while (position < seals.length) {
            int end = indexOf(seals, position);
            if (end < 0) {
                return new Check(valid, heads.size(), Optional.empty(), seals.length - position, position);
            }
            number++;
            String problem = problem(seals, position, end, number, key, keyId, heads, valid);
            if (problem != null) {
                return new Check(valid, heads.size(), Optional.of("seal " + number + ": " + problem), 0, position);
            }
            position = end + 1;
        }
        return new Check(valid, heads.size(), Optional.empty(), 0, position);
    }

    private static String problem(
            byte[] seals,
            int start,
            int end,
            int number,
            PublicKey key,
            String keyId,
            List<String> heads,
            List<Seal> valid) {
        String line = new String(seals, start, end - start, StandardCharsets.US_ASCII);
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return "the line is not a seal";
        }
        if (!m.group(4).equals(keyId)) {
            return "it was made with another key (key " + m.group(4).substring(0, 16) + "..., not this public key's "
                    + keyId.substring(0, 16) + "...)";
        }
        byte[] signed = line.substring(0, line.indexOf(SIGNATURE_FIELD)).getBytes(StandardCharsets.US_ASCII);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return "its signature is not base64";
        }
        if (!verifies(key, signed, signature)) {
            return "its signature does not verify with this public key: the seal was changed or forged";
        }
        Seal seal = new Seal(
                Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT)), Long.parseLong(m.group(2)), m.group(3), keyId);
        long before = valid.isEmpty() ? 0 : valid.get(valid.size() - 1).lines();
        if (seal.lines() < before) {
            return "it covers " + seal.lines() + " lines, fewer than the seal before it (" + before + ")";
        }
        if (seal.lines() > heads.size()) {
            return "it covers line " + seal.lines() + ", but the journal has " + heads.size() + " intact lines:"
                    + " sealed lines were removed or broken";
        }
        if (!heads.get((int) seal.lines() - 1).equals(seal.head())) {
            return "the journal's line " + seal.lines() + " does not have the hash sealed: a line up to "
                    + seal.lines() + " was changed, inserted or removed after it was sealed (however the hashes were"
                    + " recomputed)";
        }
        valid.add(seal);
        return null;
    }

    /** Returns the seal line for {@code lines} journal lines ending with {@code head}, signed with {@code key}. */
    static byte[] line(Kind kind, long lines, String head, PrivateKey key, String keyId) {
        String signed = "{\"seal\":\"" + FORMAT + "\",\"version\":" + VERSION + ",\"kind\":\""
                + kind.name().toLowerCase(Locale.ROOT) + "\",\"lines\":" + lines + ",\"head\":\"" + head
                + "\",\"key\":\"" + keyId + "\"";
        byte[] signature;
        try {
            Signature signer = Signature.getInstance(SIGN, BouncyCastle.PROVIDER);
            signer.initSign(key);
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot sign with the seal key: " + e.getMessage(), e);
        }
        return (signed + SIGNATURE_FIELD + Base64.getEncoder().encodeToString(signature) + "\"}\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@return the id of a public key: the SHA-256 of its DER SubjectPublicKeyInfo, in hex}
     *
     * @param publicKey the public key the seals are checked with
     */
    public static String keyId(PublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        return CanonicalJson.sha256Hex(publicKey.getEncoded());
    }

    /** Returns the hash of each intact line of a journal, by line number from 1. */
    static List<String> heads(JournalVerification verification) {
        List<String> heads = new ArrayList<>();
        verification.header().ifPresent(h -> heads.add(h.hash()));
        verification.entries().forEach(e -> heads.add(e.hash()));
        return heads;
    }

    /**
     * Returns {@code key} when it is an EC key on a 256-bit curve.
     *
     * @throws IllegalArgumentException otherwise
     */
    static PublicKey p256(PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof ECPublicKey ec)
                || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("Not a P-256 public key");
        }
        return key;
    }

    private static boolean verifies(PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(VERIFY, BouncyCastle.PROVIDER);
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
