package dev.smki.core.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it forward. */
final class TestClock extends Clock {

    static final Instant START = Instant.parse("2026-01-02T09:00:00Z");

    private volatile Instant now;

    private TestClock(Instant now) {
        this.now = now;
    }

    /** Returns a clock at {@link #START}. */
    static TestClock start() {
        return new TestClock(START);
    }

    /** Moves the clock forward by {@code duration}. */
    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("A test clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
