package dev.smki.recovery.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.Fleet;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.issuance.TestPki;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.ProgressFile;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.incident.RelevantDevices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetReadmeExampleTests {

    @Test
    void theReadmeExampleRunsAndGivesWhatItSays(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("INC-2026-001-C5.csv");
        List<String> printed = new ArrayList<>();

        // --- as in docs/devices.md, "Recovering a fleet" (the file in a temporary directory, println collected) ---
        TestPki pki = TestPki.seeded(7);
        Fleet fleet = Fleet.builder(pki.deviceProvisioning())
                .devices(DeviceType.ESME, 600)
                .devices(DeviceType.GSME, 300)
                .devices(DeviceType.CHF, 100)
                .seed(42)
                .commissionedShare(0.98)
                .build();

        // N5: the Root OCA is compromised; its Relevant Devices are the commissioned Devices holding it.
        IncidentId incident = IncidentId.of("INC-2026-001");
        RelevantDevices relevant = RelevantDevices.of(fleet, pki.rootOca());
        printed.add(relevant.toString());

        // C5: one contingency command per Device; 2% of the Devices never answer, 5% of attempts find the
        // Device busy; up to 4 attempts, the retries 15, 30 and 60 simulated minutes after each round.
        UpdateSecurityCredentials newRoot = UpdateSecurityCredentials.builder(
                        CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                .symmetricKey(pki.contingency().symmetricKey())
                .sequenceNumber(1)
                .replace(TrustAnchorCellId.ROOT, pki.withNewRootOca().rootOca().parsed())
                .build();
        DeliverySettings settings = DeliverySettings.defaults()
                .withSeed(7)
                .withFailures(
                        FailureInjection.none().withUncontactableDevices(0.02).withBusy(0.05));
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);

        FleetExecution execution;
        try (ProgressFile progress = ProgressFile.create(file)) {
            execution = FleetExecutor.of(settings, clock)
                    .execute(
                            incident,
                            "C5",
                            relevant.devices(),
                            CommandFactory.signing(newRoot, pki.contingencyAuthoriser()),
                            progress);
        }
        printed.add(execution.summary());
        printed.add(execution.finalProgress().toString());
        execution.requireSettled(); // REC-8: every Relevant Device updated or written off with a reason
        printed.add(execution.writeOffs().get(0).toString());

        List<RecoveryProgress> chart = ProgressFile.read(file); // one report per batch of 10 Devices
        printed.add(chart.size() + " reports, the first " + chart.get(0).at() + ", the last "
                + chart.get(chart.size() - 1).at());
        // --- end ---

        assertThat(printed)
                .containsExactly(
                        "RelevantDevices[980 of 1000 devices hold 41492E9F7CF682D1]",
                        "C5: 980 devices, 957 updated, 23 written off {uncontactable=23}, 4 rounds, PT1H47M11.01S"
                                + " simulated",
                        "INC-2026-001 C5 at 2026-01-05T10:47:11.010Z: total=980, succeeded=957, failed=23, pending=0,"
                                + " writtenOff=23",
                        "ESME 02-53-4D-4B-49-80-00-16: uncontactable after 4 attempts",
                        "224 reports, the first 2026-01-05T09:00:00Z, the last 2026-01-05T10:47:11.010Z");
        assertThat(chart).isEqualTo(execution.progress());
        assertThat(Files.readAllLines(file))
                .startsWith(
                        ProgressFile.HEADER,
                        "INC-2026-001,C5,2026-01-05T09:00:00Z,980,0,0,980,0",
                        "INC-2026-001,C5,2026-01-05T09:00:30.090Z,980,10,0,970,0",
                        "INC-2026-001,C5,2026-01-05T09:00:30.190Z,980,20,0,960,0")
                .endsWith("INC-2026-001,C5,2026-01-05T10:47:11.010Z,980,957,23,0,23");
    }
}
