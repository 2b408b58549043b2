package dev.smki.examples.bench;

import java.util.Objects;

/**
 * A target a benchmark figure is compared with, such as "issuance ratio at least 0.9". A missed target is
 * reported, never an error.
 *
 * @param metric what is compared, such as {@code ratio} or {@code heapBytesPerDevice}
 * @param bound whether the figure must be at least or at most the threshold
 * @param threshold the threshold
 * @param actual the measured figure
 * @param note how the target is stated, when the measurement differs from it (may be empty)
 */
public record Target(String metric, Bound bound, double threshold, double actual, String note) {

    /** Whether a figure must be at least or at most its threshold. */
    public enum Bound {
        /** The figure must be at least the threshold. */
        AT_LEAST(">="),
        /** The figure must be at most the threshold. */
        AT_MOST("<=");

        private final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }

        /** Returns the comparison symbol, {@code >=} or {@code <=}. */
        public String symbol() {
            return symbol;
        }
    }

    /** Checks the fields are present. */
    public Target {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(note, "note");
    }

    /** Returns the target that {@code actual} be at least {@code threshold}. */
    public static Target atLeast(String metric, double threshold, double actual) {
        return new Target(metric, Bound.AT_LEAST, threshold, actual, "");
    }

    /** Returns the target that {@code actual} be at most {@code threshold}. */
    public static Target atMost(String metric, double threshold, double actual) {
        return new Target(metric, Bound.AT_MOST, threshold, actual, "");
    }

    /** Returns this target with the note {@code note}. */
    public Target withNote(String note) {
        return new Target(metric, bound, threshold, actual, note);
    }

    /** Returns whether the measured figure meets the target. */
    public boolean isMet() {
        return bound == Bound.AT_LEAST ? actual >= threshold : actual <= threshold;
    }

    /** Returns {@code PASS} when the target is met, {@code MISS} otherwise. */
    public String verdict() {
        return isMet() ? "PASS" : "MISS";
    }
}
