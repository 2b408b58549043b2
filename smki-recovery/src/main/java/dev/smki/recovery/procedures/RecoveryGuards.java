package dev.smki.recovery.procedures;

import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.custody.ActivationProgress;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.incident.ScopeRules;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.GuardInput;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The guards the recovery procedures share, each enforcing an invariant of recovery.md §6.3 against the world
 * outside the run, read through the run's {@link IncidentState}:
 *
 * <ul>
 *   <li>REC-1 decision gate: a key in custody is activated or used only where an SMKI PMA authorisation for the
 *       incident requires it;
 *   <li>REC-2 quorum: activation needs M distinct, currently appointed Key Custodians; only an appointed custodian's
 *       attendance counts;
 *   <li>CUS-2 key active: commands are signed only while the key is active;
 *   <li>REC-6 new Root first: the Symmetric Key is released only once a new Root OCA with fresh contingency
 *       material exists (with REC-4, the key travels only in contingency commands);
 *   <li>REC-8 scope settled: an incident closes only once every Relevant Device is updated or written off;
 *   <li>REC-10 chain order: the old OCA is revoked, and certificates chaining only to the new Root are sent, only
 *       once every Relevant Device holds the new Root; no CSR is accepted under an OCA not yet published.
 * </ul>
 *
 * REC-14 (notification before decision before key use; Pre-Recovery before Execution before Post-Recovery) is the
 * order of the procedure definitions themselves, checked when they are built and by {@link ContingencyOrders}.
 */
public final class RecoveryGuards {

    /** REC-1 for the Recovery Private Key (R5, R6). */
    public static final Guard RECOVERY_KEY_DECISION = decisionGate(EnumSet.of(CustodyKey.RECOVERY_PRIVATE_KEY));

    /** REC-1 for the Contingency Private Key and Symmetric Key (C4, C5). */
    public static final Guard CONTINGENCY_KEY_DECISION =
            decisionGate(EnumSet.of(CustodyKey.CONTINGENCY_PRIVATE_KEY, CustodyKey.CONTINGENCY_SYMMETRIC_KEY));

    /** REC-2 for the Recovery Private Key (R5). */
    public static final Guard RECOVERY_KEY_QUORUM = quorum(EnumSet.of(CustodyKey.RECOVERY_PRIVATE_KEY));

    /** REC-2 for the Contingency Private Key and Symmetric Key (C4). */
    public static final Guard CONTINGENCY_KEY_QUORUM =
            quorum(EnumSet.of(CustodyKey.CONTINGENCY_PRIVATE_KEY, CustodyKey.CONTINGENCY_SYMMETRIC_KEY));

    /** REC-2: a custodian's attendance (a per-item step, the item being the custodian's id) counts only if appointed. */
    public static final Guard APPOINTED_CUSTODIAN = Guard.rule(RuleId.of("REC-2"), "appointed custodian")
            .stating("Only a currently appointed Key Custodian's shares count; a ceased or unknown custodian never"
                    + " counts.")
            .citing(Sources.CUSTODIAN_NOMINATIONS, Confidence.INFERRED)
            .when(in -> in.item()
                    .map(id -> state(in).isAppointed(CustodianId.of(id)))
                    .orElse(false));

    /** CUS-2 for the Recovery Private Key (R6). */
    public static final Guard RECOVERY_KEY_ACTIVE = keyActive(EnumSet.of(CustodyKey.RECOVERY_PRIVATE_KEY));

    /** CUS-2 for the Contingency Private Key and Symmetric Key (C5). */
    public static final Guard CONTINGENCY_KEY_ACTIVE =
            keyActive(EnumSet.of(CustodyKey.CONTINGENCY_PRIVATE_KEY, CustodyKey.CONTINGENCY_SYMMETRIC_KEY));

    /** REC-6: the Symmetric Key is released (C5) only once the new Root with fresh contingency material exists (C2). */
    public static final Guard NEW_ROOT_FIRST = Guard.rule(RuleId.of("REC-6"), "new Root first")
            .stating("The Symmetric Key is released, in contingency commands only (REC-4), once a new Root OCA"
                    + " carrying fresh contingency material exists, so the spent key unwraps nothing on an updated"
                    + " Device.")
            .citing(Sources.note("§2.4 C2, §6.3 REC-4 and REC-6"), Confidence.INFERRED)
            .when(in -> state(in).hasNewRoot());

