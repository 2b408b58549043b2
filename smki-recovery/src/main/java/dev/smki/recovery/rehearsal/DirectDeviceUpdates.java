package dev.smki.recovery.rehearsal;

import dev.smki.core.device.CommandOutcome;
import dev.smki.core.device.Device;
import dev.smki.core.device.SignedCommand;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Applies each command straight to its Device, in parallel, with no injected failure and no retry; a Device that
 * refuses its command is written off with the refusing rule. An interim stand-in until the fleet executor lands.
 */
final class DirectDeviceUpdates implements DeviceUpdates {

    @Override
    public Report send(String operation, List<Device> devices, Function<Device, SignedCommand> command) {
        LongAdder succeeded = new LongAdder();
        Map<Device, String> writtenOff = new ConcurrentHashMap<>();
        devices.parallelStream().forEach(device -> {
            CommandOutcome outcome = device.apply(command.apply(device));
            if (outcome.isAccepted()) {
                succeeded.increment();
            } else {
                writtenOff.put(device, "refused: " + outcome);
            }
        });
        return new Report(operation, devices.size(), succeeded.sum(), writtenOff);
    }
}
