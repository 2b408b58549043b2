package dev.smki.recovery.plan;

import java.util.Objects;

/**
 * One problem with an exercise plan, where it is.
 *
 * @param origin the plan's origin, such as its file name
 * @param line the line, from 1
 * @param column the column, from 1
 * @param message what is wrong, one line
 */
public record PlanProblem(String origin, int line, int column, String message) {

    /**
     * Checks the components.
     *
     * @param origin the plan's origin, such as its file name
     * @param line the line, from 1
     * @param column the column, from 1
     * @param message what is wrong, one line
     * @throws NullPointerException when a component is null
     */
    public PlanProblem {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
    }

    /** Returns {@code ORIGIN:LINE:COLUMN: message}. */
    @Override
    public String toString() {
        return origin + ":" + line + ":" + column + ": " + message;
    }
}