    /** REC-8: a closing step needs every Relevant Device updated or written off. */
    public static final Guard SCOPE_SETTLED = Guard.rule(ScopeRules.SCOPE_SETTLED.id(), "scope settled")
            .stating(ScopeRules.SCOPE_SETTLED.statement())
            .citing(ScopeRules.SCOPE_SETTLED.sources().get(0), ScopeRules.SCOPE_SETTLED.confidence())
            .when(in -> state(in).scope().isSettled());

    /** REC-10: the old OCA is revoked, and new Organisation Certificates sent, only once Devices hold the new Root. */
    public static final Guard DEVICES_HOLD_NEW_ROOT = Guard.rule(RuleId.of("REC-10"), "chain order")
            .stating("A Device is never asked to validate a certificate chaining only to a Root it does not hold,"
                    + " and the old OCA is revoked only once every Relevant Device holds the new Root or is written"
                    + " off.")
            .citing(Sources.note("§2.5, §6.3 REC-10"), Confidence.INFERRED)
            .when(in -> state(in).devicesHoldNewRoot());

    /** REC-10: no CSR is accepted under an OCA not yet published. */
    public static final Guard NEW_OCA_PUBLISHED = Guard.rule(RuleId.of("REC-10"), "published OCA")
            .stating("No Organisation CSR is accepted under an OCA certificate not yet published in the SMKI"
                    + " Repository.")
            .citing(Sources.note("§2.6, §6.3 REC-10"), Confidence.INFERRED)
            .when(in -> state(in).isNewOcaPublished());

    private RecoveryGuards() {}

    /** Returns every shared guard constant. */
    public static List<Guard> all() {
        return List.of(
                RECOVERY_KEY_DECISION,
                CONTINGENCY_KEY_DECISION,
                RECOVERY_KEY_QUORUM,
                CONTINGENCY_KEY_QUORUM,
                APPOINTED_CUSTODIAN,
                RECOVERY_KEY_ACTIVE,
                CONTINGENCY_KEY_ACTIVE,
                NEW_ROOT_FIRST,
                SCOPE_SETTLED,
                DEVICES_HOLD_NEW_ROOT,
                NEW_OCA_PUBLISHED);
    }

    /** Returns the REC-1 decision gate for {@code keys}: an SMKI PMA authorisation for the incident requires each. */
    public static Guard decisionGate(Collection<CustodyKey> keys) {
        Set<CustodyKey> required = EnumSet.copyOf(keys);
        return Guard.rule(RuleId.of("REC-1"), "decision gate")
                .stating(names(required) + " is activated or used only where an SMKI PMA decision for the incident"
                        + " requires it.")
                .citing(Sources.L10, Confidence.VERIFIED)
                .when(in -> required.stream().allMatch(state(in)::isAuthorised));
    }

    /** Returns the REC-2 quorum guard for {@code keys}: each key's ceremony for the incident is quorate. */
    public static Guard quorum(Collection<CustodyKey> keys) {
        Set<CustodyKey> required = EnumSet.copyOf(keys);
        return Guard.rule(RuleId.of("REC-2"), "quorum")
                .stating("Activating " + names(required) + " needs shares from at least M distinct, currently"
                        + " appointed Key Custodians.")
                .citing(Sources.CUSTODIAN_NOMINATIONS, Confidence.INFERRED)
                .when(in -> required.stream()
                        .allMatch(key -> state(in)
                                .ceremony(key)
                                .map(ActivationProgress::isQuorate)
                                .orElse(false)));
    }

    /** Returns the CUS-2 guard for {@code keys}: each is activated for the incident and not yet deactivated. */
    public static Guard keyActive(Collection<CustodyKey> keys) {
        Set<CustodyKey> required = EnumSet.copyOf(keys);
        return Guard.rule(RuleId.of("CUS-2"), "key active")
                .stating("Commands are signed with " + names(required) + " only while it is activated for the"
                        + " incident; it is deactivated after use.")
                .citing(Sources.note("§2.3 R10"), Confidence.RECONSTRUCTED)
                .when(in -> required.stream().allMatch(state(in)::isActive));
    }

    /** Returns the run's incident state; a run without one cannot decide a guarded step. */
    static IncidentState state(GuardInput in) {
        return in.context(IncidentState.class);
    }

    private static String names(Set<CustodyKey> keys) {
        return keys.stream().map(RecoveryGuards::name).collect(Collectors.joining(" with "));
    }

    private static String name(CustodyKey key) {
        return switch (key) {
            case RECOVERY_PRIVATE_KEY -> "the Recovery Private Key";
            case CONTINGENCY_PRIVATE_KEY -> "the Contingency Private Key";
            case CONTINGENCY_SYMMETRIC_KEY -> "the Symmetric Key";
        };
    }
}
