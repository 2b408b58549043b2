package dev.smki.recovery.rehearsal;

import dev.smki.recovery.journal.JournalHeader;
import dev.smki.recovery.journal.JournalVerification;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.PlanException;
import dev.smki.recovery.workflow.PayloadSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How a rehearsal's journal header carries its plan, so that the journal alone resumes it: the plan's YAML, deflated
 * and base64-encoded in numbered entries of the header's note ({@code plan.00}, {@code plan.01}, ...), with its
 * SHA-256 ({@code plan.sha256}), its name ({@code rehearsal}) and seed.
 */
final class PlanJournal {

    private static final int CHUNK = PayloadSummary.MAX_VALUE_LENGTH;
    private static final int MAX_CHUNKS = PayloadSummary.MAX_ENTRIES - 3;

    private PlanJournal() {}

    /**
     * Returns the header note recording {@code plan}.
     *
     * @throws PlanException when the plan is too large for a journal header
     */
    static PayloadSummary note(ExercisePlan plan) {
        String yaml = plan.toCanonicalYaml();
        String packed = Base64.getEncoder().encodeToString(deflate(yaml.getBytes(StandardCharsets.UTF_8)));
        int chunks = (packed.length() + CHUNK - 1) / CHUNK;
        if (chunks > MAX_CHUNKS) {
            throw new PlanException(
                    "plan",
                    "The plan is too large for a journal header: " + packed.length() + " characters packed, at most "
                            + MAX_CHUNKS * CHUNK,
                    null);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("rehearsal", plan.name().length() > CHUNK ? plan.name().substring(0, CHUNK) : plan.name());
        entries.put("seed", Long.toString(plan.seed()));
        entries.put("plan.sha256", sha256(yaml));
        for (int i = 0; i < chunks; i++) {
            entries.put(
                    String.format("plan.%02d", i),
                    packed.substring(i * CHUNK, Math.min(packed.length(), (i + 1) * CHUNK)));
        }
        return PayloadSummary.of(entries);
    }

    /**
     * Returns the plan the header of the rehearsal journal {@code journalFile} records.
     *
     * @throws ResumeException when the file is not an intact journal, has no header, or its header records no plan
     *     or a damaged one
     * @throws UncheckedIOException when the file cannot be read
     */
    static ExercisePlan read(Path journalFile) {
        JournalVerification verification;
        try {
            verification = JournalVerification.of(journalFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + journalFile, e);
        }
        if (!verification.isIntact()) {
            throw new ResumeException(
                    journalFile + " is broken at " + verification.firstBreak().orElseThrow());
        }
        JournalHeader header = verification
                .header()
                .orElseThrow(() -> new ResumeException(
                        journalFile + " holds no journal header, so no exercise plan: start the rehearsal again"));
        return plan(header.note().asMap());
    }

    /**
     * Returns the plan a header note records.
     *
     * @throws ResumeException when the note records no plan, or a damaged one
     */
    static ExercisePlan plan(Map<String, String> note) {
        StringBuilder packed = new StringBuilder();
        for (int i = 0; note.containsKey(String.format("plan.%02d", i)); i++) {
            packed.append(note.get(String.format("plan.%02d", i)));
        }
        if (packed.length() == 0) {
            throw new ResumeException(
                    "the journal's header records no exercise plan; it was not written by this version's rehearsal");
        }
        String yaml;
        try {
            yaml = new String(inflate(Base64.getDecoder().decode(packed.toString())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | DataFormatException e) {
            throw new ResumeException("the journal's header holds a damaged plan", e);
        }
        if (!sha256(yaml).equals(note.get("plan.sha256"))) {
            throw new ResumeException("the journal's header holds a plan that does not match its hash");
        }
        try {
            return ExercisePlan.parse(yaml, "the journal's plan");
        } catch (PlanException e) {
            throw new ResumeException(e.getMessage(), e);
        }
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] bytes) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new DataFormatException("truncated");
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
