package dev.smki.core.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.contingency.WrappedApexContingencyKey;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.SimulatedEui64s;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.testing.TestPkis;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

class SmkiCertificateTests {

    private static final TestPki PKI = TestPkis.seeded(7);
    private static final Eui64 METER = SimulatedEui64s.device(0);

    @Test
    void detectsTheKindOfEveryCertificateTheTestPkiIssues() {
        List<IssuedCertificate> all = new ArrayList<>(PKI.caCertificates());
        all.addAll(PKI.organisationCertificates().values());
        all.add(PKI.deviceCertificate(METER, CertificateUsage.KEY_AGREEMENT));

        assertThat(all)
                .allSatisfy(issued -> assertThat(ProfileKind.of(issued.parsed().kind()))
                        .as("kind of %s", issued)
                        .isEqualTo(issued.kind()));
    }

    @Test
    void readsWhatAnOrganisationCertificateSays() {
        for (var entry : PKI.organisationCertificates().entrySet()) {
            OrganisationCredential credential = entry.getKey();
            SmkiCertificate certificate = SmkiCertificate.parse(entry.getValue().toDer());

            assertThat(certificate.kind()).isEqualTo(CertificateKind.ORGANISATION);
            assertThat(certificate.role()).contains(credential.role());
            assertThat(certificate.eui64()).contains(PKI.parties().of(credential.role()));
            assertThat(certificate.subjectUniqueIdentifier()).isEqualTo(certificate.eui64());
            assertThat(certificate.hardwareSerialNumber()).isEmpty();
            assertThat(certificate.endEntityKeyUsage()).contains(credential.keyUsage());
            assertThat(certificate.keyUsage())
                    .containsExactly(
                            credential.keyUsage() == CertificateUsage.DIGITAL_SIGNATURE
                                    ? KeyUsageBit.DIGITAL_SIGNATURE
                                    : KeyUsageBit.KEY_AGREEMENT);
            assertThat(certificate.authorityKeyIdentifier())
                    .isEqualTo(PKI.issuingOca().parsed().subjectKeyIdentifier());
            assertThat(certificate.subjectKeyIdentifier().orElseThrow().length())
                    .isEqualTo(8);
            assertThat(certificate.policies()).containsExactly(PKI.environment().issuedOrganisationPolicy());
            assertThat(certificate.isCertificateAuthority()).isFalse();
            assertThat(certificate.isSelfIssued()).isFalse();
            assertThat(certificate.isSignedBy(PKI.issuingOca().parsed())).isTrue();
            assertThat(certificate.isSignedBy(PKI.rootOca().parsed())).isFalse();
            assertThat(certificate.isValidAt(TestPki.DEFAULT_SEEDED_EPOCH)).isTrue();
        }
    }

