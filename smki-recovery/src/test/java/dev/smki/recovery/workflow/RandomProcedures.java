package dev.smki.recovery.workflow;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Random procedures and attempt sequences for property tests, decoded from lists of integers so that
 * QuickTheories shrinks them; and a reference model of what a run must accept, written from the documented
 * rules independently of the engine.
 */
public final class RandomProcedures {

    public static final List<Actor> ACTORS = List.of(Actor.of("A"), Actor.of("B"), Actor.of("C"));
    public static final List<String> ITEMS = List.of("i1", "i2", "i3");

    /** A context value the {@link #GATE_OPEN} guard reads; tests flip it between attempts. */
    public static final class Gate {
        public volatile boolean open;
    }

    public static final Guard<Object> PAYLOAD_APPROVED = guard(
            "TEST-1",
            "payload approved",
            in -> "yes".equals(in.payload().summary().get("ok")));
    public static final Guard<Object> GATE_OPEN = guard("TEST-2", "gate open", in -> ((Gate) in.context()).open);
    public static final Guard<Object> AT_MOST_TWICE = guard(
            "TEST-3", "at most twice", in -> in.progress().timesDone(in.step().id()) < 2);
    public static final List<Guard<Object>> GUARDS = List.of(PAYLOAD_APPROVED, GATE_OPEN, AT_MOST_TWICE);

    private static Guard guard(String rule, String name, Guard.Condition<Object> condition) {
        return Guard.rule(RuleId.of(rule), name)
                .stating("a test rule: " + name)
                .citing(Citation.of("test"), Confidence.INFERRED)
                .when(condition);
    }

    /** The shape of one step, by indices into {@link #ACTORS}, the earlier steps and {@link #GUARDS}. */
    public record StepSpec(
            int phase, List<Integer> actors, Multiplicity multiplicity, List<Integer> after, List<Integer> guards) {}

    /** A procedure's shape; {@link #procedure()} builds it. */
    public record Spec(List<StepSpec> steps) {

        static Spec decode(List<Integer> codes) {
            List<StepSpec> steps = new ArrayList<>();
            int phase = 0;
            for (int i = 0; i < codes.size(); i++) {
                int x = codes.get(i);
                List<Integer> actors = new ArrayList<>();
                for (int a = 0; a < 3; a++) {
                    if ((x & (1 << a)) != 0) {
                        actors.add(a);
                    }
                }
                if (actors.isEmpty()) {
                    actors.add(0);
                }
                Multiplicity multiplicity = switch ((x >>> 3) & 3) {
                    case 2 -> Multiplicity.REPEATABLE;
                    case 3 -> Multiplicity.PER_ITEM;
                    default -> Multiplicity.ONCE;
                };
                int guardBits = ((x >>> 5) & 7) & ((x >>> 8) & 7);
                List<Integer> guards = new ArrayList<>();
                for (int g = 0; g < 3; g++) {
                    if ((guardBits & (1 << g)) != 0) {
                        guards.add(g);
                    }
                }
                if (((x >>> 11) & 3) == 3) {
                    phase = Math.min(phase + 1, 2);
                }
                int prerequisiteBits = ((x >>> 13) & (x >>> 22)) & ((1 << i) - 1);
                List<Integer> after = new ArrayList<>();
                for (int p = 0; p < i; p++) {
                    if ((prerequisiteBits & (1 << p)) != 0) {
                        after.add(p);
                    }
                }
                steps.add(new StepSpec(phase, actors, multiplicity, after, guards));
            }
            return new Spec(List.copyOf(steps));
        }

        public static StepId id(int index) {
            return StepId.of("S" + index);
        }

        public Procedure procedure() {
            Procedure.Builder builder = Procedure.named("RANDOM");
            for (int i = 0; i < steps.size(); i++) {
                StepSpec step = steps.get(i);
                List<Actor> actors = step.actors().stream().map(ACTORS::get).toList();
                builder.step(
                        id(i),
                        "Step " + i,
                        Phase.values()[step.phase()],
                        actors.get(0),
                        actors.subList(1, actors.size()).toArray(Actor[]::new));
                builder.after(step.after().stream().map(Spec::id).toArray(StepId[]::new));
                builder.guardedBy(step.guards().stream().map(GUARDS::get).toArray(Guard[]::new));
                if (step.multiplicity() == Multiplicity.REPEATABLE) {
                    builder.repeatable();
                } else if (step.multiplicity() == Multiplicity.PER_ITEM) {
                    builder.perItem();
                }
            }
            return builder.build();
        }
    }

