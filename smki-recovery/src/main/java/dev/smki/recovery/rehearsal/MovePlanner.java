package dev.smki.recovery.rehearsal;

import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.plan.AttendanceOutcome;
import dev.smki.recovery.plan.AttendancePlan;
import dev.smki.recovery.plan.EventKind;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.InjectedEvent;
import dev.smki.recovery.plan.PlanProcedures;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.procedures.KeyCeremony;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Plans a rehearsal's moves from its exercise plan: each step of the procedure in turn, the first whose prerequisites
 * are planned in the procedure's (the plan's) order; a per-item step once per item; a key ceremony's attendance and
 * activation session by session, as the plan's attendance events say (late custodians after the first activation
 * attempt, later sessions when the custodians reconvene), with the activation retried after each; and the plan's
 * injected events before the first move of their step.
 */
final class MovePlanner {

    private final ExercisePlan plan;
    private final Procedure<IncidentState> procedure;
    private final IncidentState state;
    private final List<Move> moves = new ArrayList<>();
    private final List<Function<IncidentState, String>> carried = new ArrayList<>();

    private MovePlanner(ExercisePlan plan, Procedure<IncidentState> procedure, IncidentState state) {
        this.plan = plan;
        this.procedure = procedure;
        this.state = state;
    }

    static List<Move> plan(ExercisePlan plan, Procedure<IncidentState> procedure, IncidentState state) {
        MovePlanner planner = new MovePlanner(plan, procedure, state);
        for (Step<IncidentState> step : order(procedure)) {
            planner.add(step);
        }
        return List.copyOf(planner.moves);
    }

    private void addMove(Move move) {
        if (carried.isEmpty()) {
            moves.add(move);
            return;
        }
        List<Function<IncidentState, String>> before = new ArrayList<>(carried);
        before.addAll(move.before());
        carried.clear();
        moves.add(new Move(
                move.step(),
                move.item(),
                move.actor(),
                move.extra(),
                move.noticeGated(),
                move.hsmGated(),
                move.unless(),
                before));
    }

    /** Returns the steps in the first order the procedure allows, preferring the order they are defined in. */
    static List<Step<IncidentState>> order(Procedure<IncidentState> procedure) {
        List<Step<IncidentState>> ordered = new ArrayList<>();
        Set<StepId> placed = new LinkedHashSet<>();
        while (ordered.size() < procedure.steps().size()) {
            for (Step<IncidentState> step : procedure.steps()) {
                if (!placed.contains(step.id()) && placed.containsAll(step.prerequisites())) {
                    ordered.add(step);
                    placed.add(step.id());
                    break;
                }
            }
        }
        return ordered;
    }

    private void add(Step<IncidentState> step) {
        Actor actor = PlanProcedures.actor(plan, step);
        List<Function<IncidentState, String>> events = events(step.id());
        Optional<KeyCeremony> ceremony = KeyCeremony.of(step.id());
        if (ceremony.isPresent() && ceremony.get().attendance().equals(step.id())) {
            attendance(step.id(), actor, 1, Optional.empty(), Duration.ZERO, events);
        } else if (ceremony.isPresent() && step.id().equals(ceremony.get().activation())) {
            activation(ceremony.get(), actor, events);
        } else if (step.isPerItem()) {
            List<String> items = step.items().of(state);
            for (int i = 0; i < items.size(); i++) {
                addMove(new Move(
                        step.id(),
                        Optional.of(items.get(i)),
                        actor,
                        Duration.ZERO,
                        false,
                        false,
                        Optional.empty(),
                        i == 0 ? events : List.of()));
            }
        } else {
            addMove(new Move(
                    step.id(), Optional.empty(), actor, Duration.ZERO, false, false, Optional.empty(), events));
        }
    }

