package dev.smki.recovery.fleet;

import dev.smki.core.device.Device;
import dev.smki.core.identity.Eui64;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.ProgressRecord;
import dev.smki.recovery.incident.RecoveryProgress;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one command to each of an incident's Relevant Devices and applies it, on all cores, with injected failures,
 * retries and write-offs, reporting progress as it goes (recovery.md §2.3 R6-R7, §2.4 C5-C7, §2.5 DS4).
 *
 * <pre>{@code
 * RelevantDevices relevant = RelevantDevices.of(fleet, pki.rootOca());
 * FleetExecutor executor = FleetExecutor.of(DeliverySettings.defaults().withSeed(7)
 *         .withFailures(FailureInjection.none().withUncontactable(0.05).withBusy(0.02)), clock);
 * try (ProgressFile file = ProgressFile.create(Path.of("INC-7-C5.csv"))) {
 *     FleetExecution execution = executor.execute(incident, "C5", relevant.devices(),
 *             CommandFactory.signing(newRoot, pki.contingencyAuthoriser()), file);
 *     execution.requireSettled();   // REC-8
 * }
 * }</pre>
 *
 * <p>A run makes rounds of attempts ({@link DeliverySettings}): attempt 1 to every Device in list order, then the
 * Devices that got no answer or a busy answer again, up to the maximum; a Device is then updated, or written off
 * with a {@link WriteOffReason}. A fixed set of {@link DeliverySettings#threads() threads} works through each
 * round's Devices in batches of consecutive positions: no task or future is made per Device, counts are kept per
 * batch, and nothing is logged per Device. A command is built and signed (by the {@link CommandFactory}) only when
 * an attempt reaches the Device.
 *
 * <p><b>Determinism.</b> The outcome for each Device, the progress reports and the simulated times are a pure
 * function of the Devices' state, the commands and the settings (the seed included), whatever the number of
 * threads: injected failures are drawn from (seed, EUI-64, attempt), each Device receives only its own command,
 * and the reports are made in batch order, each giving the counts at the simulated moment its batch's last
 * outcome is known. So two runs with the same seed give byte-identical progress files, and a rehearsal replaying
 * its journal gets the same execution again.
 *
 * <p>Reports go to the listener in order, one at a time, from whichever working thread completes the next batch;
 * keep it short. The first report, before any command, has every Device pending; the last has none pending. If a
 * command factory, a Device or the listener throws, the run stops and the exception is thrown (Devices already
 * updated keep their new credentials). If the calling thread is interrupted, the run stops after the batches in
 * hand and returns an execution with Devices still pending, which does not {@linkplain
 * FleetExecution#isSettled() settle} the incident, the interrupt status set again. Thread-safe; runs do not share
 * state.
 */
public final class FleetExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FleetExecutor.class);

    private final DeliverySettings settings;
    private final Clock clock;

    private FleetExecutor(DeliverySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * {@return an executor delivering with {@code settings}, starting each run at {@code clock}'s instant}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     * @param clock the clock that times the attempts
     */
    public static FleetExecutor of(DeliverySettings settings, Clock clock) {
        return new FleetExecutor(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"));
    }

    /** {@return the settings} */
    public DeliverySettings settings() {
        return settings;
    }

    /**
     * {@return a copy of this executor delivering with {@code newSettings}}
     *
     * @param newSettings the procedure settings, as properties
     */
    public FleetExecutor with(DeliverySettings newSettings) {
        return of(newSettings, clock);
    }

    /**
     * Sends each of {@code devices} its command from {@code commands}, as {@link #execute(IncidentId, String, List,
     * CommandFactory, Consumer)} does with no listener.
     *
     * @param incident the incident
     * @param operation the step sending the commands
     * @param devices how many Devices
     * @param commands makes the command for each Device
     * @return the execution: every Device updated or written off, and the progress reports
     */
    public FleetExecution execute(
            IncidentId incident, String operation, List<Device> devices, CommandFactory commands) {
        return execute(incident, operation, devices, commands, progress -> {});
    }

    /**
     * Sends each of {@code devices} its command from {@code commands}, retrying and writing off as the settings say,
     * and returns how every Device ended. {@code listener} gets every progress report, in order.
     *
     * @param incident the incident the commands recover from
     * @param operation the step sending them, such as {@code C5}; it names the progress reports
     * @param devices the Devices, each once, such as {@link dev.smki.recovery.incident.RelevantDevices#devices()};
     *     sent to in this order
     * @param commands makes the command for each Device
     * @param listener called with each progress report
     * @return the execution: every Device updated or written off, and the progress reports
     * @throws IllegalArgumentException when a Device is listed twice, or the operation is not 1 to 64 letters,
     *     digits, {@code .}, {@code _} or {@code -}
     */
    public FleetExecution execute(
            IncidentId incident,
            String operation,
            List<Device> devices,
            CommandFactory commands,
            Consumer<? super RecoveryProgress> listener) {
        return execute(incident, operation, devices, commands, listener, ProgressRecord.none());
    }

    /**
     * Sends each of {@code devices} its command from {@code commands} as {@link #execute(IncidentId, String, List,
     * CommandFactory, Consumer)} does, keeping every progress report in {@code record} as it is made (a checkpoint:
     * the record is forced at least every quarter second and at the end). When {@code record} holds the reports of an
     * earlier run of this same execution (a {@link dev.smki.recovery.incident.ProgressFile#continuing continued}
     * file), the batches it records are restored rather than sent again, each checked against its recorded report;
     * the record is cut where they stop agreeing, and the execution goes on from there. Either way the execution
     * ends as one never interrupted, and the record holds the same reports. The caller closes the record.
     *
     * @param devices the Devices, each once, in the order they were given to the earlier run
     * @param incident the incident
     * @param operation the step sending the commands
     * @param commands makes the command for each Device
     * @param listener called with each progress report
     * @param record where the progress reports are kept
     * @return the execution: every Device updated or written off, and the progress reports
     * @throws IllegalArgumentException when a Device is listed twice, or the operation is not 1 to 64 letters,
     *     digits, {@code .}, {@code _} or {@code -}
     */
    public FleetExecution execute(
            IncidentId incident,
            String operation,
            List<Device> devices,
            CommandFactory commands,
            Consumer<? super RecoveryProgress> listener,
            ProgressRecord record) {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(record, "record");
        Instant start = clock.instant();
        RecoveryProgress.start(incident, operation, start, devices.size());
        List<Device> list = devices instanceof RandomAccess ? devices : List.copyOf(devices);
        requireDistinct(list);
        LOG.debug("{} {}: sending to {} devices with {}", incident, operation, list.size(), settings);
        FleetExecution execution =
                new Delivery(incident, operation, list, settings, commands, listener, record).run(start);
        LOG.debug("{}", execution);
        return execution;
    }

    private static void requireDistinct(List<Device> devices) {
        boolean ascending = true;
        long previous = 0;
        for (int i = 0; i < devices.size(); i++) {
            Device device = Objects.requireNonNull(devices.get(i), "device");
            long eui = device.eui64().value();
            ascending = ascending && (i == 0 || Long.compareUnsigned(previous, eui) < 0);
            previous = eui;
        }
        if (ascending) {
            return;
        }
        long[] euis = new long[devices.size()];
        for (int i = 0; i < euis.length; i++) {
            euis[i] = devices.get(i).eui64().value();
        }
        Arrays.sort(euis);
        for (int i = 1; i < euis.length; i++) {
            if (euis[i] == euis[i - 1]) {
                throw new IllegalArgumentException(
                        "A Device gets one command per execution, but " + Eui64.of(euis[i]) + " is listed twice");
            }
        }
    }

    @Override
    public String toString() {
        return "FleetExecutor[" + settings + "]";
    }
}
