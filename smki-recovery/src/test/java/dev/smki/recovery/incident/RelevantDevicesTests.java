package dev.smki.recovery.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.Device;
import dev.smki.core.device.DeviceSettings;
import dev.smki.core.device.Fleet;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.testing.TestPkis;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelevantDevicesTests {

    private static final TestPki PKI = TestPkis.seeded(71);
    private static final DeviceSettings SETTINGS = DeviceSettings.of(PKI.deviceProvisioning());
    private static final IssuedCertificate SUPPLIER_DS =
            PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);

    private static Fleet fleet(long seed) {
        Fleet.Builder builder = Fleet.builder(SETTINGS).seed(seed).commissionedShare(0.8);
        for (DeviceType type : DeviceType.values()) {
            builder.devices(type, 30);
        }
        return builder.build();
    }

    @Test
    void theRelevantDevicesOfASupplierKeyAreTheCommissionedDevicesWhoseTypeHoldsTheSupplierCell() {
        Fleet fleet = fleet(1);

        RelevantDevices relevant = RelevantDevices.of(fleet, SUPPLIER_DS);

        List<Device> expected = fleet.stream()
                .filter(d ->
                        d.isCommissioned() && SETTINGS.trustAnchors().holds(d.type(), TrustAnchorCellId.SUPPLIER_DS))
                .toList();
        assertThat(relevant.devices()).containsExactlyElementsOf(expected).hasSizeGreaterThan(80);
        assertThat(relevant.stream()).extracting(Device::type).doesNotContain(DeviceType.CHF, DeviceType.GPF);
        assertThat(relevant.compromisedKey())
                .isEqualTo(SUPPLIER_DS.parsed().subjectKeyIdentifier().orElseThrow());
        assertThat(RelevantDevices.holding(
                                fleet,
                                SUPPLIER_DS.parsed().subjectKeyIdentifier().orElseThrow())
                        .devices())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aRootCompromiseMakesEveryCommissionedDeviceHoldingTheRootRelevantAndAnIssuingOcaNone() {
        Fleet fleet = fleet(2);

        RelevantDevices root = RelevantDevices.of(fleet, PKI.rootOca());
        RelevantDevices issuing = RelevantDevices.of(fleet, PKI.issuingOca());

        assertThat(root.devices())
                .containsExactlyElementsOf(fleet.stream()
                        .filter(d -> d.isCommissioned() && d.type() != DeviceType.TYPE2)
                        .toList());
        assertThat(issuing.isEmpty()).isTrue();
        assertThat(issuing.size()).isZero();
    }

    @Test
    void aCellHoldsTheCompromisedCertificatesPublicKeyInTheEncodingTheScopeCompares() {
        Device meter = fleet(3).stream()
                .filter(d -> d.type() == DeviceType.ESME)
                .findFirst()
                .orElseThrow();

        assertThat(meter.credentials()
                        .cell(TrustAnchorCellId.SUPPLIER_DS)
                        .orElseThrow()
                        .publicKey())
                .isEqualTo(SUPPLIER_DS.publicKey().getEncoded());
        assertThat(RelevantDevices.of(fleet(3), SUPPLIER_DS).compromisedPublicKey())
                .hasValueSatisfying(
                        key -> assertThat(key).isEqualTo(SUPPLIER_DS.publicKey().getEncoded()));
        assertThat(RelevantDevices.holding(
                                fleet(3),
                                SUPPLIER_DS.parsed().subjectKeyIdentifier().orElseThrow())
                        .compromisedPublicKey())
                .isEmpty();
    }

    @Test
    void theScopeStaysFixedWhileUpdatedDevicesStopHoldingTheCompromisedKey() {
        Fleet fleet = fleet(4);
        RelevantDevices relevant = RelevantDevices.of(fleet, PKI.rootOca());
        TestPki recovered = PKI.withNewRootOca();
        UpdateSecurityCredentials newRoot = UpdateSecurityCredentials.builder(
                        CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                .symmetricKey(PKI.contingency().symmetricKey())
                .sequenceNumber(1)
                .replace(TrustAnchorCellId.ROOT, recovered.rootOca().parsed())
                .build();
        int size = relevant.size();

        for (int i = 0; i < 10; i++) {
            Device device = relevant.get(i);
            assertThat(device.apply(newRoot.sign(PKI.contingencyAuthoriser(), device.eui64()))
                            .isAccepted())
                    .isTrue();
        }

        assertThat(relevant.size()).isEqualTo(size);
        assertThat(relevant.countStillHolding()).isEqualTo(size - 10L);
        assertThat(RelevantDevices.of(fleet, PKI.rootOca()).size()).isEqualTo(size - 10);
    }

    @Test
    void containsAnswersForTheDeviceItselfNotForAnotherWithTheSameEui() {
        Fleet fleet = fleet(5);
        Fleet twin = fleet(5);
        RelevantDevices relevant = RelevantDevices.of(fleet, SUPPLIER_DS);

        assertThat(fleet.stream().filter(relevant::contains)).containsExactlyElementsOf(relevant.devices());
        assertThat(twin.stream()).noneMatch(relevant::contains);
    }

    @Test
    void theDevicesAreAnUnmodifiableViewInEuiOrder() {
        RelevantDevices relevant = RelevantDevices.of(fleet(6), SUPPLIER_DS);
        List<Device> devices = relevant.devices();

        assertThat(devices).hasSize(relevant.size());
        assertThat(devices.get(3)).isEqualTo(relevant.get(3));
        for (int i = 1; i < devices.size(); i++) {
            assertThat(devices.get(i).eui64()).isGreaterThan(devices.get(i - 1).eui64());
        }
        assertThatThrownBy(() -> devices.add(devices.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> relevant.get(relevant.size())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(relevant.toString())
                .isEqualTo("RelevantDevices[" + relevant.size() + " of 210 devices hold "
                        + SUPPLIER_DS.parsed().subjectKeyIdentifier().orElseThrow() + "]");
    }
}
