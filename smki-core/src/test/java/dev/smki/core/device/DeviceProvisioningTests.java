package dev.smki.core.device;

import static dev.smki.core.device.DeviceFixtures.METER;
import static dev.smki.core.device.DeviceFixtures.PKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.gbcs.GbcsSigner;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.Eui64Range;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.SigningKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeviceProvisioningTests {

    private static final Eui64Range BLOCK =
            Eui64Range.of(Eui64.parse("90-B3-D5-1F-30-00-00-00"), Eui64.parse("90-B3-D5-1F-30-00-FF-FF"));

    /** Returns the certificates a Device starts with, taken one by one from the test PKI as another source would. */
    private static Map<TrustAnchorCellId, SmkiCertificate> anchors() {
        Map<TrustAnchorCellId, SmkiCertificate> anchors = new LinkedHashMap<>();
        anchors.put(TrustAnchorCellId.ROOT, SmkiCertificate.parse(PKI.rootOca().toDer()));
        for (OrganisationCredential credential : OrganisationCredential.STANDARD) {
            anchors.put(
                    credential.cell(),
                    SmkiCertificate.parse(
                            PKI.organisationCertificate(credential).toDer()));
        }
        return anchors;
    }

    /** Device certificates and keys from the test PKI, counting how often a Device asks for its key. */
    private static final class CountingCertificates implements DeviceCertificates {
        final AtomicInteger keyLookups = new AtomicInteger();

        @Override
        public SmkiCertificate certificate(Eui64 device, CertificateUsage keyUsage) {
            return PKI.deviceCertificate(device, keyUsage).parsed();
        }

        @Override
        public GbcsSigner digitalSigningKey(Eui64 device) {
            keyLookups.incrementAndGet();
            return SigningKey.of(PKI.deviceKeyPair(device, CertificateUsage.DIGITAL_SIGNATURE));
        }
    }

    @Test
    void devicesMadeFromCertificatesAloneAcceptAndAnswerAsTheTestPkisDo() {
        CountingCertificates certificates = new CountingCertificates();
        Clock clock = Clock.fixed(PKI.clock().instant(), ZoneOffset.UTC);
        DeviceProvisioning provisioning = new DeviceProvisioning(
                SmkiEnvironment.SIM,
                SmkiEnvironment.SIM.contingencyKeyExtension(),
                anchors(),
                certificates,
                BLOCK,
                clock);
        Fleet fleet = Fleet.builder(provisioning).devices(DeviceType.ESME, 3).build();
        Device meter = fleet.get(0);

        SignedCommand newRoot = DeviceFixtures.replacing(
                        DeviceFixtures.command(CredentialsReplacementMode.ANY_BY_CONTINGENCY), TrustAnchorCellId.ROOT)
                .build()
                .sign(PKI.contingencyAuthoriser(), meter.eui64());
        Device.Answer answer = meter.answer(newRoot);
        Device fromTheTestPki = Device.of(DeviceFixtures.SETTINGS, meter.eui64(), DeviceType.ESME, true);
        fromTheTestPki.apply(newRoot);

        assertThat(meter.eui64()).isEqualTo(BLOCK.first());
        assertThat(answer.outcome().isAccepted()).as("%s", answer.outcome()).isTrue();
        assertThat(answer.response()
                        .orElseThrow()
                        .verifies(meter.deviceCertificate(CertificateUsage.DIGITAL_SIGNATURE)))
                .isTrue();
        assertThat(certificates.keyLookups).hasValue(1);
        assertThat(meter.credentials()).isEqualTo(fromTheTestPki.credentials());
        assertThat(meter.credentials()
                        .cell(TrustAnchorCellId.ROOT)
                        .orElseThrow()
                        .subjectKeyId())
                .isEqualTo(DeviceFixtures.RECOVERED
                        .rootOca()
                        .parsed()
                        .subjectKeyIdentifier()
                        .orElseThrow());
        assertThat(fleet.settings().clock()).isSameAs(clock);
    }

    @Test
    void theTestPkiProvisionsItsRootOcaAndEveryStandardOrganisationCertificate() {
        DeviceProvisioning provisioning = PKI.deviceProvisioning();

        assertThat(provisioning.anchorCertificate(TrustAnchorCellId.ROOT))
                .isEqualTo(PKI.rootOca().parsed());
        for (OrganisationCredential credential : OrganisationCredential.STANDARD) {
            assertThat(provisioning.anchorCertificate(credential.cell()))
                    .isEqualTo(PKI.organisationCertificate(credential).parsed());
        }
        assertThat(provisioning.anchorCertificates()).hasSize(1 + OrganisationCredential.STANDARD.size());
        assertThat(List.copyOf(provisioning.anchorCertificates().keySet())).isSorted();
        assertThat(provisioning.environment()).isEqualTo(PKI.environment());
        assertThat(provisioning.contingencyKeyExtension())
                .isEqualTo(PKI.contingency().settings().extensionOid());
        assertThat(provisioning.clock()).isEqualTo(PKI.clock());
        assertThat(provisioning.deviceCertificates().certificate(METER, CertificateUsage.KEY_AGREEMENT))
                .isEqualTo(PKI.deviceCertificate(METER, CertificateUsage.KEY_AGREEMENT)
                        .parsed());
        assertThat(provisioning.deviceEui64s().first()).isEqualTo(Eui64.parse("02-53-4D-4B-49-80-00-00"));
        assertThat(provisioning.toString())
                .contains("root ")
                .contains(" 15 cells, sim, devices 02-53-4D-4B-49-80-00-00");
    }

    /** Returns the SIM provisioning of {@code anchors}, with the test PKI's Device certificates and clock. */
    private static DeviceProvisioning provisioning(Map<TrustAnchorCellId, SmkiCertificate> anchors) {
        return new DeviceProvisioning(
                SmkiEnvironment.SIM,
                SmkiEnvironment.SIM.contingencyKeyExtension(),
                anchors,
                PKI.deviceProvisioning().deviceCertificates(),
                BLOCK,
                PKI.clock());
    }

    @Test
    void devicesNeedARootOcaCertificateAndOneForEachCellTheirTypeHolds() {
        Map<TrustAnchorCellId, SmkiCertificate> withoutRoot = anchors();
        withoutRoot.remove(TrustAnchorCellId.ROOT);
        Map<TrustAnchorCellId, SmkiCertificate> withoutRecovery = anchors();
        withoutRecovery.remove(TrustAnchorCellId.RECOVERY);

        assertThatThrownBy(() -> provisioning(withoutRoot))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Root OCA");
        DeviceProvisioning noRecovery = provisioning(withoutRecovery);
        assertThatThrownBy(() -> DeviceSettings.of(noRecovery))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recovery-ds");
    }

    @Test
    void aCertificateThatDoesNotFitItsCellIsRefusedWhenTheSettingsAreMade() {
        Map<TrustAnchorCellId, SmkiCertificate> swapped = anchors();
        swapped.put(TrustAnchorCellId.SUPPLIER_DS, swapped.get(TrustAnchorCellId.SUPPLIER_KA));
        Map<TrustAnchorCellId, SmkiCertificate> rootWithoutWrappedKey = anchors();
        rootWithoutWrappedKey.put(TrustAnchorCellId.ROOT, PKI.rootDca().parsed());

        assertThatThrownBy(() -> DeviceSettings.of(provisioning(swapped)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not assert the key usage of the supplier-ds cell");
        assertThatThrownBy(() -> DeviceSettings.of(provisioning(rootWithoutWrappedKey)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carries no wrapped contingency key");
    }

    @Test
    void anAuthoriserIsTheCertificatesPartyAndARootOcaNamesNone() {
        IssuedCertificate recovery = DeviceFixtures.currentCertificate(TrustAnchorCellId.RECOVERY);

        assertThat(Authoriser.of(recovery.parsed(), SigningKey.of(recovery)).originator())
                .isEqualTo(recovery.parsed().subjectUniqueIdentifier().orElseThrow());
        assertThat(PKI.contingencyAuthoriser().originator())
                .isEqualTo(PKI.parties().of(dev.smki.core.identity.RemotePartyRole.ROOT));
        assertThatThrownBy(() -> Authoriser.of(PKI.rootOca().parsed(), SigningKey.of(PKI.rootOca())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no Party");
    }
}
