package dev.smki.examples.cli;

import dev.smki.recovery.journal.JournalEntry;
import dev.smki.recovery.journal.JournalHeader;
import dev.smki.recovery.journal.JournalSeals;
import dev.smki.recovery.journal.JournalVerification;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smki journal}: checks and shows the hash-chained journal a procedure run writes. */
@Command(
        name = "journal",
        description = "Procedure run journals: verify their hash chain, or show them as a timeline.",
        mixinStandardHelpOptions = true,
        subcommands = {JournalCommand.Verify.class, JournalCommand.Show.class})
final class JournalCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: verify or show");
    }

    /** Reads and verifies {@code file}, which must at least hold a complete header. */
    private static JournalVerification read(Path file) {
        byte[] bytes = CliFiles.read(file);
        if (bytes.length == 0) {
            throw new UserInputException(file + " is empty: it is not a journal");
        }
        JournalVerification verification = JournalVerification.of(bytes);
        if (verification.isIntact() && !verification.hasHeader()) {
            throw new UserInputException(file + " holds only a torn journal header (" + bytes.length
                    + " bytes): no attempt was ever recorded in it");
        }
        return verification;
    }

    private static String brokenLine(Path file, JournalVerification verification) {
        JournalVerification.Break broken = verification.firstBreak().orElseThrow();
        return file + ": broken at line " + broken.line() + ": " + printable(broken.reason())
                + (broken.line() > 1 ? " (lines 1-" + (broken.line() - 1) + " are intact)" : "");
    }

    private static String tornTail(JournalVerification verification) {
        return verification
                .tornTail()
                .map(torn -> "; torn line " + torn.line() + " of " + torn.length()
                        + " bytes at the end, left by an interrupted write (resuming drops it)")
                .orElse("");
    }

    /** Returns {@code text} with control characters shown as '?', so a crafted journal cannot drive the terminal. */
    private static String printable(String text) {
        return PrintableWriter.printable(text);
    }

    /** {@code smki journal verify FILE}. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Checks every line of a procedure journal: each line's own SHA-256, the hash of the line before it"
                        + " (so inserted, deleted and reordered lines show), its sequence number and its fields.",
                "A torn last line, left by a crash while it was written, is reported and tolerated.",
                "The chain alone is not keyed: lines removed from the end, or a rewrite of every line from some point"
                        + " on, show only against a head hash kept elsewhere (--expect-head) or against the journal's"
                        + " seals (--seal-pub): signatures over the chain head at each checkpoint and at the end, by a"
                        + " key kept apart from the journal (smki rehearse writes them to JOURNAL.seals)."
            },
            footer = {
                "",
                "Exit codes: 0 intact (and sealed, with --seal-pub), 1 broken, or not sealed whole (the first broken"
                        + " line or seal is named), 2 unreadable or empty (one line on stderr)."
            })
    static final class Verify implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The journal file.")
        private Path file;

        @Option(
                names = "--expect-head",
                paramLabel = "SHA256",
                description = "The hash the journal's last line must have, as printed by an earlier verify.")
        private String expectedHead;

        @Option(
                names = "--seal-pub",
                paramLabel = "PUB.pem",
                description = "The public key (PEM) of the key that sealed the journal, such as JOURNAL.seal.pub.pem:"
                        + " every line must be covered by an end seal that verifies with it.")
        private Path sealPublicKey;

        @Option(
                names = "--seals",
                paramLabel = "FILE",
                description = "The seals file (default: FILE.seals beside the journal).")
        private Path sealsFile;

        @Override
        public Integer call() {
            String expected = expectedHead == null ? null : expectedHead.toLowerCase(Locale.ROOT);
            if (expected != null && !expected.matches("[0-9a-f]{64}")) {
                throw new UserInputException(
                        "--expect-head needs a SHA-256 of 64 hex digits, not '" + expectedHead + "'");
            }
            JournalVerification verification = read(file);
            PrintWriter out = spec.commandLine().getOut();
            if (!verification.isIntact()) {
                out.println(brokenLine(file, verification));
                out.flush();
                return ExitCodes.FINDINGS;
            }
            if (expected != null && !expected.equals(verification.head())) {
                out.println(file + ": broken after line " + verification.lines() + ": the journal ends with head "
                        + verification.head() + ", not the expected " + expected
                        + " (lines were removed from its end, added to it, or rewritten)");
                out.flush();
                return ExitCodes.FINDINGS;
            }
            JournalHeader header = verification.header().orElseThrow();
            String intact = file + ": intact: " + verification.lines() + " lines (header and "
                    + verification.entries().size() + " attempts) of procedure " + printable(header.procedure())
                    + ", head " + verification.head() + tornTail(verification);
            Path seals = sealsFile != null ? sealsFile : file.resolveSibling(file.getFileName() + RunOutputs.SEALS);
            if (sealPublicKey == null) {
                out.println(intact);
                out.println(file + ": seal not checked (give --seal-pub PUB.pem"
                        + (Files.exists(seals) ? "; its seals are in " + seals : "") + ")");
                out.flush();
                return ExitCodes.OK;
            }
            PublicKey key = SealKeys.readPublic(sealPublicKey, "--seal-pub");
            if (!Files.exists(seals)) {
                out.println(intact);
                out.println(file + ": NOT sealed: there is no seals file " + seals);
                out.flush();
                return ExitCodes.FINDINGS;
            }
            JournalSeals.Check check;
            try {
                check = JournalSeals.check(CliFiles.read(file), CliFiles.read(seals), key);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--seal-pub: " + sealPublicKey + ": " + e.getMessage(), e);
            }
            out.println(intact);
            if (check.problem().isPresent()) {
                out.println(file + ": NOT sealed: " + printable(check.problem().get())
                        + (check.seals().isEmpty()
                                ? " (no seal checks)"
                                : " (" + check.seals().size() + " seals check, covering lines 1-" + check.sealedLines()
                                        + ")"));
                out.flush();
                return ExitCodes.FINDINGS;
            }
            out.println(file + ": sealed: every line is covered by the end seal; "
                    + check.seals().size()
                    + " seals verify with key " + JournalSeals.keyId(key).substring(0, 16) + "..."
                    + (check.tornBytes() > 0
                            ? "; a torn last seal of " + check.tornBytes() + " bytes is ignored"
                            : ""));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code smki journal show FILE}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {
                "Shows a procedure journal as a timeline: time, sequence number, actor, step (and item), outcome or"
                        + " refusal reason, and the payload summary.",
                "Lines after the first broken one are not shown."
            },
            footer = {"", "Exit codes: 0 intact, 1 broken, 2 unreadable or empty (one line on stderr)."})
    static final class Show implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The journal file.")
        private Path file;

        @Override
        public Integer call() {
            JournalVerification verification = read(file);
            PrintWriter out = spec.commandLine().getOut();
            verification
                    .header()
                    .ifPresent(header -> out.println("Journal of " + printable(header.procedure()) + " (definition "
                            + header.definitionHash().substring(0, 12) + "), created " + header.created()
                            + (header.note().isEmpty()
                                    ? ""
                                    : "  " + printable(header.note().toString()))));
            List<JournalEntry> entries = verification.entries();
            int actorWidth = width(entries.stream().map(e -> e.actor().role()).toList(), "ACTOR");
            int stepWidth =
                    width(entries.stream().map(JournalEntry::stepAndItem).toList(), "STEP");
            int seqWidth =
                    width(entries.stream().map(e -> Long.toString(e.sequence())).toList(), "SEQ");
            int timeWidth = width(entries.stream().map(e -> e.time().toString()).toList(), "TIME");
            String row = "%-" + timeWidth + "s  %" + seqWidth + "s  %-" + actorWidth + "s  %-" + stepWidth + "s  %s%n";
            out.printf(row, "TIME", "SEQ", "ACTOR", "STEP", "OUTCOME");
            for (JournalEntry entry : entries) {
                String outcome = entry.accepted()
                        ? "accepted"
                        : "refused (" + entry.refusal().orElseThrow() + "): "
                                + printable(entry.reason().orElseThrow());
                String payload = entry.payload().isEmpty() ? "" : "  " + entry.payload();
                out.printf(
                        row,
                        entry.time(),
                        entry.sequence(),
                        entry.actor(),
                        printable(entry.stepAndItem()),
                        outcome + payload);
            }
            long accepted = entries.stream().filter(JournalEntry::accepted).count();
            if (!verification.isIntact()) {
                out.println(brokenLine(file, verification));
                out.flush();
                return ExitCodes.FINDINGS;
            }
            out.println(entries.size() + " attempts: " + accepted + " accepted, " + (entries.size() - accepted)
                    + " refused" + tornTail(verification));
            out.flush();
            return ExitCodes.OK;
        }

        private static int width(List<String> values, String heading) {
            return Math.max(
                    heading.length(),
                    values.stream().mapToInt(String::length).max().orElse(0));
        }
    }
}
