package dev.smki.examples.cli;

import dev.smki.core.issuance.SimulatedEui64s;
import dev.smki.recovery.rehearsal.RehearsalParameters;
import java.time.Instant;

/**
 * The limits on a rehearsal's parameters, the same whether they come from the command line or from the header of
 * a journal being resumed (which anyone able to write the file can change).
 */
final class RehearsalLimits {

    /**
     * The most retries of a failed device update. Each retry waits twice as long as the one before, from 15 minutes
     * of simulated time, so the 16th waits about 341 days; more would run a rehearsal's clock past its certificates'
     * validity.
     */
    static final int MAX_RETRIES = 16;

    /** The most likely chance that one attempt finds a Device busy. */
    static final double MAX_BUSY = 0.95;

    private static final Instant EARLIEST_START = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST_START = Instant.parse("2100-01-01T00:00:00Z");

    private RehearsalLimits() {}

    /** Returns how many Device identifiers the simulation has: the most Devices a rehearsal can hold. */
    static long deviceCapacity() {
        return SimulatedEui64s.DEVICES.size().longValueExact();
    }

    /**
     * Returns {@code count} when it is 1 to {@link #deviceCapacity()}.
     *
     * @throws UserInputException naming {@code what} otherwise
     */
    static int devices(String what, long count) {
        long capacity = deviceCapacity();
        if (count < 1 || count > capacity) {
            throw new UserInputException(
                    what + ": expected 1 to " + capacity + " (the simulated Device identifiers), got " + count);
        }
        return (int) count;
    }

    /**
     * Returns {@code value} when it is 0 to {@code max}.
     *
     * @throws UserInputException naming {@code what} otherwise
     */
    static double share(String what, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new UserInputException(what + ": expected 0 to " + max + ", got " + value);
        }
        return value;
    }

    /**
     * Returns {@code count} when it is 0 to {@link #MAX_RETRIES}.
     *
     * @throws UserInputException naming {@code what} otherwise
     */
    static int retries(String what, int count) {
        if (count < 0 || count > MAX_RETRIES) {
            throw new UserInputException(what + ": expected 0 to " + MAX_RETRIES + ", got " + count);
        }
        return count;
    }

    /**
     * Checks parameters read from {@code source} (such as a journal's header) against the same limits as the
     * command line's.
     *
     * @throws UserInputException naming {@code source} and the parameter out of range
     */
    static void check(RehearsalParameters parameters, String source) {
        devices(source + ": devices", parameters.devices());
        share(source + ": busy", parameters.busyShare(), MAX_BUSY);
        share(source + ": uncontactable", parameters.uncontactableShare(), 1);
        retries(source + ": retries", parameters.retries());
        if (parameters.start().isBefore(EARLIEST_START) || !parameters.start().isBefore(LATEST_START)) {
            throw new UserInputException(
                    source + ": start: expected an instant in 2000 to 2099, got " + parameters.start());
        }
    }
}
