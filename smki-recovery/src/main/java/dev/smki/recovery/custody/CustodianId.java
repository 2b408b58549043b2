package dev.smki.recovery.custody;

import java.util.Objects;

/**
 * The identifier of a Key Custodian, such as {@code KC-01}.
 *
 * @param value the identifier text, not blank
 */
public record CustodianId(String value) implements Comparable<CustodianId> {

    /**
     * Checks the components.
     *
     * @param value the identifier text, not blank
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the id is blank
     */
    public CustodianId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A custodian id is not blank");
        }
    }

    /**
     * {@return the custodian id written {@code value}}
     *
     * @param value the value
     */
    public static CustodianId of(String value) {
        return new CustodianId(value);
    }

    @Override
    public int compareTo(CustodianId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
