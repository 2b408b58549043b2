package dev.smki.examples.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.smki.core.provenance.Citation;
import dev.smki.recovery.incident.RelevantSubscribers;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.procedures.DeviceCounts;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.rehearsal.Anomaly;
import dev.smki.recovery.rehearsal.RehearsalResult;
import dev.smki.recovery.rehearsal.TimelineEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The result of one recovery rehearsal as people read it: the JSON written by {@code --json} and the data
 * behind the HTML report of {@code --report}. Times are ISO-8601 instants of the rehearsal's simulated
 * clock; {@code durationMs} is the wall-clock time the rehearsal took, the only value that differs between
 * two runs with the same parameters (one of them interrupted and resumed, say).
 *
 * @param scenario the exercise plan rehearsed, such as {@code contingency}
 * @param seed the seed every key, device and failure came from
 * @param procedure the procedure run, such as {@code ROOT_OCA_COMPROMISE}
 * @param parameters the plan's main values (devices, quorum, failures, decision, mode, start, procedure, and
 *     each duration or setting that differs from the defaults), in name order: counts and shares as numbers, the
 *     rest (durations, quorum, names, settings) as text
 * @param devices the device counts at the end
 * @param subscribers the Relevant Subscribers, worked out and notified at N5, with their Party Categories
 * @param steps every attempted step, in journal order
 * @param anomalies refusals, failures and write-offs worth a reader's attention, each with its kind, count and
 *     detail ({@link Anomaly})
 * @param confidence how many attempts were at steps of each confidence (verified, observed, inferred,
 *     reconstructed, memory; none for a step without a source), most sure first
 * @param progress devices recovered over (simulated) time, oldest first
 * @param complete whether every step of the procedure is done, so the incident is closed
 * @param journal the journal file, as given
 * @param journalHead the SHA-256 of the journal's last line
 * @param durationMs the wall-clock duration in milliseconds
 */
