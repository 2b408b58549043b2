package dev.smki.recovery.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.PmaDecision;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.journal.Journal;
import dev.smki.recovery.journal.JournalEntry;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.PlanProcedures;
import dev.smki.recovery.procedures.Actors;
import dev.smki.recovery.procedures.Contingency;
import dev.smki.recovery.procedures.Decide;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.procedures.Notify;
import dev.smki.recovery.procedures.ProgressPoint;
import dev.smki.recovery.procedures.RecoveryKeyUse;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Outcome;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

/**
 * Stateful properties of an incident response over random interleavings of notifications, decisions, custodian
 * arrivals and departures, activations and command sends, each attempted on the composed procedure with its effect
 * on a small simulated world: after every action, REC-1, REC-2, REC-9 and REC-14 hold, checked against the journal
 * and the world with oracles that do not use the procedure definitions' guards. QuickTheories shrinks a failing
 * list of actions to a minimal one.
 */
class IncidentResponseProperties implements WithQuickTheories {

    private static final Quorum QUORUM = Quorum.of(2, 4);
    private static final Map<StepId, Set<RecoveryMechanism>> KEY_USE = Map.of(
            Contingency.KEY_ACTIVATED, Set.of(RecoveryMechanism.CONTINGENCY),
            Contingency.COMMANDS_SENT, Set.of(RecoveryMechanism.CONTINGENCY),
            RecoveryKeyUse.KEY_ACTIVATED,
                    Set.of(RecoveryMechanism.RECOVERY_METHOD_2, RecoveryMechanism.RECOVERY_METHOD_3),
            RecoveryKeyUse.COMMANDS_SENT,
                    Set.of(RecoveryMechanism.RECOVERY_METHOD_2, RecoveryMechanism.RECOVERY_METHOD_3));
    private static final Map<StepId, StepId> ATTENDANCE = Map.of(
            Contingency.KEY_ACTIVATED, Contingency.CUSTODIAN_ATTENDS,
            RecoveryKeyUse.KEY_ACTIVATED, RecoveryKeyUse.CUSTODIAN_ATTENDS);
    private static final Set<StepId> DECISION_STEPS =
            Set.of(Decide.RECEIVED, Decide.GUIDANCE_APPLIED, Decide.DECIDED, Decide.COMMUNICATED);

    /** What an action does; {@link Action#index()} and {@link Action#flag()} say to what. */
    enum ActionKind {
        /** The script's next move not yet accepted. */
        NEXT_MOVE,
        /** A decision: {@code index} picks the mechanism, {@code flag} another incident. */
        DECISION,
        /** A custodian's arrival: {@code index} picks the custodian, one never appointed among them. */
        CUSTODIAN_ARRIVES,
        /** A custodian ceasing: {@code index} picks the custodian. */
        CUSTODIAN_CEASES,
        /** A scripted move ({@code index}) by a wrong actor. */
        WRONG_ACTOR,
        /** Any scripted move, by {@code index}. */
        ANY_MOVE
    }

    /** One action of the kind given. */
    record Action(ActionKind kind, int index, boolean flag) {
        @Override
        public String toString() {
            return switch (kind) {
                case NEXT_MOVE -> "next move";
                case DECISION ->
                    "decide " + RecoveryMechanism.values()[index % RecoveryMechanism.values().length]
                            + (flag ? " for another incident" : "");
                case CUSTODIAN_ARRIVES -> "custodian " + (index % (QUORUM.n() + 1) + 1) + " arrives";
                case CUSTODIAN_CEASES -> "custodian " + (index % QUORUM.n() + 1) + " ceases";
                case WRONG_ACTOR -> "move " + index + " by a wrong actor";
                case ANY_MOVE -> "move " + index;
            };
        }
    }

    /** Draws actions, of 20: 12 next moves, 1 decision, 2 arrivals, 1 ceasing, 2 wrong actors, 2 any moves. */
    private Gen<Action> action() {
        return integers()
                .between(0, 19)
                .zip(integers().between(0, 80), booleans().all(), (k, i, f) -> {
                    ActionKind kind = k < 12
                            ? ActionKind.NEXT_MOVE
                            : k == 12
                                    ? ActionKind.DECISION
                                    : k < 15
                                            ? ActionKind.CUSTODIAN_ARRIVES
                                            : k == 15
                                                    ? ActionKind.CUSTODIAN_CEASES
                                                    : k < 18 ? ActionKind.WRONG_ACTOR : ActionKind.ANY_MOVE;
                    return new Action(kind, i, f);
                });
    }

