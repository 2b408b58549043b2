package dev.smki.recovery.procedures;

import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The incident responses and exercise this library defines, by the name an exercise plan gives them: each composes
 * the SEC procedures it spans ({@link IncidentResponses}).
 */
public enum BuiltInProcedure {
    /** A Root OCA compromise recovered with the Contingency key: Notify, Decide, Contingency, CSRs, distribution. */
    CONTINGENCY("contingency"),
    /** A Party's Organisation key compromise recovered with the Recovery key by Method 2 or 3, with revocation. */
    ORGANISATION_KEY_COMPROMISE("organisation-key-compromise"),
    /** A Party's Organisation key compromise recovered by Method 1: the Subscriber's own same-role commands. */
    METHOD_ONE("method-1"),
    /** An Issuing OCA key compromise: new Issuing OCA, the old one revoked, Organisation Certificates re-issued. */
    ISSUING_OCA_COMPROMISE("issuing-oca-compromise"),
    /** A Contingency key compromise: new contingency material on a new Root, put on Devices by the Recovery key. */
    CONTINGENCY_KEY_COMPROMISE("contingency-key-compromise"),
    /** A Recovery key compromise: the Recovery cells replaced by the Contingency key. */
    RECOVERY_KEY_COMPROMISE("recovery-key-compromise"),
    /** The SMKI PMA's Recovery Key Direction and the DCC's further use of the Recovery key under it. */
    RECOVERY_KEY_DIRECTION("recovery-key-direction"),
    /** Whether the Recovery key is reused or replaced after use (a reconstructed policy), and its replacement. */
    RECOVERY_KEY_REPLACEMENT("recovery-key-replacement"),
    /** A Supplier of Last Resort event in which the SMKI PMA delays the failed Supplier's revocations. */
    SUPPLIER_OF_LAST_RESORT("solr"),
    /** Notify and Decide only: a compromise on which the SMKI PMA requires no DCC key. */
    NOTIFICATION("notification"),
    /** A recovery exercise (the June 2019 kind): plan, notice, approval, ceremony, test, report, roster. */
    EXERCISE("exercise");

    private final String planName;

    BuiltInProcedure(String planName) {
        this.planName = planName;
    }

    /** {@return the name a plan gives it, such as {@code organisation-key-compromise}} */
    public String planName() {
        return planName;
    }

    /**
     * {@return the procedure with {@code settings}, the Recovery Private Key used by {@code method} where it is used}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     * @param method how the Recovery Private Key is used
     */
    public dev.smki.recovery.workflow.Procedure<IncidentState> build(
            ProcedureSettings settings, RecoveryKeyUse.Method method) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(method, "method");
        return switch (this) {
            case CONTINGENCY -> IncidentResponses.rootOcaCompromise(settings);
            case ORGANISATION_KEY_COMPROMISE -> IncidentResponses.organisationKeyCompromise(settings, method);
            case METHOD_ONE -> IncidentResponses.methodOne(settings);
            case ISSUING_OCA_COMPROMISE -> IncidentResponses.issuingOcaCompromise(settings);
            case CONTINGENCY_KEY_COMPROMISE -> IncidentResponses.contingencyKeyCompromise(settings);
            case RECOVERY_KEY_COMPROMISE -> IncidentResponses.recoveryKeyCompromise(settings);
            case RECOVERY_KEY_DIRECTION -> IncidentResponses.recoveryKeyDirection(settings);
            case RECOVERY_KEY_REPLACEMENT -> IncidentResponses.recoveryKeyReplacement(settings);
            case SUPPLIER_OF_LAST_RESORT -> IncidentResponses.supplierOfLastResort(settings);
            case NOTIFICATION -> IncidentResponses.notification(settings);
            case EXERCISE -> IncidentResponses.exercise(settings);
        };
    }

    /**
     * {@return the id of every step of every built-in procedure (with either method of using the Recovery key), in
     * id order: the steps a procedure setting may name, for example to leave one out}
     */
    public static SortedSet<StepId> stepIds() {
        return StepIds.ALL;
    }

    /** Holds {@link #stepIds()}, worked out once, when first asked for. */
    private static final class StepIds {
        static final SortedSet<StepId> ALL = all();

        private static SortedSet<StepId> all() {
            SortedSet<StepId> ids = new TreeSet<>(Comparator.comparing(StepId::value));
            ProcedureSettings defaults = ProcedureSettings.defaults();
            for (BuiltInProcedure procedure : values()) {
                for (int method : new int[] {2, 3}) {
                    procedure.build(defaults, RecoveryKeyUse.Method.of(method)).steps().stream()
                            .map(Step::id)
                            .forEach(ids::add);
                }
            }
            return Collections.unmodifiableSortedSet(ids);
        }
    }

    /**
     * {@return the procedure named {@code text}, its plan name or enum name in any case}
     *
     * @param text the text
     * @throws IllegalArgumentException naming the built-in procedures when none is
     */
    public static BuiltInProcedure parse(String text) {
        String t = Objects.requireNonNull(text, "text").trim();
        for (BuiltInProcedure p : values()) {
            if (p.planName.equalsIgnoreCase(t) || p.name().equalsIgnoreCase(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown built-in procedure '" + text + "' (expected one of "
                + Arrays.stream(values()).map(BuiltInProcedure::planName).toList() + ")");
    }

    @Override
    public String toString() {
        return planName.toLowerCase(Locale.ROOT);
    }
}
