package dev.smki.core.provenance;

import java.util.Objects;

/**
 * Where a rule or step comes from: a document and a place in it, such as {@code ("GBCS", "§12")},
 * {@code ("SEC Appendix L", "§5")} or {@code ("obs", "DCC ZAZ1 test certificates")}.
 *
 * @param source the document or evidence, never blank
 * @param locator where in it, possibly empty
 */
public record Citation(String source, String locator) {

    /**
     * Checks the components.
     *
     * @param source the document or evidence, never blank
     * @param locator where in it, possibly empty
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the source is blank
     */
    public Citation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(locator, "locator");
        if (source.isBlank()) {
            throw new IllegalArgumentException("A citation names its source");
        }
    }

    /**
     * {@return a citation of {@code source} at {@code locator}}
     *
     * @param source the document or evidence, never blank
     * @param locator where in it, possibly empty
     */
    public static Citation of(String source, String locator) {
        return new Citation(source, locator);
    }

    /**
     * {@return a citation of a whole source}
     *
     * @param source the document or evidence, never blank
     */
    public static Citation of(String source) {
        return new Citation(source, "");
    }

    /** Returns {@code source locator}, such as {@code GBCS §12}. */
    @Override
    public String toString() {
        return locator.isEmpty() ? source : source + " " + locator;
    }
}
