package dev.smki.recovery.plan;

import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.KeyUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.procedures.ActorChoices;
import dev.smki.recovery.procedures.RecoveryKeyReplacement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
        Incident incident,
        ProcedurePlan procedure,
        Custody custody,
        Decisions decisions,
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
     * Returns the built-in plan {@code name} (one of {@link #BUILT_IN}).
     *
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

    /** Returns the YAML text of the built-in plan {@code name}, comments included. */
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
     * Returns the plan {@code text} says, {@code origin} naming it in problems (such as its file name).
     *
     * @throws PlanException listing every problem found, each with its line and column
     */
    public static ExercisePlan parse(String text, String origin) {
        return PlanReader.read(text, origin);
    }

    /**
     * Returns the plan in {@code file}.
     *
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

    /** Returns the plan as commented YAML; parsing it gives an equal plan, and writing that the same text. */
    public String toYaml() {
        return PlanWriter.write(this, false);
    }

    /**
     * Returns the plan's canonical text: its YAML without comments, which parses to an equal plan; what a journal
     * records.
     */
    public String toCanonicalYaml() {
        return PlanWriter.canonical(this);
    }

    /**
     * Returns the plan as commented YAML with the procedure's full step list written out, so that a planner can
     * reorder it.
     */
    public String toExpandedYaml() {
        return PlanWriter.write(this, true);
    }

    /** Returns a copy with {@code newSeed}. */
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

    /** Returns a copy with {@code newFleet}. */
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

    /** Returns a copy with {@code count} Devices. */
    public ExercisePlan withDevices(int count) {
        return withFleet(fleet.withDevices(count));
    }

    /** Returns a copy with {@code share} of the Devices commissioned. */
    public ExercisePlan withCommissionedShare(double share) {
        return withFleet(new FleetPlan(
                fleet.devices(), fleet.mix(), share, fleet.uncontactable(), fleet.busy(), fleet.retries()));
    }

    /**
     * Returns a copy injecting these failures into device updates: {@code uncontactable} Devices, {@code busy}
     * attempts, {@code retries}.
     */
    public ExercisePlan withFailures(double uncontactable, double busy, int retries) {
        return withFleet(fleet.withFailures(uncontactable, busy, retries));
    }

    /** Returns a copy in which the SMKI PMA decides {@code mechanism} at D3. */
    public ExercisePlan withDecision(RecoveryMechanism mechanism) {
        return withDecisions(decisions.withMechanism(mechanism));
    }

    /** Returns a copy with the custody quorum {@code quorum}: its default roster and attendance. */
    public ExercisePlan withQuorum(Quorum quorum) {
        ExercisePlan.Custody defaults = Custody.of(quorum);
        return withCustody(new Custody(
                quorum,
                defaults.custodians(),
                custody.noticeLeadTime(),
                custody.lateBy(),
                custody.reconvene(),
                custody.reconveneAfter(),
                defaults.attendance()));
    }

    /** Returns a copy in which duration {@code duration} (a {@code T_*} deadline or {@code pace.STEP}) is {@code value}. */
    public ExercisePlan withDuration(String duration, Duration value) {
        Map<String, Duration> changed = new LinkedHashMap<>(durations);
        changed.put(duration, value);
        return withSettings(changed, settings);
    }

    /** Returns a copy with the procedure setting {@code setting} (such as {@code recoveryKey.policy}) set to {@code value}. */
    public ExercisePlan withSetting(String setting, String value) {
        Map<String, String> changed = new LinkedHashMap<>(settings);
        changed.put(setting, value);
        return withSettings(durations, changed);
    }

    /** Returns a copy injecting no failures into device updates. */
    public ExercisePlan withoutFailures() {
        return withFleet(new FleetPlan(fleet.devices(), fleet.mix(), fleet.commissioned(), 0, 0, fleet.retries()));
    }

    /** Returns a copy with {@code newCustody}. */
    public ExercisePlan withCustody(Custody newCustody) {
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

    /** Returns a copy with {@code newDecisions}. */
    public ExercisePlan withDecisions(Decisions newDecisions) {
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

    /** Returns a copy with {@code newProcedure}. */
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

    /** Returns a copy with the durations and settings of {@code newDurations} and {@code newSettings}. */
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

    /** Returns a copy with {@code newEvents}. */
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

    /**
     * Which key is compromised or suspected.
     *
     * @param compromised the kind of key; empty for an exercise with no compromise
     * @param role the Remote Party Role whose key it is
     * @param usage the key usage of its certificate
     * @param credentials every Organisation Certificate compromised together, for a multi-cell compromise (such as
     *     {@code supplier-ds}, {@code supplier-ka}, {@code supplier-ka-topup}); empty for the one of role and usage
     */
    public record Incident(
            Optional<CompromisedKey> compromised,
            RemotePartyRole role,
            KeyUsage usage,
            List<OrganisationCredential> credentials) {

        public Incident {
            Objects.requireNonNull(compromised, "compromised");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(usage, "usage");
            credentials = List.copyOf(credentials);
        }
    }

    /**
     * The procedure: a built-in one by name, with who does the steps that allow several actors; or an explicit list of
     * steps, whose definitions (guards, effects, titles) come from the built-in one where their ids are its steps'.
     *
     * @param builtIn the built-in procedure's name, such as {@code contingency}; with explicit steps, the one their
     *     definitions come from
     * @param actors who does a step, by step id, where the plan chooses among the actors it allows
     * @param steps the explicit step list; empty to run the built-in procedure as defined
     */
    public record ProcedurePlan(String builtIn, Map<String, String> actors, List<StepPlan> steps) {

        public ProcedurePlan {
            Objects.requireNonNull(builtIn, "builtIn");
            actors = Collections.unmodifiableMap(new LinkedHashMap<>(actors));
            steps = List.copyOf(steps);
        }

        /** Returns whether the plan lists its steps explicitly. */
        public boolean isExplicit() {
            return !steps.isEmpty();
        }
    }

    /**
     * One step of an explicit procedure.
     *
     * @param id the step id, such as {@code C8}
     * @param actor who does it, such as {@code DCC}
     * @param after the ids of the steps it waits for
     * @param title what it does; empty to take the built-in step's title
     * @param source where it comes from; empty to take the built-in step's sources
     * @param confidence how sure the planner is of it; empty to take the built-in step's
     */
    public record StepPlan(
            String id,
            String actor,
            List<String> after,
            Optional<String> title,
            Optional<String> source,
            Optional<Confidence> confidence) {

        public StepPlan {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            after = List.copyOf(after);
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(confidence, "confidence");
        }
    }

    /**
     * The Key Custodians, their quorum and attendance.
     *
     * @param quorum the quorum M of N; N custodians are on the roster
     * @param custodians the roster
     * @param noticeLeadTime how long before the first session the custodians are notified (from T1.notify, or from
     *     the start when the procedure has no notification step)
     * @param lateBy how late a late custodian arrives: after the first attempt to activate the key
     * @param reconvene whether the custodians meet again at a later session when the quorum is not reached
     * @param reconveneAfter how long after a failed session the next one is held
     * @param attendance who comes to which session, and how
     */
    public record Custody(
            Quorum quorum,
            List<CustodianPlan> custodians,
            Duration noticeLeadTime,
            Duration lateBy,
            boolean reconvene,
            Duration reconveneAfter,
            List<Attendance> attendance) {

        public Custody {
            Objects.requireNonNull(quorum, "quorum");
            custodians = List.copyOf(custodians);
            Objects.requireNonNull(noticeLeadTime, "noticeLeadTime");
            Objects.requireNonNull(lateBy, "lateBy");
            Objects.requireNonNull(reconveneAfter, "reconveneAfter");
            attendance = List.copyOf(attendance);
        }

        /** Returns the default custody for {@code quorum}: N custodians KC-01.., the first M attending session 1. */
        public static Custody of(Quorum quorum) {
            List<CustodianPlan> roster = new java.util.ArrayList<>();
            List<Attendance> attending = new java.util.ArrayList<>();
            for (int i = 1; i <= quorum.n(); i++) {
                String id = String.format(java.util.Locale.ROOT, "KC-%02d", i);
                roster.add(new CustodianPlan(id, "Party " + (char) ('A' + (i - 1) % 26)));
                if (i <= quorum.m()) {
                    attending.add(new Attendance(id, 1, AttendanceOutcome.ATTENDS));
                }
            }
            return new Custody(
                    quorum, roster, Duration.ZERO, Duration.ofHours(1), false, Duration.ofDays(1), attending);
        }

        /** Returns a copy with {@code newAttendance}. */
        public Custody withAttendance(List<Attendance> newAttendance) {
            return new Custody(quorum, custodians, noticeLeadTime, lateBy, reconvene, reconveneAfter, newAttendance);
        }

        /** Returns a copy that does (or does not) reconvene. */
        public Custody withReconvene(boolean again) {
            return new Custody(quorum, custodians, noticeLeadTime, lateBy, again, reconveneAfter, attendance);
        }
    }

    /**
     * A Key Custodian on the roster.
     *
     * @param id the custodian's id, such as {@code KC-01}
     * @param party the SEC Party that employs them
     */
    public record CustodianPlan(String id, String party) {

        public CustodianPlan {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(party, "party");
        }
    }

    /**
     * One custodian's attendance at one session.
     *
     * @param custodian the custodian's id
     * @param session the session, from 1
     * @param outcome how they attend
     */
    public record Attendance(String custodian, int session, AttendanceOutcome outcome) {

        public Attendance {
            Objects.requireNonNull(custodian, "custodian");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** How a custodian attends a session. */
    public enum AttendanceOutcome {
        /** On time, with their own shares. */
        ATTENDS,
        /** After the first attempt to activate the key; the activation is tried again once they present. */
        LATE,
        /** Does not come. */
        NO_SHOW,
        /** Ceased to be a Key Custodian before the session; their attendance is refused (REC-2). */
        CEASED,
        /** Presents a share that is not theirs; refused (CUS-1). */
        WRONG_SHARE;

        /** Returns the name in a plan: {@code attends}, {@code late}, {@code no-show}, {@code ceased}, ... */
        public String planName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What the actors decide.
     *
     * @param mechanism what the SMKI PMA decides at D3; it may depart from the Guidance's advice
     * @param guidance the SMKI PMA's answer to each Recovery Key Guidance factor at D2, by factor id
     * @param confirmationMechanism how the DCC confirms the compromise at N3
     * @param confirmedWith whom or what with
     * @param directionUse the use a Recovery Key Direction names (RKD1), such as replacing a cell on the Devices
     *     still holding a certificate
     * @param directionWindow how long after the direction the DCC may activate and use the key (RKD3, RKD4)
     * @param afterUse whether the Recovery key is reused or replaced after use (RK0, a reconstructed policy)
     * @param afterUseReason why
     * @param authorisingKey which key the SMKI PMA authorises at RK2
     * @param solrEnd what ends a Supplier of Last Resort delay at S6
     */
    public record Decisions(
            RecoveryMechanism mechanism,
            Map<String, Boolean> guidance,
            String confirmationMechanism,
            String confirmedWith,
            String directionUse,
            Duration directionWindow,
            RecoveryKeyReplacement.Outcome afterUse,
            String afterUseReason,
            RecoveryKeyReplacement.AuthorisingKey authorisingKey,
            SolrEndCondition solrEnd) {

        public Decisions {
            Objects.requireNonNull(mechanism, "mechanism");
            guidance = Collections.unmodifiableMap(new LinkedHashMap<>(guidance));
            Objects.requireNonNull(confirmationMechanism, "confirmationMechanism");
            Objects.requireNonNull(confirmedWith, "confirmedWith");
            Objects.requireNonNull(directionUse, "directionUse");
            Objects.requireNonNull(directionWindow, "directionWindow");
            Objects.requireNonNull(afterUse, "afterUse");
            Objects.requireNonNull(afterUseReason, "afterUseReason");
            Objects.requireNonNull(authorisingKey, "authorisingKey");
            Objects.requireNonNull(solrEnd, "solrEnd");
        }

        /** Returns a copy deciding {@code newMechanism} at D3. */
        public Decisions withMechanism(RecoveryMechanism newMechanism) {
            return new Decisions(
                    newMechanism,
                    guidance,
                    confirmationMechanism,
                    confirmedWith,
                    directionUse,
                    directionWindow,
                    afterUse,
                    afterUseReason,
                    authorisingKey,
                    solrEnd);
        }
    }

    /**
     * The simulated Devices and the failures injected into their updates.
     *
     * @param devices how many Devices, at least 1
     * @param mix the share of each Device type in thousandths, summing to 1000
     * @param commissioned the share of Devices commissioned, 0 to 1
     * @param uncontactable the share of Relevant Devices that never answer, 0 to 1
     * @param busy the chance that one attempt finds a Device busy, 0 to 0.95
     * @param retries how many times a failed update is retried before the Device is written off, 0 to {@link
     *     #MAX_RETRIES}
     */
    public record FleetPlan(
            int devices,
            Map<DeviceType, Integer> mix,
            double commissioned,
            double uncontactable,
            double busy,
            int retries) {

        /**
         * The most retries of a failed update. Each retry waits twice as long as the one before, from 15 minutes of
         * simulated time, so the 16th waits about 341 days; more would run a rehearsal's clock past its certificates'
         * validity.
         */
        public static final int MAX_RETRIES = 16;

        public FleetPlan {
            mix = Collections.unmodifiableMap(new EnumMap<>(mix.isEmpty() ? Map.of(DeviceType.ESME, 1000) : mix));
        }

        /** Returns a copy with {@code count} Devices. */
        public FleetPlan withDevices(int count) {
            return new FleetPlan(count, mix, commissioned, uncontactable, busy, retries);
        }

        /** Returns a copy injecting {@code newUncontactable}, {@code newBusy} and {@code newRetries}. */
        public FleetPlan withFailures(double newUncontactable, double newBusy, int newRetries) {
            return new FleetPlan(devices, mix, commissioned, newUncontactable, newBusy, newRetries);
        }
    }

    /**
     * An event the rehearsal injects just before the first attempt at step {@code at}.
     *
     * @param kind what happens
     * @param at the step before whose first attempt it happens
     * @param lasting how long an HSM failure lasts
     * @param role whose key a second compromise is of, or whose SoLR event overlaps
     * @param usage the key usage of a second compromise
     */
    public record InjectedEvent(EventKind kind, String at, Duration lasting, RemotePartyRole role, KeyUsage usage) {

        public InjectedEvent {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(lasting, "lasting");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(usage, "usage");
        }
    }

    /** The events a plan can inject. */
    public enum EventKind {
        /** The HSM fails every key activation for a while (CUS-5); the activation is tried again when it ends. */
        HSM_ACTIVATION_FAILURE,
        /** Another key is found compromised during the recovery; it needs an incident of its own. */
        SECOND_COMPROMISE,
        /** A Supplier of Last Resort event opens, its revocations delayed by the SMKI PMA (Section L16). */
        SOLR_OVERLAP;

        /** Returns the name in a plan: {@code hsm-activation-failure}, ... */
        public String planName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
