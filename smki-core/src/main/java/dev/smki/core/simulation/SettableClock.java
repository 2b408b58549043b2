package dev.smki.core.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until it is set or moved: the simulated time of a procedure, a rehearsal or a test, so
 * that every timestamp it gives (journal lines, certificates, revocation lists) is a function of the steps taken and
 * not of the machine's clock. In UTC; {@link #withZone} gives a view of the same time in another zone.
 *
 * <p>Thread-safe: every thread reads the instant last set.
 *
 * <pre>{@code
 * SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
 * Revocations revocations = Revocations.of(registry, RevocationPolicy.defaults(), clock);
 * clock.advance(Duration.ofDays(14));
 * }</pre>
 */
public class SettableClock extends Clock {

    private final AtomicReference<Instant> now;

    /**
     * Makes a clock standing at {@code start}.
     *
     * @param start the instant the clock shows until it is moved
     */
    public SettableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * {@return a clock standing at {@code start}}
     *
     * @param start the instant the clock shows until it is moved
     */
    public static SettableClock at(Instant start) {
        return new SettableClock(start);
    }

    /**
     * Sets the clock to {@code instant}, earlier or later than now.
     *
     * @param instant the instant the clock shows from now on
     */
    public final void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Moves the clock forward by {@code duration}.
     *
     * @param duration how far to move it; zero leaves it where it is
     * @throws IllegalArgumentException when {@code duration} is negative
     */
    public final void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A clock is moved forward, not by " + duration);
        }
        now.updateAndGet(at -> at.plus(duration));
    }

    /**
     * Moves the clock on to {@code instant} if that is later than now; an earlier instant leaves it where it is.
     *
     * @param instant the instant to move on to
     */
    public final void advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        now.accumulateAndGet(instant, (at, to) -> to.isAfter(at) ? to : at);
    }

    /** {@return the instant last set} */
    @Override
    public final Instant instant() {
        return now.get();
    }

    /** {@return UTC} */
    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * {@return this clock in {@code zone}: the same instant, moved with this clock}
     *
     * @param zone the time zone of the view
     */
    @Override
    public final Clock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(ZoneOffset.UTC) ? this : new ZonedView(this, zone);
    }

    /** Returns {@code SettableClock[instant]}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + now.get() + "]";
    }

    /** A settable clock seen in another time zone. */
    private static final class ZonedView extends Clock {
        private final SettableClock clock;
        private final ZoneId zone;

        ZonedView(SettableClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }
}