    private Gen<ExercisePlan> scenario() {
        return integers().between(0, 2).zip(longs().between(1, 4), (s, seed) -> {
            ExercisePlan p = s == 0
                    ? ExercisePlan.builtIn("contingency")
                    : ExercisePlan.builtIn("recovery-key")
                            .withDecision(
                                    s == 1 ? RecoveryMechanism.RECOVERY_METHOD_2 : RecoveryMechanism.RECOVERY_METHOD_3);
            return p.withSeed(seed).withDevices(12).withQuorum(QUORUM);
        });
    }

    private final AtomicInteger keyUses = new AtomicInteger();

    @Test
    void decisionGateQuorumProgressAndOrderingHoldAfterEveryActionOfAnyInterleaving() {
        // About a third of the examples reach key use (measured: 12 to 21 of 50), so 100 examples keep the
        // coverage check below about five standard deviations from failing by chance.
        qt().withExamples(100)
                .withShrinkCycles(400)
                .forAll(scenario(), lists().of(action()).ofSizeBetween(10, 70))
                .checkAssert(this::check);
        assertThat(keyUses.get())
                .as("examples in which a key was activated or used")
                .isGreaterThan(10);
    }

    private void check(ExercisePlan parameters, List<Action> actions) {
        IncidentState world = IncidentState.create(PlanSetup.of(parameters));
        List<RecoveryProgress> reports = new ArrayList<>();
        world.fleet().onProgress(reports::add);
        Procedure<IncidentState> procedure = PlanProcedures.procedure(parameters);
        List<Move> moves = MovePlanner.plan(parameters, procedure, world);
        StepId attendance = parameters.name().equals("contingency")
                ? Contingency.CUSTODIAN_ATTENDS
                : RecoveryKeyUse.CUSTODIAN_ATTENDS;
        Model model = new Model();
        try (ProcedureRun<IncidentState> run =
                ProcedureRun.start(procedure, Journal.inMemory(), world.clock(), world)) {
            for (int i = 0; i < actions.size(); i++) {
                Action action = actions.get(i);
                world.clock().set(world.clock().instant().plus(Duration.ofMinutes(30)));
                switch (action.kind()) {
                    case NEXT_MOVE -> next(run, moves).ifPresent(move -> make(run, world, move));
                    case ANY_MOVE -> make(run, world, moves.get(action.index() % moves.size()));
                    case DECISION -> decide(run, world, action);
                    case CUSTODIAN_ARRIVES -> {
                        CustodianId custodian = custodian(action.index() % (QUORUM.n() + 1) + 1);
                        make(
                                run,
                                world,
                                new Move(
                                        attendance,
                                        Optional.of(custodian.value()),
                                        Actors.KEY_CUSTODIAN,
                                        Duration.ZERO,
                                        false,
                                        false,
                                        Optional.empty(),
                                        List.of()));
                    }
                    case CUSTODIAN_CEASES -> {
                        var custodian = custodian(action.index() % QUORUM.n() + 1);
                        if (world.custody().isAppointed(custodian)) {
                            world.ceaseCustodian(custodian);
                            model.ceased.put(custodian.value(), lastSequence(run));
                        }
                    }
                    case WRONG_ACTOR -> {
                        Move move = moves.get(action.index() % moves.size());
                        Actor wrong = move.actor().equals(Actors.PARTY) ? Actors.DEVICE : Actors.PARTY;
                        make(
                                run,
                                world,
                                new Move(
                                        move.step(),
                                        move.item(),
                                        wrong,
                                        Duration.ZERO,
                                        false,
                                        false,
                                        Optional.empty(),
                                        List.of()));
                    }
                }
                String trail = "after " + actions.subList(0, i + 1) + " in " + procedure.name() + "; journal "
                        + run.entries().stream()
                                .map(e -> "#" + e.sequence() + " " + e.stepAndItem() + " by " + e.actor()
                                        + (e.accepted() ? "" : " refused"))
                                .collect(Collectors.joining(", "));
                checkDecisionGate(run, world, trail);
                checkQuorum(run, model, trail);
                checkProgress(world, reports, trail);
                checkOrdering(run, procedure, trail);
            }
            if (run.entries().stream().anyMatch(e -> e.accepted() && KEY_USE.containsKey(e.step()))) {
                keyUses.incrementAndGet();
            }
        }
    }

