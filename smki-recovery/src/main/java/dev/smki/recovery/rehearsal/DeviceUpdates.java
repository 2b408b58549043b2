package dev.smki.recovery.rehearsal;

import dev.smki.core.device.Device;
import dev.smki.core.device.SignedCommand;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sending one signed Update Security Credentials command to each of a set of Devices, retrying failures and
 * writing off the Devices that cannot be updated: the part of fleet recovery a rehearsal's steps C5, DS4, R6, R8
 * and RK4 use.
 */
interface DeviceUpdates {

    /**
     * Sends {@code command.apply(device)} to each of {@code devices} and returns how they ended.
     *
     * @param operation the step sending the commands, such as {@code C5}; it names the progress
     */
    Report send(String operation, List<Device> devices, Function<Device, SignedCommand> command);

    /**
     * How one sending ended.
     *
     * @param operation the step that sent the commands
     * @param total the Devices sent to
     * @param succeeded the Devices that executed their command
     * @param writtenOff the Devices given up, each with a reason
     */
    record Report(String operation, long total, long succeeded, Map<Device, String> writtenOff) {

        public Report {
            Objects.requireNonNull(operation, "operation");
            writtenOff = Map.copyOf(writtenOff);
            if (succeeded + writtenOff.size() != total) {
                throw new IllegalArgumentException("A finished sending has every Device updated or written off: "
                        + succeeded + " + " + writtenOff.size() + " != " + total);
            }
        }
    }
}
