package dev.smki.core.gbcs;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One field of a decoded GBCS message, as {@code smki gbcs decode} shows it: its name, where it starts, how many
 * bytes it takes, what it means, and the fields inside it.
 *
 * @param name the field name, such as {@code Originator Counter}
 * @param offset the offset of its first byte from the start of the message
 * @param length how many bytes it takes, its header included
 * @param value what it means, or the empty string for a group; for a field holding a number, the number in decimal
 * @param fields the fields inside it, in message order
 * @param number the number the field holds (a counter, a length, a sequence number), or empty when it holds none
 */
public record Field(String name, int offset, int length, String value, List<Field> fields, OptionalLong number) {

    /**
     * Checks the components.
     *
     * @param name the field name, such as {@code Originator Counter}
     * @param offset the offset of its first byte from the start of the message
     * @param length how many bytes it takes, its header included
     * @param value what it means, or the empty string for a group; for a field holding a number, the number in decimal
     * @param fields the fields inside it, in message order
     * @param number the number the field holds (a counter, a length, a sequence number), or empty when it holds none
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the offset or length is negative, or the value is not the number
     */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        fields = List.copyOf(fields);
        Objects.requireNonNull(number, "number");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("A field has a non-negative offset and length");
        }
        if (number.isPresent() && !value.equals(Long.toString(number.getAsLong()))) {
            throw new IllegalArgumentException("A field holding " + number.getAsLong() + " shows it as its value");
        }
    }

    /**
     * A field that holds no number.
     *
     * @param name the field name, such as {@code Originator Counter}
     * @param offset the offset of its first byte from the start of the message
     * @param length how many bytes it takes, its header included
     * @param value what it means, or the empty string for a group; for a field holding a number, the number in decimal
     * @param fields the fields inside it, in message order
     * @throws IllegalArgumentException when the offset or length is negative
     */
    public Field(String name, int offset, int length, String value, List<Field> fields) {
        this(name, offset, length, value, fields, OptionalLong.empty());
    }

    /**
     * {@return a field with no fields inside it that holds {@code number}}
     *
     * @param name the field name, such as {@code Originator Counter}
     * @param offset the offset of its first byte from the start of the message
     * @param length how many bytes it takes, its header included
     * @param number the number the field holds (a counter, a length, a sequence number), or empty when it holds none
     * @throws IllegalArgumentException when the offset or length is negative
     */
    public static Field number(String name, int offset, int length, long number) {
        return new Field(name, offset, length, Long.toString(number), List.of(), OptionalLong.of(number));
    }

    /** {@return the offset just past the field} */
    public int end() {
        return offset + length;
    }
}