    /**
     * One attempt of a sequence, decoded from an integer, with what happens around it: whether it starts a new
     * batch, whether the gate flips and how far the clock moves first.
     */
    public record Move(
            int step, int actor, int item, boolean approved, boolean flipGate, boolean newBatch, int minutes) {

        static Move decode(int x, int steps) {
            boolean flip = ((x >>> 10) & 7) == 0;
            return new Move(
                    Math.floorMod(x, steps),
                    (x >>> 4) % 3,
                    (x >>> 6) % 3,
                    ((x >>> 8) & 3) != 0,
                    flip,
                    flip || ((x >>> 13) & 1) == 0,
                    (x >>> 16) & 15);
        }

        public Attempt attempt(Spec spec) {
            Payload payload = Payload.of("ok", approved ? "yes" : "no");
            StepId id = Spec.id(step);
            return spec.steps().get(step).multiplicity() == Multiplicity.PER_ITEM
                    ? Attempt.ofItem(id, ITEMS.get(item), ACTORS.get(actor), payload)
                    : Attempt.of(id, ACTORS.get(actor), payload);
        }
    }

    /** A procedure and a sequence of moves at it. */
    public record Scenario(Spec spec, List<Move> moves) {

        public List<List<Move>> batches() {
            List<List<Move>> batches = new ArrayList<>();
            for (Move move : moves) {
                if (batches.isEmpty() || move.newBatch()) {
                    batches.add(new ArrayList<>());
                }
                batches.get(batches.size() - 1).add(move);
            }
            return batches;
        }
    }

    public static Gen<Spec> specs(int maxSteps) {
        return SourceDSL.lists()
                .of(SourceDSL.integers().between(0, Integer.MAX_VALUE))
                .ofSizeBetween(1, maxSteps)
                .map(Spec::decode);
    }

    public static Gen<Scenario> scenarios(int maxSteps, int maxMoves) {
        return specs(maxSteps)
                .zip(
                        SourceDSL.lists()
                                .of(SourceDSL.integers().between(0, Integer.MAX_VALUE))
                                .ofSizeBetween(0, maxMoves),
                        (spec, codes) -> new Scenario(
                                spec,
                                codes.stream()
                                        .map(x -> Move.decode(x, spec.steps().size()))
                                        .toList()));
    }

    /**
     * What a run must decide, from the rules as documented: already done, then wrong actor, then missing
     * prerequisites (a per-item prerequisite of a per-item step for the same item), then the guards in order.
     */
    public static final class Model {

        /** A decision: accepted when {@code kind} is null. */
        public record Decision(Refusal.Kind kind, List<StepId> missing, RuleId rule) {}

        /** The state a run must be in: complete steps, items done and acceptances per step. */
        public record State(Set<StepId> complete, Map<StepId, Set<String>> items, Map<StepId, Integer> times) {

            public static State of(Progress progress, Spec spec) {
                Set<StepId> complete = new HashSet<>();
                Map<StepId, Set<String>> items = new HashMap<>();
                Map<StepId, Integer> times = new HashMap<>();
                for (int i = 0; i < spec.steps().size(); i++) {
                    StepId id = Spec.id(i);
                    if (progress.hasCompleted(id)) {
                        complete.add(id);
                        times.put(id, progress.timesDone(id));
                    }
                    if (!progress.itemsDone(id).isEmpty()) {
                        items.put(id, Set.copyOf(progress.itemsDone(id)));
                    }
                }
                return new State(Set.copyOf(complete), Map.copyOf(items), Map.copyOf(times));
            }
        }

        private final Spec spec;
        private final Set<Integer> complete;
        private final Set<String> doneItems; // "step/item"
        private final Map<Integer, Integer> times;

        public Model(Spec spec) {
            this(spec, new HashSet<>(), new HashSet<>(), new HashMap<>());
        }

        private Model(Spec spec, Set<Integer> complete, Set<String> doneItems, Map<Integer, Integer> times) {
            this.spec = spec;
            this.complete = complete;
            this.doneItems = doneItems;
            this.times = times;
        }