    @Test
    void readsWhatADeviceCertificateSays() {
        IssuedCertificate issued = PKI.deviceCertificate(METER, CertificateUsage.DIGITAL_SIGNATURE);
        SmkiCertificate certificate = issued.parsed();

        assertThat(certificate.kind()).isEqualTo(CertificateKind.DEVICE);
        assertThat(certificate.eui64()).contains(METER);
        assertThat(certificate.hardwareSerialNumber()).contains(METER);
        assertThat(certificate.subjectUniqueIdentifier()).isEmpty();
        assertThat(certificate.role()).isEmpty();
        assertThat(certificate.endEntityKeyUsage()).contains(CertificateUsage.DIGITAL_SIGNATURE);
        assertThat(certificate.policies()).containsExactly(PKI.environment().issuedDevicePolicy());
        assertThat(certificate.notAfter()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(certificate.notBefore()).isEqualTo(TestPki.DEFAULT_SEEDED_EPOCH);
        assertThat(certificate.isValidAt(TestPki.DEFAULT_SEEDED_EPOCH.minusSeconds(1)))
                .isFalse();
        assertThat(certificate.isSignedBy(PKI.issuingDca().parsed())).isTrue();
        assertThat(certificate.serialNumber()).isEqualTo(issued.serialNumber());
        assertThat(certificate.describe()).isEqualTo("device " + METER + ", serial " + certificate.serialHex());
        assertThat(certificate).hasToString("Device certificate [" + certificate.describe() + "]");
    }

    @Test
    void readsTheRootOcaAndTheContingencyKeyItCarries() {
        SmkiCertificate root = PKI.rootOca().parsed();

        assertThat(root.kind()).isEqualTo(CertificateKind.ROOT_OCA);
        assertThat(root.role()).contains(RemotePartyRole.ROOT);
        assertThat(root.keyUsage()).containsExactlyInAnyOrder(KeyUsageBit.KEY_CERT_SIGN, KeyUsageBit.CRL_SIGN);
        assertThat(root.endEntityKeyUsage()).isEmpty();
        assertThat(root.isCertificateAuthority()).isTrue();
        assertThat(root.isSelfIssued()).isTrue();
        assertThat(root.isSignedBy(root)).isTrue();
        assertThat(root.eui64()).isEmpty();
        assertThat(root.extensionValue(PKI.environment().contingencyKeyExtension())
                        .map(WrappedApexContingencyKey::parse))
                .isEqualTo(WrappedApexContingencyKey.from(
                        PKI.rootOca().certificate(), PKI.environment().contingencyKeyExtension()));
        assertThat(root.extensionValue("1.2.3.4")).isEmpty();
    }

    @Test
    void namesItsIssuerBySubjectName() {
        SmkiCertificate supplier = PKI.organisationCertificate(
                        RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE)
                .parsed();

        assertThat(supplier.namesIssuer(PKI.issuingOca().parsed())).isTrue();
        assertThat(supplier.namesIssuer(PKI.rootOca().parsed())).isFalse();
        assertThat(PKI.rootOca().parsed().namesIssuer(PKI.rootOca().parsed())).isTrue();
        assertThat(supplier.describeIssuer())
                .isEqualTo(PKI.issuingOca().parsed().describe().replaceFirst(", serial .*", ""));
    }

    @Test
    void readsTheDcaCertificates() {
        assertThat(PKI.rootDca().parsed().kind()).isEqualTo(CertificateKind.ROOT_DCA);
        assertThat(PKI.issuingDca().parsed().kind()).isEqualTo(CertificateKind.ISSUING_DCA);
        assertThat(PKI.issuingDca().parsed().role()).isEmpty();
        assertThat(PKI.issuingDca().parsed().authorityKeyIdentifier())
                .isEqualTo(PKI.rootDca().parsed().subjectKeyIdentifier());
    }

    @Test
    void parsingAndEncodingGiveBackTheSameCertificate() throws IOException {
        IssuedCertificate issued = PKI.issuingOca();
        SmkiCertificate parsed = SmkiCertificate.parse(issued.toDer());

        assertThat(parsed.toDer()).isEqualTo(issued.toDer());
        assertThat(parsed).isEqualTo(issued.parsed()).hasSameHashCodeAs(issued.parsed());
        assertThat(parsed.holder()).isEqualTo(issued.certificate());
        assertThat(parsed.subjectPublicKeyInfo())
                .isEqualTo(issued.certificate().getSubjectPublicKeyInfo().getEncoded());
        assertThat(parsed.signedPart())
                .isEqualTo(issued.certificate()
                        .toASN1Structure()
                        .getTBSCertificate()
                        .getEncoded());
        assertThat(parsed.signature()).isEqualTo(issued.certificate().getSignature());
        assertThat(parsed.signatureAlgorithm()).isEqualTo("1.2.840.10045.4.3.2");
    }

    @Test
    void everyEncodingIsAFreshCopyThatACallerMayChange() {
        SmkiCertificate certificate = PKI.issuingOca().parsed();
        byte[] first = certificate.toDer();
        first[first.length - 1] ^= 0x01;

        assertThat(certificate.toDer())
                .isEqualTo(PKI.issuingOca().toDer())
                .isNotSameAs(certificate.toDer())
                .isNotEqualTo(first);
    }

    @Test
    void bytesThatAreNotACertificateAreRefusedWithAMessageAboutTheDer() {
        assertThatThrownBy(() -> SmkiCertificate.parse(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}))
                .isInstanceOf(MalformedCertificateException.class)
                .satisfies(e ->
                        assertThat(((MalformedCertificateException) e).part()).isEqualTo("certificate"))
                .hasMessageStartingWith("certificate: the DER 30 03 02 01 05 (5 octets) is not an X.509 certificate")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception", "java.", "org.bouncycastle"));
    }

    @Test
    void anExtensionThatDoesNotDecodeIsRefusedWhenAskedForNamingIt() throws IOException {
        SmkiCertificate broken = withRawExtension(
                PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE)
                        .certificate(),
                Extension.keyUsage,
                new byte[] {0x04, 0x01, 0x00});

