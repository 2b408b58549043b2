package dev.smki.recovery.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules a procedure's definition obeys, checked when it is built: every prerequisite is a step, of the same or an
 * earlier phase (REC-14); no step has the same guard twice; prerequisites form no cycle (named when they do); a
 * deadline is defined once, between steps of the procedure.
 */
final class ProcedureChecks {

    private ProcedureChecks() {}

    /**
     * Checks the steps {@code byId} and {@code deadlines} of the procedure {@code name}.
     *
     * @throws IllegalArgumentException naming the ids at fault when a rule is broken
     */
    static <C> void check(String name, Map<StepId, Step<C>> byId, List<Deadline> deadlines) {
        for (Step<C> step : byId.values()) {
            for (StepId prerequisite : step.prerequisites()) {
                Step<C> required = byId.get(prerequisite);
                if (required == null) {
                    throw new IllegalArgumentException("Step " + step.id() + " of " + name + " requires " + prerequisite
                            + ", which is not a step of " + name);
                }
                if (required.phase().isAfter(step.phase())) {
                    throw new IllegalArgumentException("Step " + step.id() + " (" + step.phase() + ") of "
                            + name + " requires " + prerequisite + " of the later phase " + required.phase()
                            + "; prerequisites come from the same or an earlier phase (REC-14)");
                }
            }
            Set<String> guards = new HashSet<>();
            for (Guard<C> guard : step.guards()) {
                if (!guards.add(guard.rule() + " " + guard.name())) {
                    throw new IllegalArgumentException(
                            "Step " + step.id() + " of " + name + " has the guard " + guard + " twice");
                }
            }
        }
        rejectCycles(name, byId);
        Set<String> deadlineNames = new HashSet<>();
        for (Deadline deadline : deadlines) {
            if (!deadlineNames.add(deadline.name())) {
                throw new IllegalArgumentException(
                        "Procedure " + name + " defines deadline " + deadline.name() + " twice");
            }
            for (StepId end : List.of(deadline.from(), deadline.to())) {
                if (!byId.containsKey(end)) {
                    throw new IllegalArgumentException("Deadline " + deadline.name() + " of " + name + " names " + end
                            + ", which is not a step of " + name);
                }
            }
        }
    }

    private static <C> void rejectCycles(String name, Map<StepId, Step<C>> byId) {
        Map<StepId, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: finished
        for (StepId start : byId.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            // Iterative depth-first search; the path holds the steps being visited, each needing the next.
            Deque<StepId> path = new ArrayDeque<>();
            Deque<Integer> next = new ArrayDeque<>();
            path.push(start);
            next.push(0);
            state.put(start, 1);
            while (!path.isEmpty()) {
                StepId at = path.peek();
                int index = next.pop();
                List<StepId> prerequisites = byId.get(at).prerequisites();
                if (index == prerequisites.size()) {
                    state.put(at, 2);
                    path.pop();
                    continue;
                }
                next.push(index + 1);
                StepId prerequisite = prerequisites.get(index);
                Integer seen = state.get(prerequisite);
                if (seen == null) {
                    state.put(prerequisite, 1);
                    path.push(prerequisite);
                    next.push(0);
                } else if (seen == 1) {
                    throw new IllegalArgumentException("Procedure " + name + " has a cycle of prerequisites: "
                            + cycle(path, prerequisite) + " (each step requires the next)");
                }
            }
        }
    }

    private static String cycle(Deque<StepId> path, StepId closing) {
        List<StepId> fromOldest = new ArrayList<>(path);
        Collections.reverse(fromOldest);
        List<StepId> loop = new ArrayList<>(fromOldest.subList(fromOldest.indexOf(closing), fromOldest.size()));
        loop.add(closing);
        return loop.stream().map(StepId::value).collect(Collectors.joining(" → "));
    }
}