        /** Returns the model of a run in the state {@code progress}. */
        public static Model from(Spec spec, Progress progress) {
            Model model = new Model(spec);
            for (int i = 0; i < spec.steps().size(); i++) {
                StepId id = Spec.id(i);
                if (progress.hasCompleted(id)) {
                    model.complete.add(i);
                    model.times.put(i, progress.timesDone(id));
                }
                for (String item : progress.itemsDone(id)) {
                    model.doneItems.add(i + "/" + item);
                }
            }
            return model;
        }

        public Model copy() {
            return new Model(spec, new HashSet<>(complete), new HashSet<>(doneItems), new HashMap<>(times));
        }

        public Decision decide(Move move, boolean gateOpen) {
            StepSpec step = spec.steps().get(move.step());
            boolean perItem = step.multiplicity() == Multiplicity.PER_ITEM;
            String key = move.step() + "/" + ITEMS.get(move.item());
            if (step.multiplicity() == Multiplicity.ONCE && complete.contains(move.step())
                    || perItem && doneItems.contains(key)) {
                return new Decision(Refusal.Kind.ALREADY_DONE, List.of(), null);
            }
            if (!step.actors().contains(move.actor())) {
                return new Decision(Refusal.Kind.WRONG_ACTOR, List.of(), null);
            }
            List<StepId> missing = new ArrayList<>();
            for (int p : step.after()) {
                boolean sameItem = perItem && spec.steps().get(p).multiplicity() == Multiplicity.PER_ITEM;
                boolean done = sameItem ? doneItems.contains(p + "/" + ITEMS.get(move.item())) : complete.contains(p);
                if (!done) {
                    missing.add(Spec.id(p));
                }
            }
            if (!missing.isEmpty()) {
                return new Decision(Refusal.Kind.MISSING_PREREQUISITES, missing, null);
            }
            for (int g : step.guards()) {
                boolean holds = switch (g) {
                    case 0 -> move.approved();
                    case 1 -> gateOpen;
                    default -> times.getOrDefault(move.step(), 0) < 2;
                };
                if (!holds) {
                    return new Decision(
                            Refusal.Kind.GUARD_FAILED, List.of(), GUARDS.get(g).rule());
                }
            }
            return new Decision(null, List.of(), null);
        }

        /** Decides {@code move} and, if accepted, records it. */
        public Decision apply(Move move, boolean gateOpen) {
            Decision decision = decide(move, gateOpen);
            if (decision.kind() == null) {
                complete.add(move.step());
                if (spec.steps().get(move.step()).multiplicity() == Multiplicity.PER_ITEM) {
                    doneItems.add(move.step() + "/" + ITEMS.get(move.item()));
                }
                times.merge(move.step(), 1, Integer::sum);
            }
            return decision;
        }

        public State state() {
            Set<StepId> ids = new HashSet<>();
            complete.forEach(i -> ids.add(Spec.id(i)));
            Map<StepId, Set<String>> items = new HashMap<>();
            for (String key : doneItems) {
                String[] parts = key.split("/");
                items.computeIfAbsent(Spec.id(Integer.parseInt(parts[0])), k -> new HashSet<>())
                        .add(parts[1]);
            }
            items.replaceAll((k, v) -> Set.copyOf(v));
            Map<StepId, Integer> counts = new HashMap<>();
            times.forEach((i, n) -> counts.put(Spec.id(i), n));
            return new State(Set.copyOf(ids), Map.copyOf(items), Map.copyOf(counts));
        }

        /** Returns the decision a run's outcome amounts to, for comparison with the model's. */
        public static Decision of(Outcome outcome) {
            if (outcome.isAccepted()) {
                return new Decision(null, List.of(), null);
            }
            Refusal refusal = outcome.refusal().orElseThrow();
            List<StepId> missing = refusal instanceof Refusal.MissingPrerequisites m ? m.missingIds() : List.of();
            return new Decision(refusal.kind(), missing, refusal.rule().orElse(null));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Model model && state().equals(model.state());
        }

        @Override
        public int hashCode() {
            return Objects.hash(state());
        }

        @Override
        public String toString() {
            return state().toString();
        }
    }

    private RandomProcedures() {}
}
