package dev.smki.core.device;

import static dev.smki.core.device.DeviceFixtures.PKI;
import static dev.smki.core.device.DeviceFixtures.RECOVERED;
import static dev.smki.core.device.DeviceFixtures.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.SimulatedEui64s;
import dev.smki.core.issuance.TestPki;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class FleetTests {

    private static Fleet fleet(long seed) {
        return Fleet.builder(SETTINGS)
                .devices(DeviceType.ESME, 120)
                .devices(DeviceType.GSME, 60)
                .devices(DeviceType.CHF, 15)
                .devices(DeviceType.TYPE2, 5)
                .seed(seed)
                .commissionedShare(0.9)
                .build();
    }

    @Test
    void aFleetHasTheMixOnConsecutiveEuisWithTheCommissionedShare() {
        Fleet fleet = fleet(1);

        assertThat(fleet.size()).isEqualTo(200);
        assertThat(fleet.countByType())
                .isEqualTo(
                        Map.of(DeviceType.ESME, 120L, DeviceType.GSME, 60L, DeviceType.CHF, 15L, DeviceType.TYPE2, 5L));
        assertThat(fleet.countCommissioned()).isEqualTo(180);
        for (int i = 0; i < fleet.size(); i++) {
            assertThat(fleet.get(i).eui64()).isEqualTo(SimulatedEui64s.device(i));
        }
    }

    @Test
    void theSameSeedGivesTheSameFleetAndAnotherSeedAnotherOrder() {
        List<String> first = fleet(5).stream().map(Device::toString).toList();

        assertThat(fleet(5).stream().map(Device::toString).toList()).isEqualTo(first);
        assertThat(fleet(6).stream().map(Device::toString).toList()).isNotEqualTo(first);
    }

    @Test
    void everyDeviceIsFoundByItsEuiAndNoOtherEuiIsFound() {
        Fleet fleet = fleet(2);

        for (Device device : fleet) {
            assertThat(fleet.device(device.eui64())).contains(device);
        }
        assertThat(fleet.device(Eui64.of(SimulatedEui64s.device(0).value() - 1)))
                .isEmpty();
        assertThat(fleet.device(SimulatedEui64s.device(200))).isEmpty();
        assertThat(fleet.device(Eui64.MAX)).isEmpty();
    }

    @Test
    void devicesOfOneTypeShareOneCredentialsInstance() {
        Fleet fleet = fleet(3);

        Map<DeviceCredentials, Long> byCredentials = fleet.countByCredentials();

        assertThat(byCredentials).hasSize(4);
        assertThat(byCredentials.values()).containsExactly(120L, 60L, 15L, 5L);
        assertThat(fleet.countHolding(
                        PKI.rootOca().parsed().subjectKeyIdentifier().orElseThrow()))
                .isEqualTo(195);
    }

    @Test
    void aContingencyRecoveryInParallelReplacesTheRootOnEveryDeviceThatHoldsOne() {
        Fleet fleet = fleet(4);
        UpdateSecurityCredentials newRoot = UpdateSecurityCredentials.builder(
                        CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                .symmetricKey(PKI.contingency().symmetricKey())
                .sequenceNumber(1)
                .replace(TrustAnchorCellId.ROOT, RECOVERED.rootOca().parsed())
                .build();
        Authoriser dcc = PKI.contingencyAuthoriser();
        Map<StatusCode, Long> outcomes = new ConcurrentHashMap<>();

        fleet.stream()
                .parallel()
                .forEach(device -> outcomes.merge(
                        fleet.apply(newRoot.sign(dcc, device.eui64())).status(), 1L, Long::sum));

        assertThat(outcomes).isEqualTo(Map.of(StatusCode.SUCCESS, 195L, StatusCode.NO_TRUST_ANCHOR, 5L));
        assertThat(fleet.countHolding(
                        PKI.rootOca().parsed().subjectKeyIdentifier().orElseThrow()))
                .isZero();
        assertThat(fleet.countHolding(
                        RECOVERED.rootOca().parsed().subjectKeyIdentifier().orElseThrow()))
                .isEqualTo(195);
        assertThat(fleet.countByCredentials()).hasSize(4);
        assertThat(fleet.countByCredentials(c -> c.floor(dev.smki.core.identity.RemotePartyRole.ROOT)))
                .isEqualTo(Map.of(1L, 195L, 0L, 5L));
    }

    @Test
    void everyViewOfADeviceIsTheSameDeviceAndNoDeviceOfAnotherFleetIs() {
        Fleet fleet = fleet(7);
        Fleet twin = fleet(7);

        assertThat(fleet.get(3)).isEqualTo(fleet.get(3)).hasSameHashCodeAs(fleet.get(3));
        assertThat(fleet.get(3)).isNotEqualTo(fleet.get(4)).isNotEqualTo(twin.get(3));
        assertThat(fleet.stream()).containsExactlyElementsOf(fleet);
        assertThat(fleet.eui64(5)).isEqualTo(fleet.get(5).eui64());
        assertThat(fleet.type(5)).isEqualTo(fleet.get(5).type());
        assertThat(fleet.isCommissioned(5)).isEqualTo(fleet.get(5).isCommissioned());
        assertThat(fleet.credentials(5)).isSameAs(fleet.get(5).credentials());
    }

    @Test
    void aCommandAppliedThroughOneViewIsSeenThroughEveryOtherAndAcceptedOnceHoweverManyThreadsSendIt()
            throws Exception {
        Fleet fleet = fleet(8);
        int index = 0;
        while (!fleet.isCommissioned(index) || fleet.type(index) == DeviceType.TYPE2) {
            index++;
        }
        Device device = fleet.get(index);
        SignedCommand command = UpdateSecurityCredentials.builder(CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                .symmetricKey(PKI.contingency().symmetricKey())
                .sequenceNumber(1)
                .replace(TrustAnchorCellId.ROOT, RECOVERED.rootOca().parsed())
                .build()
                .sign(PKI.contingencyAuthoriser(), device.eui64());
        int at = index;
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<CommandOutcome>> outcomes = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                outcomes.add(threads.submit(() -> fleet.get(at).apply(command)));
            }
            long accepted = 0;
            for (java.util.concurrent.Future<CommandOutcome> outcome : outcomes) {
                accepted += outcome.get().isAccepted() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            threads.shutdown();
        }

        assertThat(device.holds(
                        RECOVERED.rootOca().parsed().subjectKeyIdentifier().orElseThrow()))
                .isTrue();
        assertThat(fleet.countHolding(
                        RECOVERED.rootOca().parsed().subjectKeyIdentifier().orElseThrow()))
                .isEqualTo(1);
    }

    @Test
    void restoredCredentialsAreHeldWithoutAnyRuleChecked() {
        Fleet fleet = fleet(9);
        Device device = fleet.get(0);
        DeviceCredentials before = device.credentials();
        DeviceCredentials recorded = before.withFloor(dev.smki.core.identity.RemotePartyRole.ROOT, 7);

        fleet.get(0).restoreCredentials(recorded);

        assertThat(device.credentials()).isEqualTo(recorded);
        assertThat(fleet.credentials(0)).isEqualTo(recorded);
        assertThat(fleet.get(1).credentials()).isNotEqualTo(recorded);
        Device alone = Device.of(SETTINGS, SimulatedEui64s.device(0), DeviceType.ESME, true);
        alone.restoreCredentials(recorded);
        assertThat(alone.credentials()).isEqualTo(recorded);
        assertThat(alone).isNotEqualTo(Device.of(SETTINGS, SimulatedEui64s.device(0), DeviceType.ESME, true));
    }

    @Test
    void aCommandForADeviceOutsideTheFleetIsAProgrammingError() {
        SignedCommand elsewhere = UpdateSecurityCredentials.builder(CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                .symmetricKey(PKI.contingency().symmetricKey())
                .sequenceNumber(1)
                .replace(TrustAnchorCellId.ROOT, RECOVERED.rootOca().parsed())
                .build()
                .sign(PKI.contingencyAuthoriser(), Eui64.MIN);

        assertThatThrownBy(() -> fleet(1).apply(elsewhere))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("00-00-00-00-00-00-00-00");
    }

    @Test
    void theBuilderRefusesImpossibleFleets() {
        assertThatThrownBy(() -> Fleet.builder(SETTINGS).devices(DeviceType.ESME, -1))
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Fleet.builder(SETTINGS).commissionedShare(1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> Fleet.builder(SETTINGS)
                        .devices(DeviceType.ESME, 2)
                        .firstEui64(Eui64.MAX)
                        .build())
                .isInstanceOf(ArithmeticException.class);
        assertThat(Fleet.builder(SETTINGS).build().size()).isZero();
    }

    @Test
    void theReadmeExampleRunsAndPrintsWhatItSays() {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream console = System.out;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            // --- as in docs/devices.md, "Devices" ---
            TestPki pki = TestPki.seeded(7);
            Fleet fleet = Fleet.builder(pki.deviceProvisioning())
                    .devices(DeviceType.ESME, 600)
                    .devices(DeviceType.GSME, 300)
                    .devices(DeviceType.CHF, 100)
                    .seed(42)
                    .build();

            TestPki recovered = pki.withNewRootOca();
            UpdateSecurityCredentials newRoot = UpdateSecurityCredentials.builder(
                            CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                    .symmetricKey(pki.contingency().symmetricKey())
                    .sequenceNumber(1)
                    .replace(TrustAnchorCellId.ROOT, recovered.rootOca().parsed())
                    .build();
            Authoriser dcc = pki.contingencyAuthoriser();

            Device meter = fleet.get(0);
            System.out.println(fleet.apply(newRoot.sign(dcc, meter.eui64())));
            System.out.println(fleet.apply(newRoot.sign(dcc, meter.eui64())));

            fleet.stream().parallel().forEach(device -> device.apply(newRoot.sign(dcc, device.eui64())));
            System.out.println(fleet.countHolding(
                    pki.rootOca().parsed().subjectKeyIdentifier().orElseThrow()));
            // --- end ---
        } finally {
            System.setOut(console);
        }

        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> !line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d+ \\[.*")) // test logging
                        .toList())
                .hasSize(3)
                .satisfies(lines -> {
                    assertThat(lines.get(0)).isEqualTo("success: replaced [root]");
                    assertThat(lines.get(1))
                            .startsWith("noTrustAnchor (DEV-5): the supplied Symmetric Key does not unwrap");
                    assertThat(lines.get(2)).isEqualTo("0");
                });
    }
}
