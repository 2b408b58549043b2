package dev.smki.recovery.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.internal.canonical.CanonicalJson;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Refusal;
import dev.smki.recovery.workflow.StepId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes and reads journal lines: JSON objects in a fixed field order, pure ASCII, each ending with the SHA-256
 * of its own bytes before the hash field.
 */
final class JournalFormat {

    /** The value of the header's {@code journal} field. */
    static final String FORMAT = "smki-procedure-journal";

    /** The format version this code writes and reads. */
    static final int VERSION = 1;

    /** The {@code prev} of the header: no line comes before it. */
    static final String NO_HASH = "0".repeat(64);

    private static final byte[] HASH_FIELD = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_SUFFIX_LENGTH = HASH_FIELD.length + 64 + 2; // ,"hash":"<64 hex>"}
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> HEADER_FIELDS =
            Set.of("journal", "version", "seq", "procedure", "definition", "created", "note", "prev", "hash");
    private static final Set<String> ENTRY_FIELDS = Set.of(
            "seq", "time", "step", "item", "actor", "outcome", "refusal", "rule", "guard", "reason", "payload", "prev",
            "hash");

    private JournalFormat() {}

    /** A line ready to append, with the entry or header it encodes. */
    record Encoded<T>(byte[] line, T value) {}

    static Encoded<JournalHeader> header(
            String procedure, String definitionHash, Instant created, PayloadSummary note) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = CanonicalJson.generator(out)) {
            json.writeStartObject();
            json.writeStringField("journal", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeNumberField("seq", 0);
            json.writeStringField("procedure", procedure);
            json.writeStringField("definition", definitionHash);
            json.writeStringField("created", created.toString());
            if (!note.isEmpty()) {
                writeSummary(json, "note", note);
            }
            json.writeStringField("prev", NO_HASH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] prefix = out.toByteArray();
        String hash = CanonicalJson.sha256Hex(prefix);
        return new Encoded<>(seal(prefix, hash), new JournalHeader(procedure, definitionHash, created, note, hash));
    }

    static Encoded<JournalEntry> entry(
            long sequence, Instant time, Attempt attempt, Optional<Refusal> refusal, String previousHash) {
        PayloadSummary summary = attempt.payload().summary();
        Optional<RuleId> rule = refusal.flatMap(Refusal::rule);
        Optional<String> guard = refusal.filter(r -> r instanceof Refusal.GuardFailed)
                .map(r -> ((Refusal.GuardFailed) r).guard().name());
        Optional<String> reason = refusal.map(Refusal::message);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = CanonicalJson.generator(out)) {
            json.writeStartObject();
            json.writeNumberField("seq", sequence);
            json.writeStringField("time", time.toString());
            json.writeStringField("step", attempt.step().value());
            if (attempt.item().isPresent()) {
                json.writeStringField("item", attempt.item().get());
            }
            json.writeStringField("actor", attempt.actor().role());
            json.writeStringField("outcome", refusal.isPresent() ? "REFUSED" : "ACCEPTED");
            if (refusal.isPresent()) {
                json.writeStringField("refusal", refusal.get().kind().name());
            }
            if (rule.isPresent()) {
                json.writeStringField("rule", rule.get().value());
                json.writeStringField("guard", guard.orElseThrow());
            }
            if (reason.isPresent()) {
                json.writeStringField("reason", reason.get());
            }
            writeSummary(json, "payload", summary);
            json.writeStringField("prev", previousHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] prefix = out.toByteArray();
        String hash = CanonicalJson.sha256Hex(prefix);
        JournalEntry entry = new JournalEntry(
                sequence,
                time,
                attempt.step(),
                attempt.item(),
                attempt.actor(),
                refusal.isEmpty(),
                refusal.map(Refusal::kind),
                rule,
                guard,
                reason,
                summary,
                previousHash,
                hash);
        return new Encoded<>(seal(prefix, hash), entry);
    }

    private static void writeSummary(JsonGenerator json, String field, PayloadSummary summary) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : summary.asMap().entrySet()) {
            json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }

    private static byte[] seal(byte[] prefix, String hash) {
        byte[] line = new byte[prefix.length + HASH_SUFFIX_LENGTH + 1];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        int at = prefix.length;
        System.arraycopy(HASH_FIELD, 0, line, at, HASH_FIELD.length);
        at += HASH_FIELD.length;
        byte[] hex = hash.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, line, at, hex.length);
        at += hex.length;
        line[at++] = '"';
        line[at++] = '}';
        line[at] = '\n';
        return line;
    }

    /** Checks every line of {@code content}; see {@link JournalVerification}. */
    static JournalVerification verify(byte[] content) {
        int position = 0;
        int lineNumber = 0;
        String previous = NO_HASH;
        JournalHeader header = null;
        List<JournalEntry> entries = new ArrayList<>();
        while (true) {
            int end = indexOf(content, (byte) '\n', position);
            if (end < 0) {
                break;
            }
            lineNumber++;
            String sealProblem = checkSeal(content, position, end);
            String problem = sealProblem;
            Object parsed = null;
            if (problem == null) {
                try {
                    parsed = parse(content, position, end, lineNumber, previous);
                } catch (MalformedLine e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                return new JournalVerification(
                        lineNumber - 1,
                        Optional.ofNullable(header),
                        entries,
                        Optional.of(new JournalVerification.Break(lineNumber, problem)),
                        Optional.empty(),
                        previous,
                        position);
            }
            if (parsed instanceof JournalHeader h) {
                header = h;
                previous = h.hash();
            } else {
                JournalEntry entry = (JournalEntry) parsed;
                entries.add(entry);
                previous = entry.hash();
            }
            position = end + 1;
        }
        Optional<JournalVerification.Break> strayBytes = Optional.empty();
        Optional<JournalVerification.TornTail> torn = Optional.empty();
        if (position < content.length) {
            int completeEnd = completeLineEnd(content, position);
            if (completeEnd >= 0 && completeEnd < content.length) {
                strayBytes = Optional.of(new JournalVerification.Break(
                        lineNumber + 1,
                        "the line is complete but followed by " + (content.length - completeEnd)
                                + " stray bytes and no newline"));
            } else {
                torn = Optional.of(new JournalVerification.TornTail(lineNumber + 1, content.length - position));
            }
        }
        return new JournalVerification(
                lineNumber, Optional.ofNullable(header), entries, strayBytes, torn, previous, position);
    }

    /** Returns null when the line from {@code start} to {@code end} ends with its own correct hash. */
    private static String checkSeal(byte[] content, int start, int end) {
        int suffix = end - HASH_SUFFIX_LENGTH;
        if (suffix < start + 1 || !hasSeal(content, suffix, end)) {
            return "the line does not end with its hash";
        }
        String stated = new String(content, suffix + HASH_FIELD.length, 64, StandardCharsets.US_ASCII);
        if (!stated.equals(CanonicalJson.sha256Hex(content, start, suffix - start))) {
            return "the line does not match its hash: it was edited";
        }
        return null;
    }

    private static boolean hasSeal(byte[] content, int suffix, int end) {
        for (int i = 0; i < HASH_FIELD.length; i++) {
            if (content[suffix + i] != HASH_FIELD[i]) {
                return false;
            }
        }
        for (int i = suffix + HASH_FIELD.length; i < end - 2; i++) {
            byte b = content[i];
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
                return false;
            }
        }
        return content[end - 2] == '"' && content[end - 1] == '}';
    }

    /**
     * Returns the end of the first complete, correctly hashed line within the unterminated tail from {@code
     * start}, or -1 when the tail holds none (it is then a torn line).
     */
    private static int completeLineEnd(byte[] content, int start) {
        for (int at = indexOf(content, HASH_FIELD[0], start); at >= 0; at = indexOf(content, HASH_FIELD[0], at + 1)) {
            int end = at + HASH_SUFFIX_LENGTH;
            if (end <= content.length && hasSeal(content, at, end) && checkSeal(content, start, end) == null) {
                return end;
            }
        }
        return -1;
    }

    private static Object parse(byte[] content, int start, int end, int lineNumber, String previous)
            throws MalformedLine {
        JsonNode node;
        try {
            node = READER.readTree(content, start, end - start);
        } catch (IOException e) {
            throw new MalformedLine("the line is not a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedLine("the line is not a JSON object");
        }
        if (!previous.equals(text(node, "prev"))) {
            throw new MalformedLine("the line does not follow line " + (lineNumber - 1)
                    + " (its prev hash differs): a line was inserted, deleted or reordered here");
        }
        boolean isHeader = node.has("journal");
        if (lineNumber == 1 && !isHeader) {
            throw new MalformedLine("the line is not a journal header");
        }
        if (lineNumber > 1 && isHeader) {
            throw new MalformedLine("the line is a second journal header");
        }
        long sequence = number(node, "seq");
        if (sequence != lineNumber - 1) {
            throw new MalformedLine("the line has sequence number " + sequence + ", not " + (lineNumber - 1));
        }
        try {
            return isHeader ? parseHeader(node) : parseEntry(node);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedLine("the line is malformed: " + e.getMessage());
        }
    }

    private static JournalHeader parseHeader(JsonNode node) throws MalformedLine {
        onlyFields(node, HEADER_FIELDS);
        if (!FORMAT.equals(text(node, "journal"))) {
            throw new MalformedLine("the line is not a journal header");
        }
        if (number(node, "version") != VERSION) {
            throw new MalformedLine(
                    "the journal is of format version " + node.get("version") + "; this reads version " + VERSION);
        }
        String definition = text(node, "definition");
        if (!isHash(definition)) {
            throw new MalformedLine("the header's definition is not a SHA-256");
        }
        PayloadSummary note = node.has("note") ? summary(node, "note") : PayloadSummary.empty();
        return new JournalHeader(
                text(node, "procedure"), definition, Instant.parse(text(node, "created")), note, text(node, "hash"));
    }

    private static JournalEntry parseEntry(JsonNode node) throws MalformedLine {
        onlyFields(node, ENTRY_FIELDS);
        String outcome = text(node, "outcome");
        boolean accepted;
        if (outcome.equals("ACCEPTED")) {
            accepted = true;
        } else if (outcome.equals("REFUSED")) {
            accepted = false;
        } else {
            throw new MalformedLine("the outcome is neither ACCEPTED nor REFUSED");
        }
        PayloadSummary payload = summary(node, "payload");
        Optional<String> item = optionalText(node, "item").map(Attempt::checkItem);
        return new JournalEntry(
                number(node, "seq"),
                Instant.parse(text(node, "time")),
                StepId.of(text(node, "step")),
                item,
                Actor.of(text(node, "actor")),
                accepted,
                optionalText(node, "refusal").map(Refusal.Kind::valueOf),
                optionalText(node, "rule").map(RuleId::of),
                optionalText(node, "guard"),
                optionalText(node, "reason"),
                payload,
                text(node, "prev"),
                text(node, "hash"));
    }

    private static PayloadSummary summary(JsonNode node, String field) throws MalformedLine {
        JsonNode object = node.get(field);
        if (object == null || !object.isObject()) {
            throw new MalformedLine("the line has no " + field + " object");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new MalformedLine(field + " field '" + entry.getKey() + "' is not a string");
            }
            entries.put(entry.getKey(), entry.getValue().textValue());
        }
        return PayloadSummary.of(entries);
    }

    private static void onlyFields(JsonNode node, Set<String> allowed) throws MalformedLine {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new MalformedLine("the line has an unknown field '" + name + "'");
            }
        }
    }

    private static String text(JsonNode node, String field) throws MalformedLine {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedLine("the line has no text field '" + field + "'");
        }
        return value.textValue();
    }

    private static Optional<String> optionalText(JsonNode node, String field) throws MalformedLine {
        return node.has(field) ? Optional.of(text(node, field)) : Optional.empty();
    }

    private static long number(JsonNode node, String field) throws MalformedLine {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new MalformedLine("the line has no whole-number field '" + field + "'");
        }
        return value.longValue();
    }

    private static boolean isHash(String text) {
        return text.length() == 64 && text.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    private static int indexOf(byte[] content, byte b, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A line that is sealed correctly but does not hold what a journal line must. */
    private static final class MalformedLine extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedLine(String message) {
            super(message, null, false, false);
        }
    }
}
