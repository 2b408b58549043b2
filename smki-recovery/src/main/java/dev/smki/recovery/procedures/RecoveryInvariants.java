package dev.smki.recovery.procedures;

import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.analysis.Invariant;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The REC invariants of recovery.md §6.3 stated over the set of completed steps of any of this package's procedures,
 * or of a plan's own order of their steps, for {@link dev.smki.recovery.analysis.OrderingAnalysis}. Each applies to a
 * procedure that has the step it guards; a procedure that has that step but not the one it must follow breaks it as
 * soon as the step is done.
 */
public final class RecoveryInvariants {

    private static final StepId N4 = Notify.PMA_NOTIFIED;
    private static final StepId N5 = Notify.SCOPED;
    private static final StepId D1 = Decide.RECEIVED;
    private static final StepId D3 = Decide.DECIDED;

    private record Rule(Set<StepId> guarded, Invariant invariant) {}

    private static final List<Rule> RULES = List.of(
            rule(
                    "REC-1",
                    "the Recovery key is activated only under an SMKI PMA decision requiring it (D3, R1 before R5)",
                    Set.of(RecoveryKeyUse.KEY_ACTIVATED),
                    d -> !d.contains(RecoveryKeyUse.KEY_ACTIVATED)
                            || d.contains(D3) && d.contains(RecoveryKeyUse.DECIDED)),
            rule(
                    "REC-1",
                    "an exercise activates a key only under the SMKI PMA's approval (T2 before T4)",
                    Set.of(Exercise.KEY_ACTIVATED),
                    d -> !d.contains(Exercise.KEY_ACTIVATED) || d.contains(Exercise.APPROVED)),
            rule(
                    "REC-1",
                    "the key that changes the Recovery cells is activated only under the SMKI PMA's authorisation"
                            + " (RK2 before RK3)",
                    Set.of(RecoveryKeyReplacement.KEY_ACTIVATED),
                    d -> !d.contains(RecoveryKeyReplacement.KEY_ACTIVATED)
                            || d.contains(RecoveryKeyReplacement.AUTHORISED)),
            rule(
                    "REC-1",
                    "the Recovery key is activated only under the SMKI PMA's Recovery Key Direction (RKD1 before"
                            + " RKD4)",
                    Set.of(RecoveryKeyDirection.KEY_ACTIVATED),
                    d -> !d.contains(RecoveryKeyDirection.KEY_ACTIVATED) || d.contains(RecoveryKeyDirection.DIRECTED)),
            rule(
                    "REC-1",
                    "the Recovery key replacing the Root is activated only under an SMKI PMA decision (D3 before CK2)",
                    Set.of(ContingencyKeyCompromise.KEY_ACTIVATED),
                    d -> !d.contains(ContingencyKeyCompromise.KEY_ACTIVATED) || d.contains(D3)),
            rule(
                    "REC-2",
                    "a key is activated only with Key Custodians present (their attendance before the activation)",
                    Set.of(
                            RecoveryKeyUse.KEY_ACTIVATED,
                            Exercise.KEY_ACTIVATED,
                            RecoveryKeyReplacement.KEY_ACTIVATED,
                            RecoveryKeyDirection.KEY_ACTIVATED,
                            ContingencyKeyCompromise.KEY_ACTIVATED),
                    d -> (!d.contains(RecoveryKeyUse.KEY_ACTIVATED) || d.contains(RecoveryKeyUse.CUSTODIAN_ATTENDS))
                            && (!d.contains(Exercise.KEY_ACTIVATED) || d.contains(Exercise.CUSTODIAN_ATTENDS))
                            && (!d.contains(RecoveryKeyReplacement.KEY_ACTIVATED)
                                    || d.contains(RecoveryKeyReplacement.CUSTODIAN_ATTENDS))
                            && (!d.contains(RecoveryKeyDirection.KEY_ACTIVATED)
                                    || d.contains(RecoveryKeyDirection.CUSTODIAN_ATTENDS))
                            && (!d.contains(ContingencyKeyCompromise.KEY_ACTIVATED)
                                    || d.contains(ContingencyKeyCompromise.CUSTODIAN_ATTENDS))),
            rule(
                    "REC-8",
                    "a recovery closes only once the Relevant Devices were sent their commands (R6 before R11)",
                    Set.of(RecoveryKeyUse.CLOSED),
                    d -> !d.contains(RecoveryKeyUse.CLOSED) || d.contains(RecoveryKeyUse.COMMANDS_SENT)),
            rule(
                    "REC-14",
                    "the Relevant Devices are known before commands are sent (N5 before R6)",
                    Set.of(RecoveryKeyUse.COMMANDS_SENT),
                    d -> !d.contains(RecoveryKeyUse.COMMANDS_SENT) || d.contains(N5)),
            rule(
                    "REC-14",
                    "notification comes before the decision, and the decision before any use of the Recovery key",
                    Set.of(D1, RecoveryKeyUse.KEY_ACTIVATED),
                    d -> (!d.contains(D1) || d.contains(N4))
                            && (!(d.contains(RecoveryKeyUse.KEY_ACTIVATED) || d.contains(RecoveryKeyUse.COMMANDS_SENT))
                                    || d.contains(N4) && d.contains(D3))));

    private RecoveryInvariants() {}

    private static Rule rule(String id, String description, Set<StepId> guarded, Predicate<Set<StepId>> holds) {
        return new Rule(guarded, Invariant.of(RuleId.of(id), description, holds));
    }

    /**
     * {@return the invariants that apply to {@code procedure}: the contingency ones ({@link
     * ContingencyOrders#invariants()}) when it has the contingency steps, and those above whose guarded step it has}
     *
     * @param procedure the procedure
     */
    public static List<Invariant> applicableTo(Procedure<?> procedure) {
        List<Invariant> invariants = new ArrayList<>();
        if (procedure.hasStep(Contingency.KEY_ACTIVATED) || procedure.hasStep(Contingency.COMMANDS_SENT)) {
            invariants.addAll(ContingencyOrders.invariants());
        }
        for (Rule rule : RULES) {
            if (rule.guarded().stream().anyMatch(procedure::hasStep)) {
                invariants.add(rule.invariant());
            }
        }
        return List.copyOf(invariants);
    }
}
