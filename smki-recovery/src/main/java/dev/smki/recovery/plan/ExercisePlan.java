package dev.smki.recovery.plan;

import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.procedures.ActorChoices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An exercise plan: everything a rehearsal needs, as a planner writes it in YAML. The incident (which key is
 * compromised or suspected), the procedure (a built-in one by name, or an explicit list of steps with who does each and
 * what each waits for), custody (the quorum, the roster, the notice lead time, who attends which session and how),
 * the SMKI PMA's decisions (which may depart from the Recovery Key Guidance), the fleet, every duration, the events
 * injected and the exercise mode. Immutable.
 *
 * <p>The built-in scenarios are plans shipped as resources ({@link #builtIn}); {@code smki plan init} prints them.
 * {@link #parse} reads a plan, reporting every problem with its line and column ({@link PlanException}); {@link
 * #toYaml} writes one, with comments, such that parsing the text gives an equal plan and writing that gives the same
 * bytes.
 *
 * @param name the plan's name, such as {@code contingency}: names the incident and the default journal
 * @param description one line saying what the plan rehearses
 * @param mode whether an exercise runs live on test Devices or with a test key
 * @param seed the seed of every key, Device and injected failure
 * @param start when the simulated clock starts
 * @param incident which key is compromised or suspected
 * @param procedure the procedure: built in, or an explicit list of steps
 * @param custody the Key Custodians, their quorum and attendance
 * @param decisions what the actors decide
 * @param fleet the simulated Devices and the failures injected into their updates
 * @param durations every duration: {@code T_*} deadlines and {@code pace.*} step durations
 * @param settings the other procedure settings, as {@code ProcedureSettings} properties (omit, confirmation
 *     mechanisms, Recovery key policy, Guidance)
 * @param events the events injected during the rehearsal
 */
public record ExercisePlan(
        String name,
        String description,
        ActorChoices.ExerciseMode mode,
        long seed,
        Instant start,
        IncidentPlan incident,
        ProcedurePlan procedure,
        CustodyPlan custody,
        DecisionsPlan decisions,
        FleetPlan fleet,
        Map<String, Duration> durations,
        Map<String, String> settings,
        List<InjectedEvent> events) {

    /** The names of the built-in plans, the default first. */
    public static final List<String> BUILT_IN = List.of(
            "contingency",
            "contingency-reissue-first",
            "method-1",
            "recovery-key",
            "network-operator-key",
            "acb-key",
            "wan-provider-key",
            "transitional-cos-key",
            "multi-cell",
            "issuing-oca-key",
            "recovery-key-compromise",
            "contingency-key",
            "recovery-key-direction",
            "recovery-key-replacement",
            "solr",
            "notify-only",
            "live-exercise");

    /**
     * Checks the components.
     *
     * @param name the plan's name, such as {@code contingency}: names the incident and the default journal
     * @param description one line saying what the plan rehearses
     * @param mode whether an exercise runs live on test Devices or with a test key
     * @param seed the seed of every key, Device and injected failure
     * @param start when the simulated clock starts
     * @param incident which key is compromised or suspected
     * @param procedure the procedure: built in, or an explicit list of steps
     * @param custody the Key Custodians, their quorum and attendance
     * @param decisions what the actors decide
     * @param fleet the simulated Devices and the failures injected into their updates
     * @param durations every duration: {@code T_*} deadlines and {@code pace.*} step durations
     * @param settings the other procedure settings, as {@code ProcedureSettings} properties (omit, confirmation
     *     mechanisms, Recovery key policy, Guidance)
     * @param events the events injected during the rehearsal
     * @throws NullPointerException when a component is null
     */
    public ExercisePlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(custody, "custody");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(fleet, "fleet");
        durations = Collections.unmodifiableMap(new LinkedHashMap<>(durations));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        events = List.copyOf(events);
    }

    /**
     * {@return the built-in plan {@code name} (one of {@link #BUILT_IN})}
     *
     * @param name the name
     * @throws PlanException naming the built-in plans when there is none of that name
     */
    public static ExercisePlan builtIn(String name) {
        Objects.requireNonNull(name, "name");
        String key = name.trim().toLowerCase(java.util.Locale.ROOT);
        if (!BUILT_IN.contains(key)) {
            throw new PlanException("name", "Unknown scenario '" + name + "' (expected one of " + BUILT_IN + ")", null);
        }
        return parse(builtInText(key), "built-in plan " + key);
    }

    /**
     * {@return the YAML text of the built-in plan {@code name}, comments included}
     *
     * @param name the name
     */
    public static String builtInText(String name) {
        String resource = "/dev/smki/recovery/plan/" + name + ".yaml";
        try (InputStream in = ExercisePlan.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No built-in plan " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /**
     * {@return the plan {@code text} says, {@code origin} naming it in problems (such as its file name)}
     *
     * @param text the text
     * @param origin where the text comes from, such as its file name
     * @throws PlanException listing every problem found, each with its line and column
     */
    public static ExercisePlan parse(String text, String origin) {
        return PlanReader.read(text, origin);
    }

    /**
     * {@return the plan in {@code file}}
     *
     * @param file the file
     * @throws PlanException listing every problem found, each with its line and column
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ExercisePlan read(Path file) {
        try {
            return parse(java.nio.file.Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** {@return the plan as commented YAML; parsing it gives an equal plan, and writing that the same text} */
    public String toYaml() {
        return PlanWriter.write(this, false);
    }

    /**
     * {@return the plan's canonical text: its YAML without comments, which parses to an equal plan; what a journal
     * records}
     */
    public String toCanonicalYaml() {
        return PlanWriter.canonical(this);
    }

    /**
     * {@return the plan as commented YAML with the procedure's full step list written out, so that a planner can
     * reorder it}
     */
    public String toExpandedYaml() {
        return PlanWriter.write(this, true);
    }

    /**
     * {@return a copy with {@code newSeed}}
     *
     * @param newSeed the seed
     */
    public ExercisePlan withSeed(long newSeed) {
        return new ExercisePlan(
                name,
                description,
                mode,
                newSeed,
                start,
                incident,
                procedure,
                custody,
                decisions,
                fleet,
                durations,
                settings,
                events);
    }

    /**
     * {@return a copy with {@code newFleet}}
     *
     * @param newFleet the fleet
     */
    public ExercisePlan withFleet(FleetPlan newFleet) {
        return new ExercisePlan(
                name,
                description,
                mode,
                seed,
                start,
                incident,
                procedure,
                custody,
                decisions,
                newFleet,
                durations,
                settings,
                events);
    }

    /**
     * {@return a copy with {@code count} Devices}
     *
     * @param count how many
     */
    public ExercisePlan withDevices(int count) {
        return withFleet(fleet.withDevices(count));
    }

    /**
     * {@return a copy with {@code share} of the Devices commissioned}
     *
     * @param share the share of Devices commissioned, 0 to 1
     */
    public ExercisePlan withCommissionedShare(double share) {
        return withFleet(new FleetPlan(
                fleet.devices(), fleet.mix(), share, fleet.uncontactable(), fleet.busy(), fleet.retries()));
    }

    /**
     * {@return a copy injecting these failures into device updates: {@code uncontactable} Devices, {@code busy}
     * attempts, {@code retries}}
     *
     * @param uncontactable the share of Devices that never answer, 0 to 1
     * @param busy the chance that an attempt finds a Device busy, 0 to 0.95
     * @param retries how many times a failed update is retried
     */
    public ExercisePlan withFailures(double uncontactable, double busy, int retries) {
        return withFleet(fleet.withFailures(uncontactable, busy, retries));
    }

    /**
     * {@return a copy in which the SMKI PMA decides {@code mechanism} at D3}
     *
     * @param mechanism the mechanism
     */
    public ExercisePlan withDecision(RecoveryMechanism mechanism) {
        return withDecisions(decisions.withMechanism(mechanism));
    }

    /**
     * {@return a copy with the custody quorum {@code quorum}: its default roster and attendance}
     *
     * @param quorum the custody quorum
     */
    public ExercisePlan withQuorum(Quorum quorum) {
        CustodyPlan defaults = CustodyPlan.of(quorum);
        return withCustody(new CustodyPlan(
                quorum,
                defaults.custodians(),
                custody.noticeLeadTime(),
                custody.lateBy(),
                custody.reconvene(),
                custody.reconveneAfter(),
                defaults.attendance()));
    }

    /**
     * {@return a copy in which duration {@code duration} (a {@code T_*} deadline or {@code pace.STEP}) is {@code
     * value}}
     *
     * @param duration the duration
     * @param value the value
     */
    public ExercisePlan withDuration(String duration, Duration value) {
        Map<String, Duration> changed = new LinkedHashMap<>(durations);
        changed.put(duration, value);
        return withSettings(changed, settings);
    }

    /**
     * {@return a copy with the procedure setting {@code setting} (such as {@code recoveryKey.policy}) set to {@code
     * value}}
     *
     * @param setting the setting
     * @param value the value
     */
    public ExercisePlan withSetting(String setting, String value) {
        Map<String, String> changed = new LinkedHashMap<>(settings);
        changed.put(setting, value);
        return withSettings(durations, changed);
    }

    /** {@return a copy injecting no failures into device updates} */
    public ExercisePlan withoutFailures() {
        return withFleet(new FleetPlan(fleet.devices(), fleet.mix(), fleet.commissioned(), 0, 0, fleet.retries()));
    }

    /**
     * {@return a copy with {@code newCustody}}
     *
     * @param newCustody the custody
     */
    public ExercisePlan withCustody(CustodyPlan newCustody) {
        return new ExercisePlan(
                name,
                description,
                mode,
                seed,
                start,
                incident,
                procedure,
                newCustody,
                decisions,
                fleet,
                durations,
                settings,
                events);
    }

    /**
     * {@return a copy with {@code newDecisions}}
     *
     * @param newDecisions the decisions
     */
    public ExercisePlan withDecisions(DecisionsPlan newDecisions) {
        return new ExercisePlan(
                name,
                description,
                mode,
                seed,
                start,
                incident,
                procedure,
                custody,
                newDecisions,
                fleet,
                durations,
                settings,
                events);
    }

    /**
     * {@return a copy with {@code newProcedure}}
     *
     * @param newProcedure the procedure
     */
    public ExercisePlan withProcedure(ProcedurePlan newProcedure) {
        return new ExercisePlan(
                name,
                description,
                mode,
                seed,
                start,
                incident,
                newProcedure,
                custody,
                decisions,
                fleet,
                durations,
                settings,
                events);
    }

    /**
     * {@return a copy with the durations and settings of {@code newDurations} and {@code newSettings}}
     *
     * @param newDurations the durations, by name
     * @param newSettings the procedure settings, as properties
     */
    public ExercisePlan withSettings(Map<String, Duration> newDurations, Map<String, String> newSettings) {
        return new ExercisePlan(
                name,
                description,
                mode,
                seed,
                start,
                incident,
                procedure,
                custody,
                decisions,
                fleet,
                newDurations,
                newSettings,
                events);
    }

    /**
     * {@return a copy with {@code newEvents}}
     *
     * @param newEvents the events injected
     */
    public ExercisePlan withEvents(List<InjectedEvent> newEvents) {
        return new ExercisePlan(
                name,
                description,
                mode,
                seed,
                start,
                incident,
                procedure,
                custody,
                decisions,
                fleet,
                durations,
                settings,
                newEvents);
    }
}
