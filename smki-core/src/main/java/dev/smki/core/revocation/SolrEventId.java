package dev.smki.core.revocation;

import java.util.Objects;

/**
 * The identifier of a Supplier of Last Resort event, such as {@code SOLR-2026-01}: one line, without surrounding
 * spaces.
 *
 * @param value the identifier text
 */
public record SolrEventId(String value) {

    /**
     * Checks the identifier.
     *
     * @param value the identifier text
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when {@code value} is blank, spans lines or has surrounding spaces
     */
    public SolrEventId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || !value.equals(value.strip()) || value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException(
                    "A SoLR event id is one line without surrounding spaces, got '" + value + "'");
        }
    }

    /**
     * {@return the event id {@code value}}
     *
     * @param value the identifier text, such as {@code SOLR-2026-01}
     * @throws IllegalArgumentException when {@code value} is blank, spans lines or has surrounding spaces
     */
    public static SolrEventId of(String value) {
        return new SolrEventId(value);
    }

    /** Returns the identifier text. */
    @Override
    public String toString() {
        return value;
    }
}
