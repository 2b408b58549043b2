package dev.smki.recovery.fleet;

import dev.smki.core.identity.Eui64;
import dev.smki.core.simulation.SimulationSeed;
import java.util.Objects;

/**
 * The failures a fleet execution injects into command deliveries, as shares and rates between 0 and 1:
 *
 * <ul>
 *   <li>{@code decommissioned}: the share of Devices found decommissioned when contacted; they are written off at
 *       once and sent nothing;
 *   <li>{@code uncontactableDevices}: the share of Devices that never answer during the execution (no
 *       communications), so every attempt times out;
 *   <li>{@code uncontactable}: the chance that one attempt gets no answer (a transient loss; the command did not
 *       reach the Device);
 *   <li>{@code busy}: the chance that the Device answers one attempt with GBCS status {@code resourcesBusy} (30)
 *       without executing the command.
 * </ul>
 *
 * <p>Each failure is a pure function of the execution's seed, the Device's EUI-64 and the attempt number, drawn
 * from the seed as every random choice of the simulation is ({@link SimulationSeed#draws(String)}, one label per kind
 * of failure), so the same seed injects the same failures whatever the order or the threads in which Devices are
 * reached. The failures are a model of this simulation: no SEC or GBCS figure
 * for them exists. Immutable.
 *
 * @param decommissioned the share of Devices found decommissioned
 * @param uncontactableDevices the share of Devices that never answer
 * @param uncontactable the chance that one attempt gets no answer
 * @param busy the chance that one attempt is answered {@code resourcesBusy}
 */
public record FailureInjection(double decommissioned, double uncontactableDevices, double uncontactable, double busy) {

    private static final FailureInjection NONE = new FailureInjection(0, 0, 0, 0);

    /**
     * Checks the shares and rates.
     *
     * @param decommissioned the share of Devices found decommissioned
     * @param uncontactableDevices the share of Devices that never answer
     * @param uncontactable the chance that one attempt gets no answer
     * @param busy the chance that one attempt is answered {@code resourcesBusy}
     * @throws IllegalArgumentException when one is not between 0 and 1, or {@code uncontactable + busy} exceeds 1
     */
    public FailureInjection {
        share("decommissioned", decommissioned);
        share("uncontactableDevices", uncontactableDevices);
        share("uncontactable", uncontactable);
        share("busy", busy);
        if (uncontactable + busy > 1.0) {
            throw new IllegalArgumentException(
                    "An attempt fails at most always: uncontactable " + uncontactable + " + busy " + busy + " > 1");
        }
    }

    /** {@return an injection of no failure} */
    public static FailureInjection none() {
        return NONE;
    }

    /**
     * {@return a copy in which {@code share} of the Devices are found decommissioned}
     *
     * @param share the share of Devices commissioned, 0 to 1
     */
    public FailureInjection withDecommissioned(double share) {
        return new FailureInjection(share, uncontactableDevices, uncontactable, busy);
    }

    /**
     * {@return a copy in which {@code share} of the Devices never answer}
     *
     * @param share the share of Devices commissioned, 0 to 1
     */
    public FailureInjection withUncontactableDevices(double share) {
        return new FailureInjection(decommissioned, share, uncontactable, busy);
    }

    /**
     * {@return a copy in which each attempt gets no answer with chance {@code rate}}
     *
     * @param rate how many per second
     */
    public FailureInjection withUncontactable(double rate) {
        return new FailureInjection(decommissioned, uncontactableDevices, rate, busy);
    }

    /**
     * {@return a copy in which each attempt finds the Device busy with chance {@code rate}}
     *
     * @param rate how many per second
     */
    public FailureInjection withBusy(double rate) {
        return new FailureInjection(decommissioned, uncontactableDevices, uncontactable, rate);
    }

    /** {@return whether no failure is ever injected} */
    public boolean isNone() {
        return decommissioned == 0 && uncontactableDevices == 0 && uncontactable == 0 && busy == 0;
    }

    /**
     * {@return the failure injected into attempt {@code attempt} (from 1) to reach {@code device} in an execution
     * with seed {@code seed}: decommissioned and never answering are properties of the Device, the same at every
     * attempt; no answer and busy are drawn per attempt}
     *
     * @param seed the seed
     * @param device the Device
     * @param attempt the attempt
     * @throws IllegalArgumentException when {@code attempt} is below 1
     */
    public InjectedFailure draw(long seed, Eui64 device, int attempt) {
        Objects.requireNonNull(device, "device");
        if (attempt < 1) {
            throw new IllegalArgumentException("Attempts count from 1, not " + attempt);
        }
        return draw(seed, device.value(), attempt);
    }

    InjectedFailure draw(long seed, long eui, int attempt) {
        return drawing(seed).draw(eui, attempt);
    }

    /**
     * {@return these failures drawn from {@code seed}, the labels' keys worked out once: what an execution uses for
     * each of its attempts}
     */
    Drawing drawing(long seed) {
        return new Drawing(this, SimulationSeed.of(seed));
    }

    /** The failures of one injection drawn from one seed. Immutable and safe to share between threads. */
    static final class Drawing {
        private final FailureInjection failures;
        private final SimulationSeed.Draws decommissioned;
        private final SimulationSeed.Draws silent;
        private final SimulationSeed.Draws perAttempt;

        private Drawing(FailureInjection failures, SimulationSeed seed) {
            this.failures = failures;
            this.decommissioned = seed.draws("fleet/failures/decommissioned");
            this.silent = seed.draws("fleet/failures/never-answers");
            this.perAttempt = seed.draws("fleet/failures/attempt");
        }

        /** {@return the failure injected into attempt {@code attempt} to reach the Device {@code eui}} */
        InjectedFailure draw(long eui, int attempt) {
            if (failures.decommissioned > 0 && decommissioned.unit(eui, 0) < failures.decommissioned) {
                return InjectedFailure.DECOMMISSIONED;
            }
            if (failures.uncontactableDevices > 0 && silent.unit(eui, 0) < failures.uncontactableDevices) {
                return InjectedFailure.UNCONTACTABLE;
            }
            if (failures.uncontactable > 0 || failures.busy > 0) {
                double u = perAttempt.unit(eui, attempt);
                if (u < failures.uncontactable) {
                    return InjectedFailure.UNCONTACTABLE;
                }
                if (u < failures.uncontactable + failures.busy) {
                    return InjectedFailure.BUSY;
                }
            }
            return InjectedFailure.NONE;
        }
    }

    private static void share(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException("A failure " + name + " is between 0 and 1, not " + value);
        }
    }

    /** Returns the non-zero shares and rates, or {@code no failures}. */
    @Override
    public String toString() {
        if (isNone()) {
            return "no failures";
        }
        StringBuilder text = new StringBuilder();
        append(text, "decommissioned", decommissioned);
        append(text, "never answering", uncontactableDevices);
        append(text, "uncontactable per attempt", uncontactable);
        append(text, "busy per attempt", busy);
        return text.toString();
    }

    private static void append(StringBuilder text, String name, double value) {
        if (value > 0) {
            text.append(text.length() == 0 ? "" : ", ").append(name).append(' ').append(value);
        }
    }
}
