package dev.smki.core.gbcs;

import java.util.Objects;

/**
 * Thrown when bytes are not a well-formed GBCS message: names the byte offset (from the first byte of the input)
 * and the field at which reading stopped, and the problem. The parts are kept apart so that callers never need to
 * read the message text.
 */
public final class GbcsFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The offset of the malformed field, counted in bytes from the start of the input. */
    private final int offset;

    /** The name of the malformed field. */
    private final String field;

    /** What is wrong with it. */
    private final String problem;

    /**
     * Creates the exception for {@code problem} with {@code field} at byte {@code offset}.
     *
     * @param offset the offset of the malformed field, counted in bytes from the start of the input
     * @param field the name of the malformed field, such as {@code Originator Counter}
     * @param problem what is wrong with it
     */
    public GbcsFormatException(int offset, String field, String problem) {
        super("byte " + offset + " (" + Objects.requireNonNull(field, "field") + "): "
                + Objects.requireNonNull(problem, "problem"));
        this.offset = offset;
        this.field = field;
        this.problem = problem;
    }

    /** {@return the offset of the malformed field, counted in bytes from the start of the input} */
    public int offset() {
        return offset;
    }

    /** {@return the name of the malformed field, such as {@code Originator Counter}} */
    public String field() {
        return field;
    }

    /** {@return what is wrong with it} */
    public String problem() {
        return problem;
    }
}
