package dev.smki.recovery.plan;

import dev.smki.core.identity.DeviceType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The simulated Devices and the failures injected into their updates.
 *
 * @param devices how many Devices, at least 1
 * @param mix the share of each Device type in thousandths, summing to 1000
 * @param commissioned the share of Devices commissioned, 0 to 1
 * @param uncontactable the share of Relevant Devices that never answer, 0 to 1
 * @param busy the chance that one attempt finds a Device busy, 0 to 0.95
 * @param retries how many times a failed update is retried before the Device is written off, 0 to {@link
 *     #MAX_RETRIES}
 */
public record FleetPlan(
        int devices,
        Map<DeviceType, Integer> mix,
        double commissioned,
        double uncontactable,
        double busy,
        int retries) {

    /**
     * The most retries of a failed update. Each retry waits twice as long as the one before, from 15 minutes of
     * simulated time, so the 16th waits about 341 days; more would run a rehearsal's clock past its certificates'
     * validity.
     */
    public static final int MAX_RETRIES = 16;

    /**
     * Checks the components.
     *
     * @param devices how many Devices, at least 1
     * @param mix the share of each Device type in thousandths, summing to 1000
     * @param commissioned the share of Devices commissioned, 0 to 1
     * @param uncontactable the share of Relevant Devices that never answer, 0 to 1
     * @param busy the chance that one attempt finds a Device busy, 0 to 0.95
     * @param retries how many times a failed update is retried before the Device is written off, 0 to {@link
     *     #MAX_RETRIES}
     */
    public FleetPlan {
        mix = Collections.unmodifiableMap(new EnumMap<>(mix.isEmpty() ? Map.of(DeviceType.ESME, 1000) : mix));
    }

    /**
     * {@return a copy with {@code count} Devices}
     *
     * @param count how many
     */
    public FleetPlan withDevices(int count) {
        return new FleetPlan(count, mix, commissioned, uncontactable, busy, retries);
    }

    /**
     * {@return a copy injecting {@code newUncontactable}, {@code newBusy} and {@code newRetries}}
     *
     * @param newUncontactable the share of Devices that never answer
     * @param newBusy the chance that an attempt finds a Device busy
     * @param newRetries how many times a failed update is retried
     */
    public FleetPlan withFailures(double newUncontactable, double newBusy, int newRetries) {
        return new FleetPlan(devices, mix, commissioned, newUncontactable, newBusy, newRetries);
    }
}
