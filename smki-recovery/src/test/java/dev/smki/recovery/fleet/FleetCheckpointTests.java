package dev.smki.recovery.fleet;

import static dev.smki.recovery.fleet.FleetFixtures.INCIDENT;
import static dev.smki.recovery.fleet.FleetFixtures.contingency;
import static dev.smki.recovery.fleet.FleetFixtures.executor;
import static dev.smki.recovery.fleet.FleetFixtures.fleet;
import static dev.smki.recovery.fleet.FleetFixtures.newRoot;
import static dev.smki.recovery.fleet.FleetFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.device.Device;
import dev.smki.core.device.Fleet;
import dev.smki.core.device.SignedCommand;
import dev.smki.recovery.incident.ProgressFile;
import dev.smki.recovery.incident.ProgressRecord;
import dev.smki.recovery.incident.RecoveryProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet execution keeps its progress reports in a record as it goes; given the record an interrupted run of it left,
 * it restores what the record covers instead of sending it again, and ends as one never interrupted.
 */
class FleetCheckpointTests {

    private static final int DEVICES = 1_200;

    private static final DeliverySettings FAILING = DeliverySettings.defaults()
            .withSeed(11)
            .withFailures(FailureInjection.none()
                    .withDecommissioned(0.01)
                    .withUncontactableDevices(0.02)
                    .withBusy(0.2))
            .withMaxAttempts(3);

    @TempDir
    Path dir;

    /** A run of the execution: its result, the record's bytes, the Devices' credentials, commands made. */
    private record Run(FleetExecution execution, byte[] record, List<?> credentials, long commands) {}

    /** Sends the contingency command to every commissioned Device of a fresh fleet, keeping {@code record}. */
    private static Run run(ProgressRecord record, Path file, boolean sameForEveryDevice) throws IOException {
        Fleet fleet = fleet(DEVICES, 5);
        List<Device> devices = fleet.stream().filter(Device::isCommissioned).toList();
        AtomicLong commands = new AtomicLong();
        CommandFactory signing = CommandFactory.signing(newRoot(1), contingency());
        CommandFactory counted = new CommandFactory() {
            @Override
            public SignedCommand commandFor(Device device) {
                commands.incrementAndGet();
                return signing.commandFor(device);
            }

            @Override
            public boolean isSameForEveryDevice() {
                return sameForEveryDevice;
            }
        };
        FleetExecution execution;
        try (record) {
            execution = executor(FAILING).execute(INCIDENT, "C5", devices, counted, r -> {}, record);
        }
        return new Run(execution, Files.readAllBytes(file), state(fleet), commands.get());
    }

    private Run uninterrupted() throws IOException {
        Path file = dir.resolve("whole.csv");
        return run(ProgressFile.createNew(file), file, true);
    }

    /** Writes a record holding the first {@code lines} lines of {@code whole}'s, and {@code torn} after them. */
    private Path killedAfter(Run whole, int lines, String torn) throws IOException {
        String text = new String(whole.record(), StandardCharsets.US_ASCII);
        int end = 0;
        for (int i = 0; i < lines + 1; i++) { // the header, then the reports
            end = text.indexOf('\n', end) + 1;
        }
        Path file = dir.resolve("killed-" + lines + ".csv");
        Files.writeString(file, text.substring(0, end) + torn, StandardCharsets.US_ASCII);
        return file;
    }

    private static void assertSameEnd(Run resumed, Run whole) {
        assertThat(resumed.record()).isEqualTo(whole.record());
        assertThat(resumed.credentials()).isEqualTo(whole.credentials());
        assertThat(resumed.execution().summary()).isEqualTo(whole.execution().summary());
        assertThat(resumed.execution().writeOffs())
                .extracting(WriteOff::toString)
                .isEqualTo(whole.execution().writeOffs().stream()
                        .map(WriteOff::toString)
                        .toList());
        assertThat(resumed.execution().progress()).isEqualTo(whole.execution().progress());
    }

    @Test
    void anExecutionKeepsEveryReportInItsRecordAsItIsMade() throws IOException {
        List<RecoveryProgress> heard = new ArrayList<>();
        Path file = dir.resolve("heard.csv");
        Fleet fleet = fleet(DEVICES, 5);
        try (ProgressFile record = ProgressFile.createNew(file)) {
            executor(FAILING)
                    .execute(
                            INCIDENT,
                            "C5",
                            fleet.stream().filter(Device::isCommissioned).toList(),
                            CommandFactory.signing(newRoot(1), contingency()),
                            heard::add,
                            record);
        }

        assertThat(ProgressFile.read(file)).isEqualTo(heard).hasSizeGreaterThan(100);
    }