    /** Plans the on-time attendances of {@code session}, the first after {@code extra}. */
    private void attendance(
            StepId step,
            Actor actor,
            int session,
            Optional<StepId> unless,
            Duration extra,
            List<Function<IncidentState, String>> events) {
        boolean first = true;
        for (AttendancePlan a : plan.custody().attendance()) {
            if (a.session() != session
                    || a.outcome() == AttendanceOutcome.NO_SHOW
                    || a.outcome() == AttendanceOutcome.LATE) {
                continue;
            }
            addMove(attend(
                    step,
                    actor,
                    a,
                    first ? extra : Duration.ZERO,
                    first && session == 1,
                    unless,
                    first ? events : List.of()));
            first = false;
        }
        if (first) {
            carried.addAll(events);
        }
    }

    private Move attend(
            StepId step,
            Actor actor,
            AttendancePlan a,
            Duration extra,
            boolean noticeGated,
            Optional<StepId> unless,
            List<Function<IncidentState, String>> events) {
        CustodianId custodian = CustodianId.of(a.custodian());
        List<Function<IncidentState, String>> before = new ArrayList<>(events);
        if (a.outcome() == AttendanceOutcome.CEASED) {
            before.add(s -> s.custody().isAppointed(custodian) ? s.ceaseCustodian(custodian) : "");
        }
        return new Move(
                step,
                Optional.of(KeyCeremony.item(custodian, a.session())),
                actor,
                extra,
                noticeGated,
                false,
                unless,
                before);
    }

    private void activation(KeyCeremony ceremony, Actor actor, List<Function<IncidentState, String>> events) {
        StepId step = ceremony.activation();
        Actor attending = PlanProcedures.actor(plan, procedure.step(ceremony.attendance()));
        Optional<StepId> unlessDone = Optional.of(step);
        addMove(new Move(step, Optional.empty(), actor, Duration.ZERO, false, false, Optional.empty(), events));
        boolean hsmFailure = plan.events().stream()
                .anyMatch(e -> e.kind() == EventKind.HSM_ACTIVATION_FAILURE
                        && (e.at().equals(step.value())
                                || e.at().equals(ceremony.attendance().value())));
        if (hsmFailure) {
            addMove(new Move(step, Optional.empty(), actor, Duration.ZERO, false, true, unlessDone, List.of()));
        }
        Set<Integer> sessions = new TreeSet<>();
        plan.custody().attendance().forEach(a -> sessions.add(a.session()));
        for (int session : sessions) {
            if (session > 1) {
                if (!plan.custody().reconvene()) {
                    break;
                }
                int before = moves.size();
                attendance(
                        ceremony.attendance(),
                        attending,
                        session,
                        unlessDone,
                        plan.custody().reconveneAfter(),
                        List.of());
                if (moves.size() > before) {
                    addMove(new Move(
                            step, Optional.empty(), actor, Duration.ZERO, false, false, unlessDone, List.of()));
                }
            }
            boolean late = false;
            for (AttendancePlan a : plan.custody().attendance()) {
                if (a.session() == session && a.outcome() == AttendanceOutcome.LATE) {
                    addMove(attend(
                            ceremony.attendance(),
                            attending,
                            a,
                            late ? Duration.ZERO : plan.custody().lateBy(),
                            false,
                            unlessDone,
                            List.of()));
                    late = true;
                }
            }
            if (late) {
                addMove(new Move(step, Optional.empty(), actor, Duration.ZERO, false, false, unlessDone, List.of()));
            }
        }
    }

    private List<Function<IncidentState, String>> events(StepId step) {
        List<Function<IncidentState, String>> events = new ArrayList<>();
        for (InjectedEvent e : plan.events()) {
            if (!e.at().equals(step.value())) {
                continue;
            }
            switch (e.kind()) {
                case HSM_ACTIVATION_FAILURE ->
                    events.add(s -> s.failHsmUntil(s.clock().instant().plus(e.lasting())));
                case SECOND_COMPROMISE -> events.add(s -> s.secondCompromise(e.role(), e.usage()));
                case SOLR_OVERLAP -> events.add(s -> s.overlappingSolr(e.role()));
            }
        }
        return events;
    }
}
