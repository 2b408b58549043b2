package dev.smki.recovery.workflow;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The definition of a step-ordered procedure: its steps, their prerequisites (a directed acyclic graph), guards
 * and phases, and its named deadlines. Immutable; a {@link dev.smki.recovery.journal.ProcedureRun} holds one execution
 * of it.
 *
 * <p>A definition reads like the procedure's table, one line per step, with the phase, the id, the title and
 * the actors allowed, followed by what applies to that step:
 *
 * <pre>{@code
 * Procedure notify = Procedure.named("NOTIFY")
 *         .pre(N1, "Compromise detected", SUBSCRIBER, DCC)
 *         .pre(N2, "DCC notified", SUBSCRIBER).after(N1)
 *         .exec(N3, "Compromise confirmed", DCC).after(N2).guardedBy(CALL_BACK)
 *         .exec(N5, "Relevant Devices found", DCC).after(N3).perItem()
 *         .post(N6, "Revocation requested", DCC, SUBSCRIBER).after(N3)
 *         .deadline("T_confirm", N2, N3, Duration.ofHours(4))
 *         .build();
 * }</pre>
 *
 * <p>A procedure is typed by its context {@code C}, the state outside a run that its guards read: {@code
 * Guard<C>} conditions read {@code in.context()}. A step may also say what its actor hands over ({@link
 * Builder#offering}), for which items a per-item step is done ({@link Builder#perItem(Items)}) and what an accepted
 * attempt does to the context ({@link Builder#does}), so that a step's definition, guards and effect are found in one
 * place. The engine decides and journals attempts; whoever drives the run applies the effects.
 *
 * <p>{@link Builder#build()} rejects a definition with duplicate step ids, unknown prerequisites, a cycle of
 * prerequisites (naming it), a step requiring a step of a later phase (REC-14: pre before exec before post),
 * a guard given twice, or a deadline between unknown steps.
 *
 * <p>Procedures compose: {@link Builder#include} copies another procedure's steps and deadlines into the one
 * being built, and {@link Builder#amend} returns to a step already defined (or included) so that, for example,
 * the first step of one procedure can be made to follow the last step of another. {@link #without} leaves steps
 * out while keeping the order they implied.
 *
 * <p>The {@linkplain #definitionHash() definition hash} identifies the definition in a journal's header, so a
 * journal is only ever resumed with the procedure that wrote it. It covers everything above except the code of
 * guard conditions, which is identified by each guard's rule id, name and statement.
 */
public final class Procedure<C> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

    private final String name;
    private final List<Step<C>> steps;
    private final Map<StepId, Step<C>> byId;
    private final List<Deadline> deadlines;
    private final String definitionHash;

    private Procedure(String name, List<Step<C>> steps, List<Deadline> deadlines) {
        this.name = name;
        this.steps = List.copyOf(steps);
        Map<StepId, Step<C>> index = new LinkedHashMap<>();
        steps.forEach(step -> index.put(step.id(), step));
        this.byId = Collections.unmodifiableMap(index);
        this.deadlines = List.copyOf(deadlines);
        this.definitionHash = DefinitionHash.of(name, this.steps, this.deadlines);
    }

    /**
     * {@return a builder of a procedure called {@code name}, such as {@code NOTIFY} or {@code CONTINGENCY}}
     *
     * @param <C> the type of the context the guards read
     * @param name the name
     * @throws IllegalArgumentException when the name is not a letter followed by letters, digits, '.', '-' or
     *     '_'
     */
    public static <C> Builder<C> named(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "A procedure's name starts with a letter, such as NOTIFY; got '" + name + "'");
        }
        return new Builder<>(name);
    }

    /** {@return the procedure's name} */
    public String name() {
        return name;
    }

    /** {@return the steps in the order they were defined} */
    public List<Step<C>> steps() {
        return steps;
    }

    /**
     * {@return the step {@code id}}
     *
     * @param id the id
     * @throws IllegalArgumentException when the procedure has no such step
     */
    public Step<C> step(StepId id) {
        Step<C> step = byId.get(Objects.requireNonNull(id, "id"));
        if (step == null) {
            throw new IllegalArgumentException(id + " is not a step of " + name + "; its steps are " + byId.keySet());
        }
        return step;
    }

    /**
     * {@return whether {@code id} is a step of this procedure}
     *
     * @param id the id
     */
    public boolean hasStep(StepId id) {
        return byId.containsKey(id);
    }

    /** {@return the deadlines in the order they were defined} */
    public List<Deadline> deadlines() {
        return deadlines;
    }

    /**
     * {@return the deadline called {@code name}, if there is one}
     *
     * @param name the name
     */
    public Optional<Deadline> deadline(String name) {
        return deadlines.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * {@return a copy whose deadline {@code name} allows {@code limit}; how a user sets a duration the SEC text
     * gives and this definition only assumes}
     *
     * @param name the name
     * @param limit how long after the first step the second is due
     * @throws IllegalArgumentException when there is no such deadline
     */
    public Procedure<C> withDeadline(String name, Duration limit) {
        Deadline old = deadline(name)
                .orElseThrow(() -> new IllegalArgumentException(this.name + " has no deadline '" + name
                        + "'; its deadlines are "
                        + deadlines.stream().map(Deadline::name).toList()));
        List<Deadline> changed = new ArrayList<>(deadlines);
        changed.set(deadlines.indexOf(old), old.withLimit(limit));
        return new Procedure<>(this.name, steps, changed);
    }

    /**
     * {@return a copy without the steps {@code omitted}, such as reconstructed steps a user's reading of the SEC
     * text does not have} A step that required an omitted step requires that step's own prerequisites instead
     * (transitively), so the order the omitted steps implied between the others is kept; deadlines from or to
     * an omitted step are dropped.
     *
     * @param omitted the steps to leave out
     * @throws IllegalArgumentException when a step is not one of this procedure's, or every step is omitted
     */
    public Procedure<C> without(Collection<StepId> omitted) {
        Set<StepId> gone = new LinkedHashSet<>();
        for (StepId id : omitted) {
            gone.add(step(id).id());
        }
        if (gone.isEmpty()) {
            return this;
        }
        if (gone.size() == steps.size()) {
            throw new IllegalArgumentException("Omitting " + gone + " leaves " + name + " without steps");
        }
        List<Step<C>> kept = new ArrayList<>();
        for (Step<C> step : steps) {
            if (gone.contains(step.id())) {
                continue;
            }
            Set<StepId> prerequisites = new LinkedHashSet<>();
            Deque<StepId> open = new ArrayDeque<>(step.prerequisites());
            Set<StepId> seen = new HashSet<>();
            while (!open.isEmpty()) {
                StepId prerequisite = open.removeFirst();
                if (!seen.add(prerequisite)) {
                    continue;
                }
                if (gone.contains(prerequisite)) {
                    open.addAll(byId.get(prerequisite).prerequisites());
                } else {
                    prerequisites.add(prerequisite);
                }
            }
            List<StepId> inDefinitionOrder = new ArrayList<>(prerequisites);
            inDefinitionOrder.sort(Comparator.comparingInt(id -> steps.indexOf(byId.get(id))));
            kept.add(new Step<>(
                    step.id(),
                    step.title(),
                    step.phase(),
                    step.actors(),
                    inDefinitionOrder,
                    step.guards(),
                    step.multiplicity(),
                    step.sources(),
                    step.confidence(),
                    step.offer(),
                    step.effect(),
                    step.items()));
        }
        List<Deadline> keptDeadlines = deadlines.stream()
                .filter(d -> !gone.contains(d.from()) && !gone.contains(d.to()))
                .toList();
        return new Procedure<>(name, kept, keptDeadlines);
    }

    /** {@return the SHA-256 of the definition's canonical form, as 64 lower-case hex digits} */
    public String definitionHash() {
        return definitionHash;
    }

    /** Returns {@code name (definition hash prefix)}. */
    @Override
    public String toString() {
        return name + " (" + definitionHash.substring(0, 12) + ")";
    }

    /**
     * Collects the steps of a procedure, one line per step. {@link #pre}, {@link #exec}, {@link #post} and
     * {@link #step} each start a step, and {@link #amend} returns to one; {@link #after}, {@link #guardedBy},
     * {@link #repeatable}, {@link #perItem} and {@link #citing} apply to that current step. {@link #include}
     * copies the steps and deadlines of another procedure.
     */
    public static final class Builder<C> {

        private final String name;
        private final List<StepDraft<C>> drafts = new ArrayList<>();
        private final List<Deadline> deadlines = new ArrayList<>();
        private int current = -1;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Starts a Pre-Recovery step that {@code actor} (and {@code more}) may do.
         *
         * @param id the id
         * @param title what the step does, one line
         * @param actor who attempts the step
         * @param more the other actors who may do it
         * @return this builder
         */
        public Builder<C> pre(StepId id, String title, Actor actor, Actor... more) {
            return step(id, title, Phase.PRE, actor, more);
        }

        /**
         * Starts an Execution step that {@code actor} (and {@code more}) may do.
         *
         * @param id the id
         * @param title what the step does, one line
         * @param actor who attempts the step
         * @param more the other actors who may do it
         * @return this builder
         */
        public Builder<C> exec(StepId id, String title, Actor actor, Actor... more) {
            return step(id, title, Phase.EXEC, actor, more);
        }

        /**
         * Starts a Post-Recovery step that {@code actor} (and {@code more}) may do.
         *
         * @param id the id
         * @param title what the step does, one line
         * @param actor who attempts the step
         * @param more the other actors who may do it
         * @return this builder
         */
        public Builder<C> post(StepId id, String title, Actor actor, Actor... more) {
            return step(id, title, Phase.POST, actor, more);
        }

        /**
         * Starts a step of {@code phase} that {@code actor} (and {@code more}) may do.
         *
         * @param id the id
         * @param title what the step does, one line
         * @param phase the phase
         * @param actor who attempts the step
         * @param more the other actors who may do it
         * @return this builder
         */
        public Builder<C> step(StepId id, String title, Phase phase, Actor actor, Actor... more) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(phase, "phase");
            List<Actor> actors = new ArrayList<>();
            actors.add(Objects.requireNonNull(actor, "actor"));
            for (Actor other : more) {
                actors.add(Objects.requireNonNull(other, "actor"));
            }
            drafts.add(new StepDraft<>(id, title, phase, actors));
            current = drafts.size() - 1;
            return this;
        }

        /**
         * Copies every step of {@code part}, with its phase, actors, prerequisites, guards, multiplicity and
         * sources, and every deadline of {@code part}, into the procedure being built: how one procedure becomes
         * a part of another. Ids must stay distinct, as for steps defined directly; {@link #amend} then links
         * the parts.
         *
         * @param part the procedure to copy
         * @return this builder
         */
        public Builder<C> include(Procedure<C> part) {
            Objects.requireNonNull(part, "part");
            for (Step<C> step : part.steps()) {
                drafts.add(new StepDraft<>(step, step.phase()));
            }
            deadlines.addAll(part.deadlines());
            current = -1;
            return this;
        }

        /**
         * Copies every step and deadline of {@code part} as {@link #include(Procedure)} does, but puts every step
         * in {@code phase}: for a procedure carried out within one phase of another, such as coordinating CSRs
         * during Post-Recovery.
         *
         * @param part the procedure to copy
         * @param phase the phase
         * @return this builder
         */
        public Builder<C> include(Procedure<C> part, Phase phase) {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(phase, "phase");
            for (Step<C> step : part.steps()) {
                drafts.add(new StepDraft<>(step, phase));
            }
            deadlines.addAll(part.deadlines());
            current = -1;
            return this;
        }

        /**
         * Makes step {@code id}, defined or included earlier, the current step again, so that {@link #after},
         * {@link #guardedBy}, {@link #citing} and the multiplicity modifiers apply to it.
         *
         * @param id the id
         * @return this builder
         * @throws IllegalArgumentException when no step {@code id} has been defined or included yet
         */
        public Builder<C> amend(StepId id) {
            Objects.requireNonNull(id, "id");
            for (int i = 0; i < drafts.size(); i++) {
                if (drafts.get(i).id.equals(id)) {
                    current = i;
                    return this;
                }
            }
            throw new IllegalArgumentException(
                    "Procedure " + name + " has no step " + id + " to amend yet; define or include it first");
        }

        /**
         * Makes the current step require {@code prerequisites} to be complete first.
         *
         * @param prerequisites the steps that must be complete first
         * @return this builder
         */
        public Builder<C> after(StepId... prerequisites) {
            StepDraft<C> draft = current("after");
            for (StepId prerequisite : prerequisites) {
                draft.prerequisites.add(Objects.requireNonNull(prerequisite, "prerequisite"));
            }
            return this;
        }

        /**
         * Adds {@code guards} to the current step; they are checked in the order given.
         *
         * @param guards the guards, checked in order
         * @return this builder
         */
        @SafeVarargs
        public final Builder<C> guardedBy(Guard<C>... guards) {
            StepDraft<C> draft = current("guardedBy");
            for (Guard<C> guard : guards) {
                draft.guards.add(Objects.requireNonNull(guard, "guard"));
            }
            return this;
        }

        /**
         * Makes the current step repeatable, such as a progress report.
         *
         * @return this builder
         */
        public Builder<C> repeatable() {
            current("repeatable").multiply(Multiplicity.REPEATABLE);
            return this;
        }

        /**
         * Makes the current step one that is done once per item, such as once per Device.
         *
         * @return this builder
         */
        public Builder<C> perItem() {
            current("perItem").multiply(Multiplicity.PER_ITEM);
            return this;
        }

        /**
         * Makes the current step one that is done once per item, for the items {@code items} reads.
         *
         * @param items reads the items from the context
         * @return this builder
         */
        public Builder<C> perItem(Items<C> items) {
            StepDraft<C> draft = current("perItem");
            draft.multiply(Multiplicity.PER_ITEM);
            draft.items = Objects.requireNonNull(items, "items");
            return this;
        }

        /**
         * Sets what the current step's actor hands over when attempting it, read from the run's context.
         *
         * @param offer what the actor hands over, read from the context
         * @return this builder
         */
        public Builder<C> offering(Offer<C> offer) {
            current("offering").offer = Objects.requireNonNull(offer, "offer");
            return this;
        }

        /**
         * Sets what an accepted attempt at the current step does to the run's context.
         *
         * @param effect what an accepted attempt does to the context
         * @return this builder
         */
        public Builder<C> does(Effect<C> effect) {
            current("does").effect = Objects.requireNonNull(effect, "effect");
            return this;
        }

        /**
         * Records where the current step comes from and how sure we are of it.
         *
         * @param confidence how sure we are of it
         * @param sources where it comes from
         * @return this builder
         */
        public Builder<C> citing(Confidence confidence, Citation... sources) {
            StepDraft<C> draft = current("citing");
            draft.confidence = Objects.requireNonNull(confidence, "confidence");
            draft.sources.addAll(Arrays.asList(sources));
            return this;
        }

        /**
         * Adds the deadline {@code name}: {@code to} within {@code limit} of {@code from}.
         *
         * @param name the name
         * @param from the earlier step
         * @param to the later step
         * @param limit how long after the first step the second is due
         * @return this builder
         */
        public Builder<C> deadline(String name, StepId from, StepId to, Duration limit) {
            deadlines.add(new Deadline(name, from, to, limit));
            return this;
        }

        /**
         * {@return the procedure}
         *
         * @throws IllegalArgumentException naming the ids at fault when the procedure has no steps, two steps
         *     share an id, a prerequisite is not a step, prerequisites form a cycle, a step requires a step of a
         *     later phase, a step has the same guard twice, or a deadline names an unknown step or is given twice
         */
        public Procedure<C> build() {
            if (drafts.isEmpty()) {
                throw new IllegalArgumentException("Procedure " + name + " has no steps");
            }
            Map<StepId, Step<C>> byId = new LinkedHashMap<>();
            for (StepDraft<C> draft : drafts) {
                if (byId.containsKey(draft.id)) {
                    throw new IllegalArgumentException("Procedure " + name + " defines step " + draft.id + " twice: "
                            + byId.get(draft.id) + " and " + draft.id + " \"" + draft.title + "\"");
                }
                byId.put(draft.id, draft.toStep());
            }
            ProcedureChecks.check(name, byId, deadlines);
            return new Procedure<>(name, List.copyOf(byId.values()), deadlines);
        }

        private StepDraft<C> current(String modifier) {
            if (current < 0) {
                throw new IllegalStateException(modifier
                        + "(...) applies to the current step; start a step with pre, exec, post or step, or amend"
                        + " one, first");
            }
            return drafts.get(current);
        }
    }
}
