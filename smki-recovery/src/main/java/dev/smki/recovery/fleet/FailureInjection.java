package dev.smki.recovery.fleet;

import dev.smki.core.identity.Eui64;
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
 * with a cheap 64-bit mix (SplitMix64's finaliser), so the same seed injects the same failures whatever the order
 * or the threads in which Devices are reached. The failures are a model of this simulation: no SEC or GBCS figure
 * for them exists. Immutable.
 *
 * @param decommissioned the share of Devices found decommissioned
 * @param uncontactableDevices the share of Devices that never answer
 * @param uncontactable the chance that one attempt gets no answer
 * @param busy the chance that one attempt is answered {@code resourcesBusy}
 */
public record FailureInjection(double decommissioned, double uncontactableDevices, double uncontactable, double busy) {

    private static final FailureInjection NONE = new FailureInjection(0, 0, 0, 0);

    private static final long DECOMMISSIONED_SALT = 0x6465636F6D6DL; // "decomm"
    private static final long SILENT_SALT = 0x73696C656E74L; // "silent"
    private static final long ATTEMPT_SALT = 0x617474656D70L; // "attemp"
    private static final double UNIT = 0x1.0p-53;

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
        if (decommissioned > 0 && unit(seed, eui, DECOMMISSIONED_SALT) < decommissioned) {
            return InjectedFailure.DECOMMISSIONED;
        }
        if (uncontactableDevices > 0 && unit(seed, eui, SILENT_SALT) < uncontactableDevices) {
            return InjectedFailure.UNCONTACTABLE;
        }
        if (uncontactable > 0 || busy > 0) {
            double u = unit(seed, eui, ATTEMPT_SALT + attempt * 0x9E3779B97F4A7C15L);
            if (u < uncontactable) {
                return InjectedFailure.UNCONTACTABLE;
            }
            if (u < uncontactable + busy) {
                return InjectedFailure.BUSY;
            }
        }
        return InjectedFailure.NONE;
    }

    /** Returns a number in [0, 1) that is a pure, well-mixed function of the three inputs. */
    private static double unit(long seed, long eui, long salt) {
        long h = mix(seed ^ mix(eui ^ mix(salt)));
        return (h >>> 11) * UNIT;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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
