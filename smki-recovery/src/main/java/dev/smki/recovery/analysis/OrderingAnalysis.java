package dev.smki.recovery.analysis;

import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Explores every order in which a procedure's definition lets its steps be completed, and reports each state
 * in which a safety {@link Invariant} fails, with a shortest ordering of steps that reaches it.
 *
 * <p>The search is breadth-first over sets of completed steps (held as bit masks, each visited once), so its
 * cost grows with the number of distinct sets reachable rather than the number of orderings: a procedure of 25
 * or more partly ordered steps is explored in well under a second. A step may be completed once its
 * prerequisites are; actors and guards are not modelled (guards can only forbid more), a per-item step counts as
 * one step (complete at its first item) and a repeatable step as one. Exploration does not continue past an
 * unsafe state, so each unsafe state reported is a first violation, reached through safe states only; every
 * ordering reaching a set of {@code k} steps has {@code k} steps, so the ordering given is a shortest one.
 *
 * <p>Comparing alternative orders of a procedure means defining each as a procedure (the same steps, other
 * prerequisites) and comparing their reports.
 */
public final class OrderingAnalysis {

    /** The most steps a procedure may have to be explored. */
    public static final int MAX_STEPS = 64;

    /** The number of states explored before {@link #explore(Procedure, List)} gives up. */
    public static final int DEFAULT_STATE_LIMIT = 4_000_000;

    private static final byte ROOT = (byte) (MAX_STEPS + 1);

    private OrderingAnalysis() {}

    /**
     * {@return the report of exploring {@code procedure} against {@code invariants}, visiting at most {@link
     * #DEFAULT_STATE_LIMIT} states}
     *
     * @param procedure the procedure
     * @param invariants the invariants to check
     * @throws IllegalArgumentException when the procedure has more than {@link #MAX_STEPS} steps
     */
    public static OrderingReport explore(Procedure<?> procedure, List<Invariant> invariants) {
        return explore(procedure, invariants, DEFAULT_STATE_LIMIT);
    }

    /**
     * {@return the report of exploring {@code procedure} against {@code invariants}, visiting at most {@code
     * stateLimit} states; a report that reached the limit says it is not exhaustive}
     *
     * @param procedure the procedure
     * @param invariants the invariants to check
     * @param stateLimit the most states to explore
     * @throws IllegalArgumentException when the procedure has more than {@link #MAX_STEPS} steps, or the limit is
     *     not positive
     */
    public static OrderingReport explore(Procedure<?> procedure, List<Invariant> invariants, int stateLimit) {
        Objects.requireNonNull(procedure, "procedure");
        List<Invariant> rules = List.copyOf(invariants);
        if (stateLimit < 1) {
            throw new IllegalArgumentException("The state limit must be positive, not " + stateLimit);
        }
        List<? extends Step<?>> steps = procedure.steps();
        int n = steps.size();
        if (n > MAX_STEPS) {
            throw new IllegalArgumentException(
                    procedure.name() + " has " + n + " steps; the ordering analysis handles" + " at most " + MAX_STEPS);
        }
        StepId[] ids = new StepId[n];
        Map<StepId, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ids[i] = steps.get(i).id();
            index.put(ids[i], i);
        }
        long[] required = new long[n];
        for (int i = 0; i < n; i++) {
            for (StepId prerequisite : steps.get(i).prerequisites()) {
                required[i] |= 1L << index.get(prerequisite);
            }
        }
        Map<StepId, Integer> lookup = Collections.unmodifiableMap(index);
        Search search = new Search(ids, lookup, rules);

        StateTable visited = new StateTable();
        List<OrderingReport.UnsafeState> unsafe = new ArrayList<>();
        visited.put(0L, ROOT);
        boolean exhaustive = true;
        if (!search.violated(0L).isEmpty()) {
            unsafe.add(search.unsafe(0L, visited));
            return new OrderingReport(procedure.name(), visited.size(), true, unsafe, rules);
        }
        long[] layer = {0L};
        int layerSize = 1;
        explore:
        while (layerSize > 0) {
            long[] next = new long[16];
            int nextSize = 0;
            for (int s = 0; s < layerSize; s++) {
                long state = layer[s];
                for (int i = 0; i < n; i++) {
                    long bit = 1L << i;
                    if ((state & bit) != 0 || (required[i] & ~state) != 0) {
                        continue;
                    }
                    long successor = state | bit;
                    if (visited.contains(successor)) {
                        continue;
                    }
                    if (visited.size() >= stateLimit) {
                        exhaustive = false;
                        break explore;
                    }
                    visited.put(successor, (byte) (i + 1));
                    if (search.violated(successor).isEmpty()) {
                        if (nextSize == next.length) {
                            next = Arrays.copyOf(next, next.length * 2);
                        }
                        next[nextSize++] = successor;
                    } else {
                        unsafe.add(search.unsafe(successor, visited));
                    }
                }
            }
            layer = next;
            layerSize = nextSize;
        }
        return new OrderingReport(procedure.name(), visited.size(), exhaustive, unsafe, rules);
    }

    /** The procedure's steps and invariants as seen by the search. */
    private record Search(StepId[] ids, Map<StepId, Integer> index, List<Invariant> invariants) {

        List<Invariant> violated(long state) {
            StepSet completed = new StepSet(state, ids, index);
            List<Invariant> failed = new ArrayList<>(0);
            for (Invariant invariant : invariants) {
                if (!invariant.holdsFor(completed)) {
                    failed.add(invariant);
                }
            }
            return failed;
        }

        OrderingReport.UnsafeState unsafe(long state, StateTable visited) {
            List<StepId> ordering = new ArrayList<>();
            for (long at = state; at != 0; ) {
                int step = visited.via(at) - 1;
                ordering.add(ids[step]);
                at &= ~(1L << step);
            }
            Collections.reverse(ordering);
            return new OrderingReport.UnsafeState(
                    Collections.unmodifiableSet(new LinkedHashSet<>(new StepSet(state, ids, index))),
                    violated(state),
                    ordering);
        }
    }

    /** Visited sets of completed steps, each with the step last added to reach it; open addressing. */
    private static final class StateTable {

        private long[] keys = new long[1 << 10];
        private byte[] via = new byte[1 << 10];
        private int size;

        boolean contains(long key) {
            return via[slot(key)] != 0;
        }

        byte via(long key) {
            return via[slot(key)];
        }

        void put(long key, byte step) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int slot = slot(key);
            if (via[slot] == 0) {
                size++;
            }
            keys[slot] = key;
            via[slot] = step;
        }

        int size() {
            return size;
        }

        private int slot(long key) {
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (via[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            byte[] oldVia = via;
            keys = new long[oldKeys.length * 2];
            via = new byte[oldVia.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldVia[i] != 0) {
                    put(oldKeys[i], oldVia[i]);
                }
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }
    }
}
