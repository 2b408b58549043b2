package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Contingency.COMMANDS_SENT;
import static dev.smki.recovery.procedures.Contingency.CUSTODIAN_ATTENDS;
import static dev.smki.recovery.procedures.Contingency.DECIDED;
import static dev.smki.recovery.procedures.Contingency.KEY_ACTIVATED;
import static dev.smki.recovery.procedures.Contingency.MATERIAL_IN_CUSTODY;
import static dev.smki.recovery.procedures.Contingency.NEW_ROOT;
import static dev.smki.recovery.procedures.Contingency.OLD_OCA_REVOKED;
import static dev.smki.recovery.procedures.Contingency.ROOT_REPLACED;

import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.analysis.Invariant;
import dev.smki.recovery.analysis.OrderingAnalysis;
import dev.smki.recovery.analysis.OrderingReport;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The step-order analysis of the contingency procedure (SEC Appendix L §5, observations 5 and 11 of issue 7): the
 * whole Root OCA compromise response ({@link IncidentResponses#rootOcaCompromise}) in each {@link
 * Contingency.Order}, explored by {@link OrderingAnalysis} against the REC invariants stated over the set of
 * completed steps ({@link #invariants()}). The modelled order is safe; each other order reaches a state some
 * invariant forbids, and the report names the invariant and a shortest ordering that reaches it.
 *
 * <pre>{@code
 * for (ContingencyOrders.Result result : ContingencyOrders.analyse(ProcedureSettings.defaults())) {
 *     System.out.println(result.describe());
 * }
 * }</pre>
 */
public final class ContingencyOrders {

    private static final StepId N4 = Notify.PMA_NOTIFIED;
    private static final StepId D1 = Decide.RECEIVED;
    private static final StepId D3 = Decide.DECIDED;
    private static final StepId C10 = Contingency.CERTIFICATES_DISTRIBUTED;
    private static final StepId DS4 = Distribute.SENT;

    private ContingencyOrders() {}

    /**
     * {@return the invariants checked, each over a set of completed steps:
     *
     * <ul>
     *   <li>REC-1: the key is activated (C4) only once the SMKI PMA has decided (D3) and the decision requires it
     *       (C1);
     *   <li>REC-2: the key is activated only after Key Custodians attend (C4.attend);
     *   <li>REC-6: the Symmetric Key is released (C5) only once the new Root exists (C2);
     *   <li>REC-8: the incident closes (C11) only once the Devices replaced their Root (C6);
     *   <li>REC-10: the old OCA is revoked (C8) and new Organisation Certificates are sent (C10, DS4) only once the
     *       Devices hold the new Root (C6);
     *   <li>REC-14: the SMKI PMA takes up the incident (D1) only once notified (N4), and no key is used (C4, C5)
     *       before notification and decision}
     * </ul>
     */
    public static List<Invariant> invariants() {
        return List.of(
                Invariant.of(
                        RuleId.of("REC-1"),
                        "the Contingency key is activated only under an SMKI PMA decision requiring it",
                        done -> !done.contains(KEY_ACTIVATED) || (done.contains(D3) && done.contains(DECIDED))),
                Invariant.of(
                        RuleId.of("REC-2"),
                        "the Contingency key is activated only with Key Custodians present",
                        done -> !done.contains(KEY_ACTIVATED) || done.contains(CUSTODIAN_ATTENDS)),
                Invariant.of(
                        RuleId.of("REC-6"),
                        "the Symmetric Key is released only once the new Root with fresh contingency material exists",
                        done -> !done.contains(COMMANDS_SENT) || done.contains(NEW_ROOT)),
                Invariant.of(
                        RuleId.of("REC-8"),
                        "the incident closes only once the Relevant Devices are updated or written off",
                        done -> !done.contains(MATERIAL_IN_CUSTODY) || done.contains(ROOT_REPLACED)),
                Invariant.of(
                        RuleId.of("REC-10"),
                        "the old OCA is revoked, and certificates chaining only to the new Root are sent, only once"
                                + " the Devices hold the new Root",
                        done -> !(done.contains(OLD_OCA_REVOKED) || done.contains(C10) || done.contains(DS4))
                                || done.contains(ROOT_REPLACED)),
                Invariant.of(
                        RuleId.of("REC-14"),
                        "notification comes before the decision, and the decision before any use of a key",
                        done -> (!done.contains(D1) || done.contains(N4))
                                && (!(done.contains(KEY_ACTIVATED) || done.contains(COMMANDS_SENT))
                                        || (done.contains(N4) && done.contains(D3)))));
    }

    /**
     * {@return the analysis of every {@link Contingency.Order} under {@code settings}, the modelled order first}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static List<Result> analyse(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        List<Result> results = new ArrayList<>();
        for (Contingency.Order order : Contingency.Order.values()) {
            results.add(analyse(settings, order));
        }
        return List.copyOf(results);
    }

    /**
     * {@return the analysis of the Root OCA compromise response in {@code order} under {@code settings}}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     * @param order the order of the steps
     */
    public static Result analyse(ProcedureSettings settings, Contingency.Order order) {
        Procedure<IncidentState> procedure = IncidentResponses.rootOcaCompromise(settings, order);
        return new Result(order, procedure, OrderingAnalysis.explore(procedure, invariants()));
    }

    /**
     * One order's analysis.
     *
     * @param order the order analysed
     * @param procedure the Root OCA compromise response in that order
     * @param report what the ordering analysis found
     */
    public record Result(Contingency.Order order, Procedure<IncidentState> procedure, OrderingReport report) {

        /**
         * Checks the components.
         *
         * @param order the order analysed
         * @param procedure the Root OCA compromise response in that order
         * @param report what the ordering analysis found
         * @throws NullPointerException when a component is null
         */
        public Result {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(procedure, "procedure");
            Objects.requireNonNull(report, "report");
        }

        /** {@return whether every reachable state was explored and none breaks an invariant} */
        public boolean isSafe() {
            return report.isSafe();
        }

        /** {@return the rules broken in some reachable state, in id order} */
        public Set<RuleId> violatedRules() {
            return report.violatedRules();
        }

        /**
         * {@return a shortest ordering reaching a state that breaks {@code rule}, if any does}
         *
         * @param rule the rule
         */
        public Optional<OrderingReport.UnsafeState> counterexample(RuleId rule) {
            return report.violating(rule).stream()
                    .min(Comparator.comparingInt(u -> u.ordering().size()));
        }

        /** {@return a shortest ordering reaching any unsafe state, if there is one} */
        public Optional<OrderingReport.UnsafeState> shortestCounterexample() {
            return report.unsafeStates().stream()
                    .min(Comparator.comparingInt(u -> u.ordering().size()));
        }

        /**
         * {@return a few lines: the order, its reading, whether it is safe, and for an unsafe one each broken rule
         * with its statement and a shortest counterexample}
         */
        public String describe() {
            StringBuilder text = new StringBuilder()
                    .append(order.name())
                    .append(" (")
                    .append(procedure.name())
                    .append("): ")
                    .append(order.reading())
                    .append(System.lineSeparator())
                    .append("  ")
                    .append(report.statesExplored())
                    .append(" states explored; ")
                    .append(isSafe() ? "safe" : "UNSAFE");
            for (RuleId rule : violatedRules()) {
                OrderingReport.UnsafeState state = counterexample(rule).orElseThrow();
                String statement = state.violated().stream()
                        .filter(i -> i.rule().equals(rule))
                        .map(Invariant::description)
                        .findFirst()
                        .orElseThrow();
                text.append(System.lineSeparator())
                        .append("  ")
                        .append(rule)
                        .append(" ")
                        .append(statement)
                        .append(System.lineSeparator())
                        .append("    shortest counterexample: ")
                        .append(state.ordering().stream().map(StepId::value).collect(Collectors.joining(", ")));
            }
            return text.toString();
        }
    }
}
