package dev.smki.core.provenance;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identifier of a rule the library enforces, written {@code AREA-n} as in the research notes:
 * {@code CERT-29} (certificates.md §7), {@code REC-1} (recovery.md §6.3), {@code REV-3}, {@code OIF-1}.
 *
 * @param value the identifier text
 */
public record RuleId(String value) implements Comparable<RuleId> {

    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]+[a-z]?");

    /**
     * Checks the components.
     *
     * @param value the identifier text
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the value is not written AREA-n, such as {@code CERT-29}
     */
    public RuleId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("A rule id is written AREA-n, such as CERT-29; got '" + value + "'");
        }
    }

    /**
     * {@return the rule id written {@code value}}
     *
     * @param value the identifier text
     */
    public static RuleId of(String value) {
        return new RuleId(value);
    }

    /** {@return the area, the part before the final number: {@code CERT} for {@code CERT-29}} */
    public String area() {
        return value.substring(0, value.lastIndexOf('-'));
    }

    /** {@return the number after the area, ignoring any letter suffix: 29 for {@code CERT-29}} */
    public int number() {
        String tail = value.substring(value.lastIndexOf('-') + 1);
        int end = tail.length();
        while (end > 0 && !Character.isDigit(tail.charAt(end - 1))) {
            end--;
        }
        return Integer.parseInt(tail.substring(0, end));
    }

    /** Orders by area, then by number, so {@code CERT-2} comes before {@code CERT-10}. */
    @Override
    public int compareTo(RuleId other) {
        int byArea = area().compareTo(other.area());
        if (byArea != 0) {
            return byArea;
        }
        int byNumber = Integer.compare(number(), other.number());
        return byNumber != 0 ? byNumber : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
