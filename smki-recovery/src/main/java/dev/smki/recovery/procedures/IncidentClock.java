package dev.smki.recovery.procedures;

import dev.smki.core.simulation.SettableClock;
import java.time.Instant;

/**
 * The clock slice of an {@link IncidentState}: a simulated clock that stands still while a step is attempted and its
 * effect carried out. Whoever drives the incident sets it to each step's time, and a sending of device commands moves
 * it on to its last outcome, so that every timestamp (journal lines, certificates, revocation lists) is a function of
 * the steps done. The one settable clock of the library ({@link SettableClock}), named for its place in an incident.
 * Thread-safe.
 */
public final class IncidentClock extends SettableClock {

    /**
     * Makes a clock standing at {@code start}.
     *
     * @param start when it starts
     */
    public IncidentClock(Instant start) {
        super(start);
    }
}
