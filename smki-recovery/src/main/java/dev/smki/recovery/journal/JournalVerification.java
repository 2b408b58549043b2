package dev.smki.recovery.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking a journal's bytes: its intact lines, the first broken line if any, and any torn tail.
 *
 * <p>A journal is a file of lines, each ending in a newline. Line 1 is the {@linkplain JournalHeader header};
 * each later line is a {@linkplain JournalEntry entry} whose sequence number is its line number minus one.
 * Every line ends with <code>,"hash":"&lt;sha-256&gt;"}</code> covering the line's bytes before that field, and every
 * line
 * holds in {@code prev} the hash of the line before (64 zeros for the header). So an edited line fails its own
 * hash, and an inserted, deleted or reordered line breaks the link to its predecessor; the first line that fails
 * either check is reported by number.
 *
 * <p>Bytes after the last newline are a <em>torn tail</em>: a line whose write a crash interrupted. It was never
 * acknowledged, so it is reported and tolerated, and resuming drops it. A tail that holds a complete line
 * followed by more bytes cannot come from a crash and is reported as broken.
 *
 * <p>The chain is not keyed: whoever rewrites a line and every line after it, or removes lines from the end,
 * leaves a chain that checks. Keep the {@linkplain #head() head} hash elsewhere (a report, a ticket) and compare
 * it to detect that.
 *
 * @param lines the number of intact complete lines (header included), before any break
 * @param header the header, if line 1 is intact
 * @param entries the entries of the intact lines
 * @param firstBreak the first broken line, if any
 * @param tornTail the torn tail, if the journal is intact up to one
 * @param head the hash of the last intact line; 64 zeros when there is none
 * @param intactLength the number of bytes of the intact lines
 */
public record JournalVerification(
        int lines,
        Optional<JournalHeader> header,
        List<JournalEntry> entries,
        Optional<Break> firstBreak,
        Optional<TornTail> tornTail,
        String head,
        long intactLength) {

    /**
     * Checks the components.
     *
     * @param lines the number of intact complete lines (header included), before any break
     * @param header the header, if line 1 is intact
     * @param entries the entries of the intact lines
     * @param firstBreak the first broken line, if any
     * @param tornTail the torn tail, if the journal is intact up to one
     * @param head the hash of the last intact line; 64 zeros when there is none
     * @param intactLength the number of bytes of the intact lines
     * @throws NullPointerException when a component is null
     */
    public JournalVerification {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
        Objects.requireNonNull(firstBreak, "firstBreak");
        Objects.requireNonNull(tornTail, "tornTail");
        Objects.requireNonNull(head, "head");
    }

    /**
     * {@return the verification of a journal's bytes}
     *
     * @param content the bytes
     */
    public static JournalVerification of(byte[] content) {
        return JournalFormat.verify(Objects.requireNonNull(content, "content"));
    }

    /**
     * {@return the verification of the journal file at {@code path}}
     *
     * @param path the file
     * @throws IOException when the file cannot be read
     */
    public static JournalVerification of(Path path) throws IOException {
        return of(Files.readAllBytes(path));
    }

    /** {@return whether no line is broken (a torn tail is tolerated)} */
    public boolean isIntact() {
        return firstBreak.isEmpty();
    }

    /** {@return whether the journal has an intact header, so it identifies a procedure} */
    public boolean hasHeader() {
        return header.isPresent();
    }

    /**
     * A line that fails its checks.
     *
     * @param line its line number, from 1
     * @param reason why, in one sentence
     */
    public record Break(int line, String reason) {

        /**
         * Checks the components.
         *
         * @param line its line number, from 1
         * @param reason why, in one sentence
         * @throws NullPointerException when the reason is null
         */
        public Break {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /**
     * Bytes after the last newline, left by an interrupted write.
     *
     * @param line the line number the torn line would have had
     * @param length its length in bytes
     */
    public record TornTail(int line, long length) {

        @Override
        public String toString() {
            return "torn line " + line + " (" + length + " bytes)";
        }
    }
}
