package dev.smki.core.gbcs;

/**
 * Receives the fields a {@link GbcsReader} walks, so that a message can be shown field by field; {@link #NONE}
 * ignores them, which is what a Device uses. Groups nest: {@link #open} starts one, {@link #close} ends it.
 */
public interface Trace {

    /** A trace that records nothing. */
    Trace NONE = new Trace() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void field(String name, int offset, int length, String value) {}

        @Override
        public void open(String name, int offset, int length, String value) {}

        @Override
        public void close() {}
    };

    /** {@return whether fields are recorded, so that costly descriptions can be skipped when not} */
    boolean enabled();

    /**
     * Records a field with no fields inside it.
     *
     * @param name the field's name, such as {@code Originator Counter}
     * @param offset the offset of its first byte from the start of the message
     * @param length how many bytes it takes, its header included
     * @param value what it means, for display
     */
    void field(String name, int offset, int length, String value);

    /**
     * Records a field that holds a number (a counter, a length, a sequence number), so that it is shown as one; by
     * default as a field whose value is the number in decimal.
     *
     * @param name the field's name, such as {@code Originator Counter}
     * @param offset the offset of its first byte from the start of the message
     * @param length how many bytes it takes, its header included
     * @param value the number it holds
     */
    default void number(String name, int offset, int length, long value) {
        field(name, offset, length, Long.toString(value));
    }

    /**
     * Starts a group: the fields recorded until the matching {@link #close} are inside it. A {@code length} of -1
     * means the group ends where its last field ends.
     *
     * @param name the group's name
     * @param offset the offset of its first byte from the start of the message
     * @param length how many bytes it takes, its header included, or -1
     * @param value what it means, or the empty string
     */
    void open(String name, int offset, int length, String value);

    /** Ends the group last opened. */
    void close();
}
