package dev.smki.recovery.journal;

import dev.smki.core.internal.crypto.BouncyCastle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a forger with write access to a journal does, for tests of what catches it: changes lines and recomputes
 * the hash chain from there on, so that the chain alone checks.
 */
public final class JournalForgery {

    private JournalForgery() {}

    /**
     * Rewrites the journal file {@code journal}: line {@code index} (from 0) becomes {@code change} of it, and every
     * line from there on gets its {@code prev} and {@code hash} recomputed.
     */
    public static void rewrite(Path journal, int index, UnaryOperator<String> change) {
        List<String> lines = read(journal);
        lines.set(index, change.apply(lines.get(index)));
        write(journal, rechain(lines, index));
    }

    /** Appends {@code line} (its own {@code prev} and {@code hash} recomputed) to the journal file {@code journal}. */
    public static void append(Path journal, String line) {
        List<String> lines = read(journal);
        lines.add(line);
        write(journal, rechain(lines, lines.size() - 1));
    }

    /** Returns {@code lines} with the {@code prev} and {@code hash} of every line from {@code from} on recomputed. */
    public static List<String> rechain(List<String> lines, int from) {
        List<String> out = new ArrayList<>(lines);
        for (int i = from; i < out.size(); i++) {
            String previous =
                    i == 0 ? "0".repeat(64) : out.get(i - 1).replaceAll(".*\"hash\":\"([0-9a-f]{64})\"}$", "$1");
            String prefix = out.get(i)
                    .replaceAll(",\"hash\":\"[0-9a-f]{64}\"}$", "")
                    .replaceAll("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + previous + "\"");
            out.set(i, prefix + ",\"hash\":\"" + sha256(prefix) + "\"}");
        }
        return out;
    }

    private static List<String> read(Path journal) {
        try {
            return new ArrayList<>(Files.readAllLines(journal, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path journal, List<String> lines) {
        try {
            Files.writeString(journal, String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256", BouncyCastle.PROVIDER);
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
