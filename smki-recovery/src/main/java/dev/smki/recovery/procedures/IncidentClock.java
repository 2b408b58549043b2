package dev.smki.recovery.procedures;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The clock slice of an {@link IncidentState}: a simulated clock that stands still while a step is attempted and its
 * effect carried out. Whoever drives the incident sets it to each step's time, and a sending of device commands moves
 * it on to its last outcome, so that every timestamp (journal lines, certificates, revocation lists) is a function of
 * the steps done. Thread-safe.
 */
public final class IncidentClock extends Clock {

    private volatile Instant now;

    /**
     * Returns a clock standing at {@code start}.
     *
     * @param start when it starts
     */
    public IncidentClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Sets the clock to {@code instant}.
     *
     * @param instant the instant
     */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    /** Moves the clock on to {@code instant} if that is later than now. */
    void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("An incident's clock stays in UTC");
    }
}
