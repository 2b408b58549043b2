package dev.smki.examples.bench;

import java.util.Objects;

/**
 * A figure a benchmark reports besides throughput, such as the mean size of the certificates each side made
 * (evidence that both sides did the same work).
 *
 * @param key the figure's JSON name, such as {@code baselineCertificateBytes}
 * @param label the figure's name in the text table
 * @param value the figure
 * @param unit its unit, such as {@code bytes} (may be empty)
 */
public record Fact(String key, String label, double value, String unit) {

    /** Checks the fields are present. */
    public Fact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
    }
}
