package dev.smki.recovery.workflow;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.internal.canonical.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The definition hash of a procedure: the SHA-256 of its canonical form, a canonical JSON of its name, its steps (id,
 * title, phase, multiplicity, actors, prerequisites, guards by rule id, name, statement, source and confidence,
 * sources, confidence) and its deadlines. It identifies the definition in a journal's header.
 */
final class DefinitionHash {

    private DefinitionHash() {}

    /** Returns the SHA-256 of the canonical form of the procedure {@code name}, as 64 lower-case hex digits. */
    static <C> String of(String name, List<Step<C>> steps, List<Deadline> deadlines) {
        return CanonicalJson.sha256Hex(canonicalForm(name, steps, deadlines));
    }

    private static <C> byte[] canonicalForm(String name, List<Step<C>> steps, List<Deadline> deadlines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = CanonicalJson.generator(out)) {
            json.writeStartObject();
            json.writeStringField("procedure", name);
            json.writeArrayFieldStart("steps");
            for (Step<C> step : steps) {
                json.writeStartObject();
                json.writeStringField("id", step.id().value());
                json.writeStringField("title", step.title());
                json.writeStringField("phase", step.phase().name());
                json.writeStringField("multiplicity", step.multiplicity().name());
                writeStrings(
                        json, "actors", step.actors().stream().map(Actor::role).toList());
                writeStrings(
                        json,
                        "after",
                        step.prerequisites().stream().map(StepId::value).toList());
                json.writeArrayFieldStart("guards");
                for (Guard<C> guard : step.guards()) {
                    json.writeStartObject();
                    json.writeStringField("rule", guard.rule().value());
                    json.writeStringField("name", guard.name());
                    json.writeStringField("statement", guard.statement());
                    json.writeStringField("source", guard.source().toString());
                    json.writeStringField("confidence", guard.confidence().name());
                    json.writeEndObject();
                }
                json.writeEndArray();
                writeStrings(
                        json,
                        "sources",
                        step.sources().stream().map(Citation::toString).toList());
                json.writeStringField(
                        "confidence", step.confidence().map(Confidence::name).orElse(""));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("deadlines");
            for (Deadline deadline : deadlines) {
                json.writeStartObject();
                json.writeStringField("name", deadline.name());
                json.writeStringField("from", deadline.from().value());
                json.writeStringField("to", deadline.to().value());
                json.writeStringField("limit", deadline.limit().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