public record RehearsalReport(
        String scenario,
        long seed,
        String procedure,
        Map<String, Object> parameters,
        Devices devices,
        Subscribers subscribers,
        List<Step> steps,
        List<Anomaly> anomalies,
        Map<String, Long> confidence,
        List<ProgressPoint> progress,
        boolean complete,
        String journal,
        String journalHead,
        long durationMs) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RehearsalReport {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(procedure, "procedure");
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(subscribers, "subscribers");
        steps = List.copyOf(steps);
        anomalies = List.copyOf(anomalies);
        confidence = Collections.unmodifiableMap(new LinkedHashMap<>(confidence));
        progress = List.copyOf(progress);
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(journalHead, "journalHead");
    }

    /**
     * Returns the report of {@code result}, journalled to {@code journal}, that took {@code durationMs}
     * milliseconds of wall-clock time.
     */
    public static RehearsalReport of(RehearsalResult result, String journal, long durationMs) {
        Objects.requireNonNull(result, "result");
        Map<String, Object> parameters = parameters(result.plan());
        DeviceCounts d = result.devices();
        Map<String, Long> confidence = new LinkedHashMap<>();
        result.attemptsByConfidence()
                .forEach((c, n) -> confidence.put(c.map(RehearsalReport::name).orElse("none"), n));
        return new RehearsalReport(
                result.plan().name(),
                result.plan().seed(),
                result.procedure(),
                parameters,
                new Devices(d.total(), d.relevant(), d.recovered(), d.writtenOff(), d.holdingCompromisedKey()),
                Subscribers.of(result.relevantSubscribers()),
                result.timeline().stream().map(Step::of).toList(),
                result.anomalies(),
                confidence,
                result.progress().stream()
                        .map(p ->
                                new ProgressPoint(p.at().toString(), p.phase(), p.recovered(), p.failed(), p.pending()))
                        .toList(),
                result.complete(),
                journal,
                result.journalHead(),
                durationMs);
    }

    /**
     * Returns the plan's main values, counts and shares as numbers: what a reader needs to tell two rehearsals apart, every duration and
     * setting that differs from the defaults included.
     */
    static Map<String, Object> parameters(ExercisePlan plan) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("procedure", plan.procedure().builtIn() + (plan.procedure().isExplicit() ? " (explicit steps)" : ""));
        p.put("mode", name(plan.mode()));
        p.put("devices", plan.fleet().devices());
        p.put("commissioned", plan.fleet().commissioned());
        p.put("uncontactable", plan.fleet().uncontactable());
        p.put("busy", plan.fleet().busy());
        p.put("retries", plan.fleet().retries());
        p.put("quorum", plan.custody().quorum().toString());
        p.put("decision", plan.decisions().mechanism().name());
        p.put("start", plan.start().toString());
        p.put("events", plan.events().size());
        Map<String, java.time.Duration> defaults = new LinkedHashMap<>();
        ProcedureSettings.defaults().durations().forEach(n -> defaults.put(n.name(), n.value()));
        plan.durations().forEach((name, value) -> {
            if (!value.equals(defaults.get(name))) {
                p.put("set." + name, value.toString());
            }
        });
        plan.settings().forEach((name, value) -> p.put("set." + name, value));
        return p;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Returns the report as an indented JSON object, its fields named as the components are. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A rehearsal report is always representable as JSON", e);
        }
    }

    /**
     * Writes the report as JSON to {@code file}, replacing it.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writeJson(Path file) {
        try {
            Files.writeString(file, toJson() + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * Device counts at the end of a rehearsal.
     *
     * @param total every device in the fleet
     * @param relevant the Relevant Devices of the incident
     * @param recovered relevant devices that accepted their command
     * @param writtenOff relevant devices written off with a reason
     * @param holdingCompromisedKey devices that still hold the compromised key in a trust-anchor cell
     */
    public record Devices(long total, long relevant, long recovered, long writtenOff, long holdingCompromisedKey) {}

    /**
     * The Relevant Subscribers of the incident.
     *
     * @param relevant how many there are
     * @param byCategory how many are in each SEC Party Category, by the category's name (such as {@code Large
     *     Suppliers})
     * @param list each, by name
     */
    public record Subscribers(long relevant, Map<String, Long> byCategory, List<Subscriber> list) {

        public Subscribers {
            byCategory = Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
            list = List.copyOf(list);
        }

        static Subscribers of(RelevantSubscribers subscribers) {
            Map<String, Long> byCategory = new LinkedHashMap<>();
            subscribers.byCategory().forEach((c, n) -> byCategory.put(c.title(), n));
            return new Subscribers(
                    subscribers.size(),
                    byCategory,
                    subscribers.subscribers().stream()
                            .map(s -> new Subscriber(
                                    s.name(),
                                    s.category().title(),
                                    s.reasons().stream()
                                            .map(RelevantSubscribers.Reason::slug)
                                            .toList(),
                                    s.devices()))
                            .toList());
        }
    }

    /**
     * One Relevant Subscriber.
     *
     * @param name the Subscriber, such as {@code supplier}
     * @param category its SEC Party Category, such as {@code Large Suppliers}
     * @param reasons why it is relevant: {@code subscriber-of-compromised-certificate}, {@code
     *     chains-to-compromised-key}, {@code devices-hold-compromised-key}
     * @param devices how many Relevant Devices are its own
     */
    public record Subscriber(String name, String category, List<String> reasons, long devices) {

        public Subscriber {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(category, "category");
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * One attempted step.
     *
     * @param seq its journal sequence number, from 1
     * @param id the step id, such as {@code C5}
     * @param item the item of a per-item step, such as a custodian's id; absent (no JSON field) otherwise
     * @param title the step's title
     * @param actor who attempted it
     * @param outcome {@code accepted} or {@code refused}
     * @param at when, on the rehearsal's clock
     * @param detail the refusal reason (naming the rule) or what the accepted step did, possibly empty
     * @param confidence how sure the project (or the plan) is of the step: verified, observed, inferred,
     *     reconstructed or memory; {@code none} for a step without a source
     * @param sources where the step comes from, such as {@code recovery.md §2.4 C5}
     */
    public record Step(
            long seq,
            String id,
            @JsonInclude(JsonInclude.Include.NON_NULL) String item,
            String title,
            String actor,
            String outcome,
            String at,
            String detail,
            String confidence,
            List<String> sources) {

        /** Returns the step attempted at {@code entry}. */
        static Step of(TimelineEntry entry) {
            return new Step(
                    entry.sequence(),
                    entry.step().value(),
                    entry.item().orElse(null),
                    entry.title(),
                    entry.actor().role(),
                    entry.accepted() ? "accepted" : "refused",
                    entry.time().toString(),
                    entry.accepted() ? entry.effect() : entry.outcome(),
                    entry.confidence().map(RehearsalReport::name).orElse("none"),
                    entry.sources().stream().map(Citation::toString).toList());
        }

        /** Returns whether the step was accepted. */
        public boolean accepted() {
            return "accepted".equals(outcome);
        }

        /** Returns {@code ID} or {@code ID[item]}. */
        public String idAndItem() {
            return item == null ? id : id + "[" + item + "]";
        }
    }

    /**
     * Devices recovered by a moment of the rehearsal.
     *
     * @param at the moment, on the rehearsal's clock
     * @param phase what the devices were being brought to: {@code scope} once the Relevant Devices are known,
     *     then the step sending commands, such as {@code C5}
     * @param recovered relevant devices recovered so far (in a sending: that executed its command)
     * @param failed relevant devices failed so far
     * @param pending relevant devices not yet done
     */
    public record ProgressPoint(String at, String phase, long recovered, long failed, long pending) {}
}
