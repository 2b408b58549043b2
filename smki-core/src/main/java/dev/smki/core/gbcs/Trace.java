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

    /** Returns whether fields are recorded, so that costly descriptions can be skipped when not. */
    boolean enabled();

    /** Records a field with no fields inside it. */
    void field(String name, int offset, int length, String value);

    /**
     * Records a field that holds a number (a counter, a length, a sequence number), so that it is shown as one; by
     * default as a field whose value is the number in decimal.
     */
    default void number(String name, int offset, int length, long value) {
        field(name, offset, length, Long.toString(value));
    }

    /**
     * Starts a group: the fields recorded until the matching {@link #close} are inside it. A {@code length} of -1
     * means the group ends where its last field ends.
     */
    void open(String name, int offset, int length, String value);

    /** Ends the group last opened. */
    void close();
}