    /** What the test itself knows happened outside the journal: when each custodian ceased (after which line). */
    private static final class Model {
        final Map<String, Long> ceased = new HashMap<>();
    }

    /** Returns the first move of the script whose step (and item) is not accepted yet. */
    private static CustodianId custodian(int i) {
        return CustodianId.of(String.format(java.util.Locale.ROOT, "KC-%02d", i));
    }

    private static Optional<Move> next(ProcedureRun<IncidentState> run, List<Move> moves) {
        var state = run.state();
        return moves.stream()
                .filter(m -> m.item().isPresent()
                        ? !state.hasCompleted(m.step(), m.item().get())
                        : !state.hasCompleted(m.step()))
                .findFirst();
    }

    private static long lastSequence(ProcedureRun<IncidentState> run) {
        return run.state().lastSequence();
    }

    private static void make(ProcedureRun<IncidentState> run, IncidentState world, Move move) {
        Step<IncidentState> step = run.procedure().step(move.step());
        Payload payload = step.offer().payload(world, move.item());
        Attempt attempt = move.item().isPresent()
                ? Attempt.ofItem(move.step(), move.item().get(), move.actor(), payload)
                : Attempt.of(move.step(), move.actor(), payload);
        Outcome outcome = run.attempt(attempt);
        if (outcome.isAccepted()) {
            step.effect().apply(world, attempt);
        }
    }

    private static void decide(ProcedureRun<IncidentState> run, IncidentState world, Action action) {
        RecoveryMechanism mechanism = RecoveryMechanism.values()[action.index() % RecoveryMechanism.values().length];
        IncidentId incident = action.flag() ? IncidentId.of("INC-ELSEWHERE") : world.incident();
        PmaDecision decision =
                new PmaDecision(incident, mechanism, world.clock().instant());
        Attempt attempt = Attempt.of(Decide.DECIDED, Actors.SMKI_PMA, new Decide.Decision(decision));
        if (run.attempt(attempt).isAccepted()) {
            run.procedure().step(Decide.DECIDED).effect().apply(world, attempt);
        }
    }

    /** REC-1: every accepted key use follows an accepted decision for this incident requiring that key. */
    private static void checkDecisionGate(ProcedureRun<IncidentState> run, IncidentState world, String trail) {
        List<JournalEntry> entries = run.entries();
        for (JournalEntry use : entries) {
            Set<RecoveryMechanism> requiring = KEY_USE.get(use.step());
            if (!use.accepted() || requiring == null) {
                continue;
            }
            boolean decided = entries.stream()
                    .anyMatch(d -> d.accepted()
                            && d.sequence() < use.sequence()
                            && d.step().equals(Decide.DECIDED)
                            && world.incident().value().equals(d.payload().get("incident"))
                            && requiring.contains(
                                    RecoveryMechanism.valueOf(d.payload().get("mechanism"))));
            assertThat(decided)
                    .as(
                            "REC-1 decision gate: %s accepted at #%d without an earlier SMKI PMA decision for %s requiring"
                                    + " its key; %s",
                            use.step(), use.sequence(), world.incident(), trail)
                    .isTrue();
        }
    }

    /** REC-2: every accepted activation counts M distinct custodians who attended before it and had not ceased. */
    private static void checkQuorum(ProcedureRun<IncidentState> run, Model model, String trail) {
        List<JournalEntry> entries = run.entries();
        for (JournalEntry activation : entries) {
            StepId attendance = ATTENDANCE.get(activation.step());
            if (!activation.accepted() || attendance == null) {
                continue;
            }
            Set<String> present = new HashSet<>();
            for (JournalEntry arrival : entries) {
                if (arrival.accepted()
                        && arrival.step().equals(attendance)
                        && arrival.sequence() < activation.sequence()) {
                    String custodian = arrival.item().orElseThrow();
                    Long ceasedAfter = model.ceased.get(custodian);
                    if (ceasedAfter == null || ceasedAfter >= activation.sequence()) {
                        present.add(custodian);
                    }
                }
            }
            assertThat(present)
                    .as(
                            "REC-2 quorum: %s accepted at #%d with %s of the %d distinct appointed custodians needed; %s",
                            activation.step(), activation.sequence(), present, QUORUM.m(), trail)
                    .hasSizeGreaterThanOrEqualTo(QUORUM.m());
        }
    }