    @Test
    void aResumedExecutionRestoresWhatItsRecordHoldsAndSendsOnlyTheRest() throws IOException {
        Run whole = uninterrupted();
        long totalAttempts = whole.execution().madeAttempts();
        int reports = ProgressFile.read(dir.resolve("whole.csv")).size();

        for (int lines : List.of(0, 1, 37, reports / 2, reports - 3, reports)) {
            Path file = killedAfter(whole, lines, lines % 2 == 0 ? "" : "INC-2026-007,C5,2026-02-0");
            Run resumed = run(ProgressFile.continuing(file), file, true);

            assertSameEnd(resumed, whole);
            FleetExecution execution = resumed.execution();
            assertThat(execution.restoredAttempts() + execution.madeAttempts())
                    .as(
                            "killed after %d reports: each attempt restored or made, the few sent to learn what the"
                                    + " command does to each kind of Device made twice",
                            lines)
                    .isBetween(totalAttempts, totalAttempts + 16);
            if (lines == reports) {
                assertThat(execution.restoredAttempts()).isEqualTo(totalAttempts);
            }
            if (lines <= 1) {
                assertThat(execution.restoredAttempts()).isZero();
                assertThat(resumed.commands()).isEqualTo(whole.commands());
            } else {
                assertThat(resumed.commands())
                        .as("commands signed after %d reports", lines)
                        .isLessThan(whole.commands());
            }
        }
    }

    @Test
    void aResumedExecutionRestoresExactlyTheAttemptsOfTheBatchesItsRecordHolds() throws IOException {
        Run whole = uninterrupted();
        int batch = FAILING.batchSizeFor(whole.execution().size());

        Path file = killedAfter(whole, 1 + 10, "");
        Run resumed = run(ProgressFile.continuing(file), file, true);

        assertThat(resumed.execution().restoredAttempts()).isEqualTo(10L * batch);
        assertSameEnd(resumed, whole);
    }

    @Test
    void aRecordThatNoLongerAgreesIsCutWhereItStopsAndTheExecutionGoesOnFromThere() throws IOException {
        Run whole = uninterrupted();
        String text = new String(whole.record(), StandardCharsets.US_ASCII);
        List<String> lines = new ArrayList<>(text.lines().toList());
        String changed = lines.get(21).replaceFirst(",(\\d+),(\\d+),(\\d+),(\\d+)$", ",$1,$2,$3,9$4");
        assertThat(changed).isNotEqualTo(lines.get(21));
        lines.set(21, changed);
        Path file = dir.resolve("edited.csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);

        Run resumed = run(ProgressFile.continuing(file), file, true);

        assertSameEnd(resumed, whole);
        int batch = FAILING.batchSizeFor(whole.execution().size());
        assertThat(resumed.execution().restoredAttempts()).isEqualTo(19L * batch);
    }

    @Test
    void aFactoryThatMayGiveEachDeviceAnotherCommandIsSentAgainButCheckedAgainstTheRecord() throws IOException {
        Run whole = uninterrupted();
        int reports = ProgressFile.read(dir.resolve("whole.csv")).size();
        Path file = killedAfter(whole, reports / 2, "");

        Run resumed = run(ProgressFile.continuing(file), file, false);

        assertSameEnd(resumed, whole);
        assertThat(resumed.commands()).isEqualTo(whole.commands());
        assertThat(resumed.execution().restoredAttempts()).isPositive();
    }

    @Test
    void aRecordOfAnotherExecutionIsCutAtItsFirstReport() throws IOException {
        Run whole = uninterrupted();
        Path file = dir.resolve("other.csv");
        Files.writeString(
                file,
                ProgressFile.HEADER + "\nINC-2026-007,C5,2026-02-01T08:00:00Z,5,0,0,5,0\n",
                StandardCharsets.US_ASCII);

        Run resumed = run(ProgressFile.continuing(file), file, true);

        assertSameEnd(resumed, whole);
        assertThat(resumed.execution().restoredAttempts()).isZero();
    }
}