        assertThatThrownBy(broken::keyUsage)
                .isInstanceOf(MalformedCertificateException.class)
                .hasMessage("keyUsage extension: its value 04 01 00 (3 octets) does not decode as a BIT STRING"
                        + " (found an OCTET STRING)");
        assertThatThrownBy(broken::endEntityKeyUsage).isInstanceOf(MalformedCertificateException.class);
        assertThat(broken.kind()).isEqualTo(CertificateKind.ORGANISATION);
        assertThat(broken.role()).contains(RemotePartyRole.SUPPLIER);
        assertThat(broken.describe()).contains("OU=02");
    }

    @Test
    void aCaWhoseBasicConstraintsDoNotDecodeIsStillGivenAKind() throws IOException {
        SmkiCertificate broken =
                withRawExtension(PKI.issuingOca().certificate(), Extension.basicConstraints, new byte[] {0x01});

        assertThat(broken.kind()).isEqualTo(CertificateKind.ORGANISATION);
        assertThatThrownBy(broken::isCertificateAuthority)
                .isInstanceOf(MalformedCertificateException.class)
                .hasMessageStartingWith("basicConstraints extension: its value 01 (1 octet) does not decode as a"
                        + " BasicConstraints SEQUENCE");
    }

    @Test
    void keyUsageBitsAreTheBitsBouncyCastleNames() {
        int[] constants = {
            org.bouncycastle.asn1.x509.KeyUsage.digitalSignature,
            org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation,
            org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment,
            org.bouncycastle.asn1.x509.KeyUsage.dataEncipherment,
            org.bouncycastle.asn1.x509.KeyUsage.keyAgreement,
            org.bouncycastle.asn1.x509.KeyUsage.keyCertSign,
            org.bouncycastle.asn1.x509.KeyUsage.cRLSign,
            org.bouncycastle.asn1.x509.KeyUsage.encipherOnly,
            org.bouncycastle.asn1.x509.KeyUsage.decipherOnly
        };
        for (KeyUsageBit bit : KeyUsageBit.values()) {
            assertThat(KeyUsageBit.ofMask(constants[bit.bit()])).containsExactly(bit);
        }
        Set<KeyUsageBit> all = KeyUsageBit.ofMask(0x80FF);
        assertThat(all).isEqualTo(EnumSet.allOf(KeyUsageBit.class));
    }

    @Test
    void keyIdentifiersAreWrittenAndReadAsUpperCaseHex() {
        KeyIdentifier id = KeyIdentifier.of(new byte[] {0x4a, 0x1b, (byte) 0xff});

        assertThat(id).hasToString("4A1BFF");
        assertThat(KeyIdentifier.parse("4a1bff")).isEqualTo(id);
        assertThat(id.length()).isEqualTo(3);
        assertThat(id.matches(new byte[] {0x4a, 0x1b, (byte) 0xff})).isTrue();
        assertThatThrownBy(() -> KeyIdentifier.parse("4a1")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Returns {@code holder} with extension {@code oid} holding {@code value}; its signature no longer verifies. */
    private static SmkiCertificate withRawExtension(
            X509CertificateHolder holder, ASN1ObjectIdentifier oid, byte[] value) throws IOException {
        Certificate certificate = holder.toASN1Structure();
        ASN1Sequence tbs = ASN1Sequence.getInstance(certificate.getTBSCertificate());
        Extensions extensions = certificate.getTBSCertificate().getExtensions();
        List<Extension> replaced = new ArrayList<>();
        for (ASN1ObjectIdentifier each : extensions.getExtensionOIDs()) {
            Extension e = extensions.getExtension(each);
            replaced.add(each.equals(oid) ? new Extension(oid, e.isCritical(), new DEROctetString(value)) : e);
        }
        ASN1EncodableVector fields = new ASN1EncodableVector();
        for (int i = 0; i < tbs.size(); i++) {
            fields.add(
                    i == tbs.size() - 1
                            ? new DERTaggedObject(true, 3, new Extensions(replaced.toArray(Extension[]::new)))
                            : tbs.getObjectAt(i));
        }
        ASN1EncodableVector outer = new ASN1EncodableVector();
        outer.add(new DERSequence(fields));
        outer.add(certificate.getSignatureAlgorithm());
        outer.add(certificate.getSignature());
        return SmkiCertificate.parse(new DERSequence(outer).getEncoded());
    }
}
