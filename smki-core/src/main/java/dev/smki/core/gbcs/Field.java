package dev.smki.core.gbcs;

import java.util.List;
import java.util.Objects;

/**
 * One field of a decoded GBCS message, as {@code smki gbcs decode} shows it: its name, where it starts, how many
 * bytes it takes, what it means, and the fields inside it.
 *
 * @param name the field name, such as {@code Originator Counter}
 * @param offset the offset of its first byte from the start of the message
 * @param length how many bytes it takes, its header included
 * @param value what it means, or the empty string for a group
 * @param fields the fields inside it, in message order
 */
public record Field(String name, int offset, int length, String value, List<Field> fields) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        fields = List.copyOf(fields);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("A field has a non-negative offset and length");
        }
    }

    /** Returns the offset just past the field. */
    public int end() {
        return offset + length;
    }
}