    /**
     * REC-9: every progress point and every fleet progress report conserves its counts, and counts only move
     * forward within a phase (one sending of commands).
     */
    private static void checkProgress(IncidentState world, List<RecoveryProgress> reports, String trail) {
        List<ProgressPoint> points = world.fleet().progress();
        for (int i = 0; i < points.size(); i++) {
            ProgressPoint p = points.get(i);
            assertThat(p.recovered() + p.failed() + p.pending())
                    .as("REC-9 progress conserved: %s; %s", p, trail)
                    .isEqualTo(p.relevant());
            if (i > 0) {
                ProgressPoint before = points.get(i - 1);
                assertThat(p.writtenOff())
                        .as("REC-9 written off only grows: %s after %s; %s", p, before, trail)
                        .isGreaterThanOrEqualTo(before.writtenOff());
                if (p.phase().equals(before.phase())) {
                    assertThat(p.recovered() >= before.recovered()
                                    && p.failed() >= before.failed()
                                    && p.pending() <= before.pending()
                                    && p.relevant() == before.relevant())
                            .as(
                                    "REC-9 counts only move forward within %s: %s after %s; %s",
                                    p.phase(), p, before, trail)
                            .isTrue();
                }
            }
        }
        for (int i = 0; i < reports.size(); i++) {
            RecoveryProgress r = reports.get(i);
            assertThat(r.succeeded() + r.failed() + r.pending())
                    .as("REC-9 progress report conserved: %s; %s", r, trail)
                    .isEqualTo(r.total());
            if (i > 0 && reports.get(i - 1).operation().equals(r.operation())) {
                assertThat(r.notFollowing(reports.get(i - 1)))
                        .as("REC-9 progress report moves forward: %s; %s", r, trail)
                        .isEmpty();
            }
        }
    }

    /**
     * REC-14: the SMKI PMA takes up the incident only after N4, no key is used before the decision D3, and every
     * accepted step follows all its prerequisites, none of a later phase.
     */
    private static void checkOrdering(
            ProcedureRun<IncidentState> run, Procedure<IncidentState> procedure, String trail) {
        Map<StepId, Long> firstAccepted = new HashMap<>();
        for (JournalEntry entry : run.entries()) {
            if (entry.accepted()) {
                firstAccepted.putIfAbsent(entry.step(), entry.sequence());
            }
        }
        for (JournalEntry entry : run.entries()) {
            if (!entry.accepted()) {
                continue;
            }
            long at = entry.sequence();
            if (DECISION_STEPS.contains(entry.step())) {
                assertThat(firstAccepted.getOrDefault(Notify.PMA_NOTIFIED, Long.MAX_VALUE))
                        .as("REC-14 ordering: %s at #%d before N4; %s", entry.step(), at, trail)
                        .isLessThan(at);
            }
            if (KEY_USE.containsKey(entry.step())) {
                assertThat(firstAccepted.getOrDefault(Decide.DECIDED, Long.MAX_VALUE))
                        .as("REC-14 ordering: key use %s at #%d before D3; %s", entry.step(), at, trail)
                        .isLessThan(at);
            }
            Step<IncidentState> step = procedure.step(entry.step());
            Deque<StepId> open = new ArrayDeque<>(step.prerequisites());
            Set<StepId> seen = new HashSet<>();
            while (!open.isEmpty()) {
                StepId before = open.pop();
                if (!seen.add(before)) {
                    continue;
                }
                Step<IncidentState> prerequisite = procedure.step(before);
                assertThat(firstAccepted.getOrDefault(before, Long.MAX_VALUE))
                        .as(
                                "REC-14 ordering: %s at #%d before its prerequisite %s; %s",
                                entry.step(), at, before, trail)
                        .isLessThan(at);
                assertThat(prerequisite.phase().isAfter(step.phase()))
                        .as(
                                "REC-14 ordering: %s (%s) after %s of the later phase %s; %s",
                                entry.step(), step.phase(), before, prerequisite.phase(), trail)
                        .isFalse();
                open.addAll(prerequisite.prerequisites());
            }
        }
    }
}
