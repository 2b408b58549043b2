package dev.smki.recovery.procedures;

import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.incident.ScopeRules;
import dev.smki.recovery.workflow.Guard;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The guards the recovery procedures share, each enforcing an invariant of recovery.md §6.3 against the world
 * outside the run, the run's typed {@link IncidentState}:
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
    public static final Guard<IncidentState> RECOVERY_KEY_DECISION =
            decisionGate(EnumSet.of(CustodyKey.RECOVERY_PRIVATE_KEY));

    /** REC-1 for the Contingency Private Key and Symmetric Key (C4, C5). */
    public static final Guard<IncidentState> CONTINGENCY_KEY_DECISION =
            decisionGate(EnumSet.of(CustodyKey.CONTINGENCY_PRIVATE_KEY, CustodyKey.CONTINGENCY_SYMMETRIC_KEY));

    /** REC-2 for the Recovery Private Key (R5). */
    public static final Guard<IncidentState> RECOVERY_KEY_QUORUM = quorum(EnumSet.of(CustodyKey.RECOVERY_PRIVATE_KEY));

    /** REC-2 for the Contingency Private Key and Symmetric Key (C4). */
    public static final Guard<IncidentState> CONTINGENCY_KEY_QUORUM =
            quorum(EnumSet.of(CustodyKey.CONTINGENCY_PRIVATE_KEY, CustodyKey.CONTINGENCY_SYMMETRIC_KEY));

    /** REC-2: a custodian's attendance (a per-item step, the item being the custodian's id) counts only if appointed. */
    public static final Guard<IncidentState> APPOINTED_CUSTODIAN = Guard.<IncidentState>rule(
                    RuleId.of("REC-2"), "appointed custodian")
            .stating("Only a currently appointed Key Custodian's shares count; a ceased or unknown custodian never"
                    + " counts.")
            .citing(Sources.CUSTODIAN_NOMINATIONS, Confidence.INFERRED)
            .when(in -> in.item()
                    .map(item -> in.context().custody().isAppointed(KeyCeremony.custodian(item)))
                    .orElse(false));

    /** CUS-2 for the Recovery Private Key (R6). */
    public static final Guard<IncidentState> RECOVERY_KEY_ACTIVE =
            keyActive(EnumSet.of(CustodyKey.RECOVERY_PRIVATE_KEY));

    /** CUS-2 for the Contingency Private Key and Symmetric Key (C5). */
    public static final Guard<IncidentState> CONTINGENCY_KEY_ACTIVE =
            keyActive(EnumSet.of(CustodyKey.CONTINGENCY_PRIVATE_KEY, CustodyKey.CONTINGENCY_SYMMETRIC_KEY));

    /** REC-6: the Symmetric Key is released (C5) only once the new Root with fresh contingency material exists (C2). */
    public static final Guard<IncidentState> NEW_ROOT_FIRST = Guard.<IncidentState>rule(
                    RuleId.of("REC-6"), "new Root first")
            .stating("The Symmetric Key is released, in contingency commands only (REC-4), once a new Root OCA"
                    + " carrying fresh contingency material exists, so the spent key unwraps nothing on an updated"
                    + " Device.")
            .citing(Sources.note("§2.4 C2, §6.3 REC-4 and REC-6"), Confidence.INFERRED)
            .when(in -> in.context().pki().hasNewRoot());

    /** REC-8: a closing step needs every Relevant Device updated or written off. */
    public static final Guard<IncidentState> SCOPE_SETTLED = Guard.<IncidentState>rule(
                    ScopeRules.SCOPE_SETTLED.id(), "scope settled")
            .stating(ScopeRules.SCOPE_SETTLED.statement())
            .citing(ScopeRules.SCOPE_SETTLED.sources().get(0), ScopeRules.SCOPE_SETTLED.confidence())
            .when(in -> in.context().fleet().scope().isSettled());

    /** REC-10: the old OCA is revoked, and new Organisation Certificates sent, only once Devices hold the new Root. */
    public static final Guard<IncidentState> DEVICES_HOLD_NEW_ROOT = Guard.<IncidentState>rule(
                    RuleId.of("REC-10"), "chain order")
            .stating("A Device is never asked to validate a certificate chaining only to a Root it does not hold,"
                    + " and the old OCA is revoked only once every Relevant Device holds the new Root or is written"
                    + " off.")
            .citing(Sources.note("§2.5, §6.3 REC-10"), Confidence.INFERRED)
            .when(in -> in.context().devicesHoldNewRoot());

    /** REC-10: no CSR is accepted under an OCA not yet published. */
    public static final Guard<IncidentState> NEW_OCA_PUBLISHED = Guard.<IncidentState>rule(
                    RuleId.of("REC-10"), "published OCA")
            .stating("No Organisation CSR is accepted under an OCA certificate not yet published in the SMKI"
                    + " Repository.")
            .citing(Sources.note("§2.6, §6.3 REC-10"), Confidence.INFERRED)
            .when(in -> in.context().registry().isNewOcaPublished());

    /** CUS-1: a custodian counts only with a current share issued to them. */
    public static final Guard<IncidentState> OWN_SHARES = Guard.<IncidentState>rule(RuleId.of("CUS-1"), "own share")
            .stating("A Key Custodian presents current shares issued to them; a share of an older split or of another"
                    + " custodian never counts.")
            .citing(Sources.CUSTODIAN_NOMINATIONS, Confidence.INFERRED)
            .when(in -> in.payload(KeyCeremony.Attendance.class)
                    .map(a -> !a.shares().isEmpty()
                            && a.shares().stream()
                                    .allMatch(share -> in.context().custody().isCurrentShareOf(share, a.custodian())))
                    .orElse(false));

    /** REC-2: keys are re-shared only when at least N custodians are appointed to take the N shares. */
    public static final Guard<IncidentState> QUORUM_REACHABLE = Guard.<IncidentState>rule(
                    RuleId.of("REC-2"), "quorum reachable")
            .stating("The keys are re-shared only when at least N custodians are appointed, one for each share.")
            .citing(Sources.note("§2.9, §5"), Confidence.INFERRED)
            .when(in -> in.context().custody().custodians().appointed().size()
                    >= in.context().custody().quorum().n());

    /** CUS-5: a key is activated only while the HSM works (an injected failure refuses activations until it ends). */
    public static final Guard<IncidentState> HSM_AVAILABLE = Guard.<IncidentState>rule(
                    RuleId.of("CUS-5"), "HSM available")
            .stating("A key is activated only while the HSM holding its shares works.")
            .citing(Sources.note("§5, §6.4 failure injection"), Confidence.RECONSTRUCTED)
            .when(in -> in.context().custody().isHsmAvailable(in.now()));

    private RecoveryGuards() {}

    /** {@return every shared guard constant} */
    public static List<Guard<IncidentState>> all() {
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
                NEW_OCA_PUBLISHED,
                OWN_SHARES,
                QUORUM_REACHABLE,
                HSM_AVAILABLE);
    }

    /**
     * {@return the REC-1 decision gate for {@code keys}: an SMKI PMA authorisation for the incident requires each}
     *
     * @param keys the keys
     */
    public static Guard<IncidentState> decisionGate(Collection<CustodyKey> keys) {
        Set<CustodyKey> required = EnumSet.copyOf(keys);
        return Guard.<IncidentState>rule(RuleId.of("REC-1"), "decision gate")
                .stating(names(required) + " is activated or used only where an SMKI PMA decision for the incident"
                        + " requires it.")
                .citing(Sources.L10, Confidence.VERIFIED)
                .when(in -> required.stream().allMatch(in.context()::isAuthorised));
    }

    /**
     * {@return the REC-2 quorum guard for {@code keys}: each key's ceremony for the incident is quorate}
     *
     * @param keys the keys
     */
    public static Guard<IncidentState> quorum(Collection<CustodyKey> keys) {
        Set<CustodyKey> required = EnumSet.copyOf(keys);
        return Guard.<IncidentState>rule(RuleId.of("REC-2"), "quorum")
                .stating("Activating " + names(required) + " needs shares from at least M distinct, currently"
                        + " appointed Key Custodians.")
                .citing(Sources.CUSTODIAN_NOMINATIONS, Confidence.INFERRED)
                .when(in -> required.stream()
                        .allMatch(key -> in.context().custody().ceremony(key).isQuorate()));
    }

    /**
     * {@return the CUS-2 guard for {@code keys}: each is activated for the incident and not yet deactivated}
     *
     * @param keys the keys
     */
    public static Guard<IncidentState> keyActive(Collection<CustodyKey> keys) {
        Set<CustodyKey> required = EnumSet.copyOf(keys);
        return Guard.<IncidentState>rule(RuleId.of("CUS-2"), "key active")
                .stating("Commands are signed with " + names(required) + " only while it is activated for the"
                        + " incident; it is deactivated after use.")
                .citing(Sources.note("§2.3 R10"), Confidence.RECONSTRUCTED)
                .when(in -> required.stream().allMatch(in.context().custody()::isActive));
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
