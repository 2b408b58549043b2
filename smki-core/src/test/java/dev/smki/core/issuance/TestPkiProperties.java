package dev.smki.core.issuance;

import static dev.smki.core.issuance.IssuanceAssertions.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.internal.der.HardwareModuleNames;
import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.testing.SmkiGen;
import dev.smki.core.testing.TestPkis;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

class TestPkiProperties implements WithQuickTheories {

    /** A second, independently built PKI per seed, to check that issuance is a pure function of the seed. */
    private static final Map<Long, TestPki> REBUILT = new ConcurrentHashMap<>();

    private Gen<Long> seeds() {
        return longs().between(0, 3);
    }

    @Test
    void everyOrganisationCertificateConformsAndOnlyNonAnchorPairsDrawTheAdvisoryWarning() {
        qt().withExamples(60)
                .forAll(seeds(), SmkiGen.endEntityRoles(), SmkiGen.keyUsages())
                .checkAssert((seed, role, usage) -> {
                    TestPki pki = TestPkis.seeded(seed);
                    IssuedCertificate certificate = pki.newOrganisationCertificate()
                            .role(role)
                            .keyUsage(usage)
                            .issue();
                    List<RuleId> findings =
                            CertificateValidator.validate(certificate.certificate(), pki.validationContext())
                                    .findings()
                                    .stream()
                                    .map(f -> f.rule().id())
                                    .toList();
                    assertThat(findings)
                            .as("CERT rules broken by %s %s", role, usage)
                            .isEmpty();
                    List<RuleId> asAnchor = CertificateValidator.validate(
                                    certificate.certificate(),
                                    pki.validationContext().toBuilder()
                                            .offeredAsTrustAnchor()
                                            .build())
                            .findings()
                            .stream()
                            .map(f -> f.rule().id())
                            .toList();
                    boolean anchorPair = !(role == RemotePartyRole.ACCESS_CONTROL_BROKER
                                    && usage == CertificateUsage.DIGITAL_SIGNATURE)
                            && !(role == RemotePartyRole.RECOVERY && usage == CertificateUsage.KEY_AGREEMENT)
                            && !(role == RemotePartyRole.WAN_PROVIDER && usage == CertificateUsage.KEY_AGREEMENT)
                            && !(role == RemotePartyRole.TRANSITIONAL_COS && usage == CertificateUsage.KEY_AGREEMENT);
                    assertThat(asAnchor)
                            .as("CERT-38 advises on %s %s offered as a device trust anchor", role, usage)
                            .isEqualTo(anchorPair ? List.of() : List.of(RuleId.of("CERT-38")));
                });
    }

    @Test
    void everyDeviceCertificateConformsAndNamesItsDevice() {
        qt().withExamples(80)
                .forAll(seeds(), SmkiGen.eui64s(), SmkiGen.keyUsages())
                .checkAssert((seed, device, usage) -> {
                    TestPki pki = TestPkis.seeded(seed);
                    IssuedCertificate certificate = pki.deviceCertificate(device, usage);
                    assertConforms(certificate, pki.validationContext());
                    assertThat(hwSerialNum(certificate)).isEqualTo(device);
                });
    }

    @Test
    void aDeviceCertificateIsAPureFunctionOfSeedDeviceAndKeyUsage() {
        qt().withExamples(30)
                .forAll(seeds(), SmkiGen.eui64s(), SmkiGen.keyUsages())
                .checkAssert((seed, device, usage) -> {
                    TestPki rebuilt = REBUILT.computeIfAbsent(seed, TestPki::seeded);
                    assertThat(rebuilt.deviceCertificate(device, usage).toDer())
                            .isEqualTo(TestPkis.seeded(seed)
                                    .deviceCertificate(device, usage)
                                    .toDer());
                });
    }

    @Test
    void everyDeviceCsrIsCertifiedWithItsKeyAndDevice() {
        qt().withExamples(30)
                .forAll(seeds(), SmkiGen.eui64s(), SmkiGen.keyUsages())
                .checkAssert((seed, device, usage) -> {
                    TestPki pki = TestPkis.seeded(seed);
                    IssuedCertificate certificate = pki.deviceCertificate(pki.deviceCsr(device, usage));
                    assertConforms(certificate, pki.validationContext());
                    assertThat(hwSerialNum(certificate)).isEqualTo(device);
                    assertThat(certificate.publicKey())
                            .isEqualTo(pki.deviceKeyPair(device, usage).getPublic());
                });
    }

    @Test
    void onlyTheSymmetricKeyUnwrapsTheContingencyKey() {
        TestPki pki = TestPkis.seeded(7);
        SymmetricKey right = pki.contingency().symmetricKey();
        Gen<SymmetricKey> anyKey = longs().all()
                .zip(
                        longs().all(),
                        (a, b) -> SymmetricKey.of(
                                ByteBuffer.allocate(16).putLong(a).putLong(b).array()));
        Gen<SymmetricKey> oneBitOff = integers().between(0, 127).map(bit -> {
            byte[] octets = right.toOctets();
            octets[bit / 8] ^= (byte) (1 << (bit % 8));
            return SymmetricKey.of(octets);
        });
        qt().withExamples(200)
                .forAll(anyKey.mix(oneBitOff))
                .assuming(key -> !key.equals(right))
                .checkAssert(key -> assertThat(pki.contingency().wrappedKey().unwrap(key))
                        .as("unwrapped with a key that is not the Symmetric Key")
                        .isEmpty());
    }

    @Test
    void theStandardOrganisationCertificatesNameTheConfiguredParties() {
        qt().withExamples(10).forAll(SmkiGen.endEntityRoles(), SmkiGen.eui64s()).checkAssert((role, party) -> {
            TestPki pki = TestPki.builder()
                    .seed(1)
                    .parties(PartyIdentities.SIMULATED.with(role, party))
                    .build();
            pki.organisationCertificates().forEach((credential, certificate) -> {
                Eui64 expected = credential.role() == role ? party : SimulatedEui64s.party(credential.role());
                assertThat(uniqueIdentifier(certificate)).isEqualTo(expected);
            });
        });
    }

    private static Eui64 hwSerialNum(IssuedCertificate certificate) {
        Extension san = certificate.certificate().getExtension(Extension.subjectAlternativeName);
        return Eui64.fromOctets(HardwareModuleNames.hwSerialNum(GeneralNames.getInstance(san.getParsedValue()))
                .orElseThrow());
    }

    private static Eui64 uniqueIdentifier(IssuedCertificate certificate) {
        return Eui64.fromOctets(org.bouncycastle.asn1.DERBitString.getInstance(certificate
                        .certificate()
                        .getSubject()
                        .getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.UNIQUE_IDENTIFIER)[0]
                        .getFirst()
                        .getValue())
                .getOctets());
    }
}
