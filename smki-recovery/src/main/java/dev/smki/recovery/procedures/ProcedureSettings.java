package dev.smki.recovery.procedures;

import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the recovery procedures assume and a user may change: every duration (deadlines between steps and how
 * long each step takes in a rehearsal), the reconstructed steps to leave out, the permitted mechanisms for
 * confirming a compromise, the Recovery Key Direction policy and the SMKI Recovery Key Guidance. Immutable.
 *
 * <p>No SEC time limit could be verified (recovery.md §2), so every duration is a {@link NamedDuration} of
 * confidence reconstructed. Two kinds of name exist: {@code T_*} deadlines, which the procedure definitions carry
 * (a breach is reported, never thrown), and {@code pace.STEP} durations, how long step {@code STEP} takes in a
 * rehearsal's simulated clock ({@code pace.default} for steps not named).
 *
 * <p>Settings are also read from properties ({@link #load}, {@link #withProperties}); ISO-8601 durations:
 *
 * <pre>
 * T_confirm=PT2H                       # any T_* or pace.* duration
 * pace.C6=P2D
 * omit=R8,N6                           # reconstructed (or memory) steps to leave out
 * confirmation.mechanisms=call-back to a nominated ARO|DCC's own detection
 * recoveryKey.policy=MUST_REPLACE      # MAY_REUSE, MUST_REPLACE or PMA_DECIDES
 * guidance.threshold=6                 # see RecoveryKeyGuidance#withProperties
 * </pre>
 */
public final class ProcedureSettings {

    /** The name of the pace of steps not given one: {@link DurationName#DEFAULT_PACE}, as text. */
    public static final String DEFAULT_PACE = DurationName.DEFAULT_PACE.value();

    /** The longest a step may take in a rehearsal: {@link DurationName#LONGEST_PACE}. */
    public static final Duration LONGEST_PACE = DurationName.LONGEST_PACE;

    /** The longest deadline: {@link DurationName#LONGEST_DEADLINE}. */
    public static final Duration LONGEST_DEADLINE = DurationName.LONGEST_DEADLINE;

    private static final List<NamedDuration> DEFAULT_DURATIONS = List.of(
            deadline("T_notify", "PT4H", "N1 to N2: from detecting a compromise to notifying the DCC"),
            deadline("T_confirm", "PT4H", "N2 to N3: from notification to the DCC's confirmation"),
            deadline("T_notifyPMA", "PT2H", "N3 to N4: from confirmation to notifying the SMKI PMA and Parties"),
            deadline("T_scope", "PT24H", "N3 to N5: from confirmation to knowing the Relevant Devices"),
            deadline("T_decide", "PT48H", "D1 to D3: from the SMKI PMA receiving the notification to its decision"),
            deadline("T_communicate", "PT2H", "D3 to D4: from the decision to communicating it"),
            deadline("T_convene", "PT48H", "from a decision requiring a key to its activation by the quorum"),
            deadline("T_newRoot", "PT24H", "C1 to C2: from the contingency decision to the new Root OCA"),
            deadline("T_deviceUpdates", "P7D", "from sending commands to every Relevant Device updated or written off"),
            deadline("T_progressReport", "PT24H", "from sending commands to the first Recovery Progress File"),
            deadline("T_revokeOldOca", "PT24H", "C6 to C8: from Devices holding the new Root to revoking the old OCA"),
            deadline("T_finalReport", "PT72H", "from the last recovery step to the final report"),
            deadline("T_processRevocation", "PT24H", "RV1 to RV2: from a revocation request to its decision"),
            deadline("T_publishCRL", "PT24H", "RV2 to RV3: from a revocation to the CRL or ARL that lists it"),
            deadline("T_csrWindow", "P14D", "CS2 to CS6: the CSR submission schedule after an OCA replacement"),
            deadline("T_method1", "P14D", "M1.pre to M1.post: a Subscriber replacing its own trust anchors"),
            deadline("T_solrDelay", "P28D", "S2 to S6: how long the SMKI PMA expects to delay revocation"),
            deadline("T_exerciseReport", "P14D", "T5 to T6: from an exercise to its report to the SMKI PMA"),
            deadline("T_reshare", "P30D", "KC5 to KC6: from a custodian ceasing to re-sharing the keys"),
            pace(DEFAULT_PACE, "PT30M", "how long a step takes in a rehearsal unless named below"),
            pace("pace.N2", "PT1H", "preparing the Organisation Compromise Notification File"),
            pace("pace.N3", "PT2H", "confirming through a permitted mechanism"),
            pace("pace.N5", "PT6H", "working out the Relevant Devices and Subscribers"),
            pace("pace.D1", "PT4H", "convening the SMKI PMA"),
            pace("pace.D2", "PT8H", "applying the Recovery Key Guidance"),
            pace("pace.D3", "PT2H", "deciding"),
            pace("pace.C2", "PT8H", "generating the new Root OCA and contingency material"),
            pace("pace.C3", "PT2H", "issuing the new Issuing OCA"),
            pace("pace.C6", "PT12H", "Devices replacing their Root cell"),
            pace("pace.R3", "PT8H", "the Subscriber's new key pairs certified"),
            pace("pace.R7", "PT12H", "Devices replacing the compromised cells"),
            pace("pace.R9", "PT12H", "Devices taking the Subscriber's new certificate (Method 2)"),
            pace("pace.RK5", "PT12H", "Devices replacing their Recovery cell"),
            pace("pace.S5", "P7D", "the Shared Resource Provider putting prepayment customers into safe mode"),
            pace("pace.S6", "P7D", "until prepayment customers are protected or the SoLR takes responsibility"));

    private static final List<String> DEFAULT_CONFIRMATIONS =
            List.of("call-back to a nominated ARO", "DCC's own detection");

    private final Map<String, NamedDuration> durations;
    private final Set<StepId> omitted;
    private final List<String> permittedConfirmations;
    private final RecoveryKeyPolicy recoveryKeyPolicy;
    private final RecoveryKeyGuidance guidance;

    private ProcedureSettings(
            Map<String, NamedDuration> durations,
            Set<StepId> omitted,
            List<String> permittedConfirmations,
            RecoveryKeyPolicy recoveryKeyPolicy,
            RecoveryKeyGuidance guidance) {
        this.durations = Collections.unmodifiableMap(new LinkedHashMap<>(durations));
        this.omitted = Collections.unmodifiableSet(new LinkedHashSet<>(omitted));
        this.permittedConfirmations = List.copyOf(permittedConfirmations);
        this.recoveryKeyPolicy = recoveryKeyPolicy;
        this.guidance = guidance;
    }

    /**
     * {@return the reconstructed defaults: every duration above, no step left out, confirmation by call-back or
     * the DCC's own detection, {@link RecoveryKeyPolicy#PMA_DECIDES} and {@link RecoveryKeyGuidance#defaults()}}
     */
    public static ProcedureSettings defaults() {
        Map<String, NamedDuration> durations = new LinkedHashMap<>();
        DEFAULT_DURATIONS.forEach(d -> durations.put(d.name(), d));
        return new ProcedureSettings(
                durations,
                Set.of(),
                DEFAULT_CONFIRMATIONS,
                RecoveryKeyPolicy.PMA_DECIDES,
                RecoveryKeyGuidance.defaults());
    }

    /**
     * {@return the defaults changed by the properties file {@code file} (see the class description)}
     *
     * @param file the file
     * @throws SettingsException naming the property when one is unknown or malformed
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ProcedureSettings load(Path file) {
        Objects.requireNonNull(file, "file");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read procedure settings " + file, e);
        }
        return defaults().withProperties(properties);
    }

    /**
     * {@return a copy changed by {@code properties} (see the class description)}
     *
     * @param properties the settings, as properties
     * @throws SettingsException naming the property when one is unknown or malformed
     */
    public ProcedureSettings withProperties(Properties properties) {
        Map<String, String> sorted = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> sorted.put(name, properties.getProperty(name)));
        ProcedureSettings result = this;
        Map<String, String> guidanceProperties = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue().trim();
            try {
                result = result.withProperty(key, value, guidanceProperties);
            } catch (SettingsException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new SettingsException(key, e.getMessage(), e);
            }
        }
        return result.withGuidance(result.guidance.withProperties(guidanceProperties));
    }

    /** Returns a copy changed by setting {@code key}, keeping {@code guidance.*} ones in {@code guidance}. */
    private ProcedureSettings withProperty(String key, String value, Map<String, String> guidanceProperties) {
        if (key.startsWith("T_") || key.startsWith("pace.")) {
            return withDuration(key, parseDuration(key, value));
        } else if (key.equals("omit")) {
            List<StepId> steps = new ArrayList<>();
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    steps.add(StepId.of(id.trim()));
                }
            }
            return omitting(steps);
        } else if (key.equals("confirmation.mechanisms")) {
            return withPermittedConfirmations(
                    Arrays.stream(value.split("\\|")).map(String::trim).toList());
        } else if (key.equals("recoveryKey.policy")) {
            return withRecoveryKeyPolicy(RecoveryKeyPolicy.parse(value));
        } else if (key.startsWith("guidance.")) {
            guidanceProperties.put(key, value);
            return this;
        }
        throw new SettingsException(
                key,
                "Unknown procedure setting " + key + " (expected T_*, pace.*, omit, confirmation.mechanisms,"
                        + " recoveryKey.policy or guidance.*)");
    }

    private static Duration parseDuration(String name, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new SettingsException(
                    name, name + " must be an ISO-8601 duration such as PT4H or P7D, not '" + text + "'", e);
        }
    }

    /** {@return every named duration, deadlines first, in a stable order} */
    public List<NamedDuration> durations() {
        return List.copyOf(durations.values());
    }

    /**
     * {@return the duration {@code name}}
     *
     * @param name the name
     * @throws SettingsException when there is no such duration
     */
    public Duration duration(DurationName name) {
        return named(name).value();
    }

    /**
     * {@return the duration {@code name}, such as {@code T_confirm}}
     *
     * @param name the name
     * @throws SettingsException when {@code name} is not a duration name ({@link DurationName}) or there is no such
     *     duration
     */
    public Duration duration(String name) {
        return duration(DurationName.of(name));
    }

    /**
     * {@return the named duration {@code name}}
     *
     * @param name the name
     * @throws SettingsException when there is no such duration
     */
    public NamedDuration named(DurationName name) {
        NamedDuration d = durations.get(Objects.requireNonNull(name, "name").value());
        if (d == null) {
            throw new SettingsException(
                    name.value(),
                    "No duration is called " + name + "; the durations are "
                            + durations.keySet().stream()
                                    .filter(n -> !DurationName.of(n).isPace())
                                    .toList()
                            + " and pace.STEP for any step");
        }
        return d;
    }

    /**
     * {@return the named duration {@code name}, such as {@code T_confirm}}
     *
     * @param name the name
     * @throws SettingsException when {@code name} is not a duration name ({@link DurationName}) or there is no such
     *     duration
     */
    public NamedDuration named(String name) {
        return named(DurationName.of(name));
    }

    /**
     * {@return how long {@code step} takes in a rehearsal: {@code pace.STEP}, or {@code pace.default}}
     *
     * @param step the step
     */
    public Duration pace(StepId step) {
        NamedDuration own = durations.get(DurationName.pace(step).value());
        return own != null ? own.value() : duration(DurationName.DEFAULT_PACE);
    }

    /**
     * {@return a copy in which duration {@code name} is {@code value}: a {@code T_*} deadline this library defines, or
     * {@code pace.STEP} for any step}
     *
     * @param name the name
     * @param value the value
     * @throws SettingsException when {@code name} is a deadline this library does not define, or {@code value} is not
     *     positive or longer than {@link DurationName#longest()}
     */
    public ProcedureSettings withDuration(DurationName name, Duration value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (value.compareTo(name.longest()) > 0) {
            throw new SettingsException(
                    name.value(),
                    name + " must be at most " + name.longest().toDays() + " days, not " + value
                            + (name.isPace()
                                    ? " (a rehearsal's simulated clock must stay within its certificates' validity)"
                                    : ""));
        }
        if (value.isNegative() || value.isZero()) {
            throw new SettingsException(name.value(), "Duration " + name + " must be positive, not " + value);
        }
        Map<String, NamedDuration> changed = new LinkedHashMap<>(durations);
        NamedDuration old = durations.get(name.value());
        if (old != null) {
            changed.put(name.value(), old.withValue(value));
        } else if (name.isPace()) {
            changed.put(
                    name.value(),
                    new NamedDuration(
                            name.value(),
                            value,
                            "how long " + name.step().orElseThrow() + " takes in a rehearsal",
                            Confidence.RECONSTRUCTED));
        } else {
            named(name);
        }
        return new ProcedureSettings(changed, omitted, permittedConfirmations, recoveryKeyPolicy, guidance);
    }

    /**
     * {@return a copy in which duration {@code name}, such as {@code T_confirm} or {@code pace.C6}, is {@code value}}
     *
     * @param name the name
     * @param value the value
     * @throws SettingsException when {@code name} is not a duration name ({@link DurationName}), or as {@link
     *     #withDuration(DurationName, Duration)}
     */
    public ProcedureSettings withDuration(String name, Duration value) {
        return withDuration(DurationName.of(name), value);
    }

    /** {@return the steps to leave out of the procedures} */
    public Set<StepId> omitted() {
        return omitted;
    }

    /**
     * {@return a copy that leaves {@code steps} out of the procedures as well} Only reconstructed (or memory)
     * steps may be left out; {@link #applyTo} checks that against each procedure.
     *
     * @param steps the steps
     */
    public ProcedureSettings omitting(Collection<StepId> steps) {
        Set<StepId> changed = new LinkedHashSet<>(omitted);
        for (StepId step : steps) {
            changed.add(Objects.requireNonNull(step, "step"));
        }
        return new ProcedureSettings(durations, changed, permittedConfirmations, recoveryKeyPolicy, guidance);
    }

    /**
     * {@return {@code procedure} without the steps these settings leave out that it has, keeping the order they
     * implied ({@link Procedure#without})}
     *
     * @param <C> the type of the context the guards read
     * @param procedure the procedure
     * @throws SettingsException when such a step is not an assumption (reconstructed or memory)
     */
    public <C> Procedure<C> applyTo(Procedure<C> procedure) {
        List<StepId> own = new ArrayList<>();
        for (StepId id : omitted) {
            if (procedure.hasStep(id)) {
                Step<C> step = procedure.step(id);
                if (!step.confidence().map(Confidence::isAssumption).orElse(false)) {
                    throw new SettingsException(
                            "omit",
                            "Step " + step.describe() + " of " + procedure.name() + " is "
                                    + step.confidence()
                                            .map(c -> c.name().toLowerCase(Locale.ROOT))
                                            .orElse("unsourced")
                                    + "; only reconstructed or memory steps may be left out");
                }
                own.add(id);
            }
        }
        return procedure.without(own);
    }

    /** {@return the permitted mechanisms for confirming a suspected compromise (step N3)} */
    public List<String> permittedConfirmations() {
        return permittedConfirmations;
    }

    /**
     * {@return a copy with {@code mechanisms} as the permitted mechanisms for confirming a compromise}
     *
     * @param mechanisms the permitted mechanisms
     * @throws SettingsException when the list is empty or a mechanism is blank
     */
    public ProcedureSettings withPermittedConfirmations(List<String> mechanisms) {
        List<String> copy = List.copyOf(mechanisms);
        if (copy.isEmpty() || copy.stream().anyMatch(m -> m.isBlank() || m.contains("|"))) {
            throw new SettingsException(
                    "confirmation.mechanisms",
                    "At least one non-blank confirmation mechanism, without '|', is needed: " + copy);
        }
        return new ProcedureSettings(durations, omitted, copy, recoveryKeyPolicy, guidance);
    }

    /** {@return what happens to the Recovery Private Key after it has been used (RK0)} */
    public RecoveryKeyPolicy recoveryKeyPolicy() {
        return recoveryKeyPolicy;
    }

    /**
     * {@return a copy with {@code policy} for the Recovery Private Key after use}
     *
     * @param policy the policy
     */
    public ProcedureSettings withRecoveryKeyPolicy(RecoveryKeyPolicy policy) {
        return new ProcedureSettings(
                durations, omitted, permittedConfirmations, Objects.requireNonNull(policy, "policy"), guidance);
    }

    /** {@return the SMKI Recovery Key Guidance step D2 applies} */
    public RecoveryKeyGuidance guidance() {
        return guidance;
    }

    /**
     * {@return a copy applying {@code newGuidance} at step D2}
     *
     * @param newGuidance the Recovery Key Guidance
     */
    public ProcedureSettings withGuidance(RecoveryKeyGuidance newGuidance) {
        return new ProcedureSettings(
                durations,
                omitted,
                permittedConfirmations,
                recoveryKeyPolicy,
                Objects.requireNonNull(newGuidance, "newGuidance"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcedureSettings s
                && durations.equals(s.durations)
                && omitted.equals(s.omitted)
                && permittedConfirmations.equals(s.permittedConfirmations)
                && recoveryKeyPolicy == s.recoveryKeyPolicy
                && guidance.equals(s.guidance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(durations, omitted, permittedConfirmations, recoveryKeyPolicy, guidance);
    }

    /**
     * {@return the settings that differ from the defaults as properties, in a stable order, such that {@code
     * defaults().withProperties(...)} of them gives settings equal to these (a factor or step added through the
     * API comes back as reconstructed)}
     */
    public Map<String, String> toProperties() {
        ProcedureSettings defaults = defaults();
        Map<String, String> changed = new LinkedHashMap<>();
        durations.values().stream()
                .filter(d -> !d.equals(defaults.durations.get(d.name())))
                .forEach(d -> changed.put(d.name(), d.value().toString()));
        if (!omitted.isEmpty()) {
            changed.put(
                    "omit", String.join(",", omitted.stream().map(StepId::value).toList()));
        }
        if (!permittedConfirmations.equals(defaults.permittedConfirmations)) {
            changed.put("confirmation.mechanisms", String.join("|", permittedConfirmations));
        }
        if (recoveryKeyPolicy != defaults.recoveryKeyPolicy) {
            changed.put("recoveryKey.policy", recoveryKeyPolicy.name());
        }
        RecoveryKeyGuidance base = defaults.guidance;
        if (guidance.threshold() != base.threshold()) {
            changed.put("guidance.threshold", Integer.toString(guidance.threshold()));
        }
        for (RecoveryKeyGuidance.Factor factor : guidance.factors()) {
            if (!base.factor(factor.id()).equals(Optional.of(factor))) {
                changed.put(
                        "guidance.factor." + factor.id(),
                        factor.kind().name().toLowerCase(Locale.ROOT) + "," + factor.weight() + ","
                                + factor.question());
            }
        }
        for (RecoveryKeyGuidance.Factor factor : base.factors()) {
            if (guidance.factor(factor.id()).isEmpty()) {
                changed.put("guidance.factor." + factor.id(), "none");
            }
        }
        for (RecoveryKeyGuidance.PreDecisionStep step : guidance.preDecisionSteps()) {
            if (!base.preDecisionSteps().contains(step)) {
                changed.put("guidance.step." + step.id(), step.description());
            }
        }
        for (RecoveryKeyGuidance.PreDecisionStep step : base.preDecisionSteps()) {
            if (guidance.preDecisionSteps().stream().noneMatch(s -> s.id().equals(step.id()))) {
                changed.put("guidance.step." + step.id(), "none");
            }
        }
        return Collections.unmodifiableMap(changed);
    }

    /** Returns the settings that differ from the defaults, in properties form. */
    @Override
    public String toString() {
        Map<String, String> changed = toProperties();
        return "ProcedureSettings"
                + (changed.isEmpty()
                        ? "[defaults]"
                        : changed.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList());
    }

    private static NamedDuration deadline(String name, String value, String meaning) {
        return new NamedDuration(name, Duration.parse(value), meaning, Confidence.RECONSTRUCTED);
    }

    private static NamedDuration pace(String name, String value, String meaning) {
        return new NamedDuration(name, Duration.parse(value), meaning, Confidence.RECONSTRUCTED);
    }
}
