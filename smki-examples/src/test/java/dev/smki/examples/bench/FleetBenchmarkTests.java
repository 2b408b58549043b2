package dev.smki.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.device.Fleet;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.issuance.TestPki;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetBenchmarkTests {

    private static final FleetBenchmark.Recovery RECOVERY =
            FleetBenchmark.Recovery.of(TestPki.seeded(IssuanceBenchmark.SEED));

    private static long holding(Fleet fleet, TestPki pki) {
        return fleet.countHolding(pki.rootOca().parsed().subjectKeyIdentifier().orElseThrow());
    }

    @Test
    void theLibrarySideReallyMovesEveryDeviceToTheNewRootAndThenBack() {
        Fleet fleet = RECOVERY.fleet(40);
        Workload.Worker worker = FleetBenchmark.library(RECOVERY, fleet).newWorker();
        TestPki first = RECOVERY.pkiAfter(0);
        TestPki second = RECOVERY.pkiAfter(1);
        assertThat(holding(fleet, first)).isEqualTo(40);

        for (long item = 0; item < 40; item++) {
            assertThat(worker.perform(item)).as("item %d", item).isEqualTo(1);
        }
        assertThat(holding(fleet, second)).isEqualTo(40);
        assertThat(holding(fleet, first)).isZero();

        for (long item = 40; item < 80; item++) {
            assertThat(worker.perform(item)).as("item %d", item).isEqualTo(1);
        }
        assertThat(holding(fleet, first)).isEqualTo(40);
    }

    @Test
    void aCommandOfAnotherGenerationIsRefusedSoAcceptanceIsReallyJudged() {
        Fleet fleet = RECOVERY.fleet(3);
        Workload.Worker worker = FleetBenchmark.library(RECOVERY, fleet).newWorker();

        // Item 3 is Device 0's second-generation command, signed with the contingency key of a Root it does not hold
        // yet.
        assertThat(worker.perform(3)).isZero();
        assertThat(worker.perform(0)).isEqualTo(1);
        assertThat(worker.perform(3)).isEqualTo(1);
    }

    @Test
    void theFleetMixesMetersAndHubsThatEachHoldARoot() {
        Fleet fleet = RECOVERY.fleet(100);

        assertThat(fleet.countByType())
                .isEqualTo(Map.of(DeviceType.ESME, 60L, DeviceType.GSME, 30L, DeviceType.CHF, 10L));
        assertThat(fleet.countCommissioned()).isEqualTo(100);
    }

    @Test
    void theBaselineSignsAndVerifiesAMessageAsLongAsACommandsSignedPart() {
        Workload.Worker worker = FleetBenchmark.baseline(RECOVERY).newWorker();
        GbcsMessage command =
                RECOVERY.command(0, RECOVERY.fleet(1).get(0).eui64()).message();

        assertThat(RECOVERY.commandBytes()).isEqualTo(command.toBytes().length);
        assertThat(RECOVERY.signedBytes()).isEqualTo(command.signedPart().length);
        assertThat(RECOVERY.signedBytes()).isEqualTo(RECOVERY.commandBytes() - 1 - 1 - 64);
        assertThat(worker.perform(0)).isEqualTo(1);
        assertThat(worker.perform(1)).isEqualTo(1);
        assertThatThrownBy(() -> new RawSignAndVerify(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHeapFootprintIsTheGrowthDividedByTheItems() {
        assertThat(new HeapFootprint(4, 1_000, 1_800).bytesPerItem()).isEqualTo(200.0);
        assertThat(new HeapFootprint(0, 1_000, 1_000).bytesPerItem()).isZero();
        HeapFootprint.Held<long[]> held = HeapFootprint.measure(1, () -> new long[4_000_000]);
        assertThat(held.value()).hasSize(4_000_000);
        // 32,000,000 bytes held; allow for whatever else the JVM kept meanwhile.
        assertThat(held.footprint().bytesPerItem()).isBetween(30_000_000.0, 40_000_000.0);
    }
}
