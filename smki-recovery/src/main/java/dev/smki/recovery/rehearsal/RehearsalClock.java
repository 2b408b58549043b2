package dev.smki.recovery.rehearsal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The simulated clock of a rehearsal: it stands still while a step is attempted and its effect carried out, and the
 * rehearsal sets it to each step's time (the start plus the paces of the steps so far), so that every timestamp
 * (journal lines, certificates, revocation lists) is a function of the steps done. Thread-safe.
 */
final class RehearsalClock extends Clock {

    private volatile Instant now;

    RehearsalClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
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
        throw new UnsupportedOperationException("A rehearsal's clock stays in UTC");
    }
}
