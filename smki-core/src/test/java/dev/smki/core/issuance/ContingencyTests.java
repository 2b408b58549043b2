package dev.smki.core.issuance;

import static dev.smki.core.issuance.IssuanceAssertions.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.testing.TestKeys;
import dev.smki.core.testing.TestPkis;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

class ContingencyTests {

    private static final TestPki PKI = TestPkis.seeded(7);
    private static final ContingencyMaterial CONTINGENCY = PKI.contingency();
    private static final String OID = SmkiEnvironment.SIM.contingencyKeyExtension();

    @Test
    void theRootOcaCarriesTheContingencyKeyNonCriticalUnderTheEnvironmentsOid() {
        Extension extension = PKI.rootOca().certificate().getExtension(new ASN1ObjectIdentifier(OID));
        assertThat(extension).isNotNull();
        assertThat(extension.isCritical()).isFalse();
        assertThat(PKI.issuingOca().certificate().getExtension(new ASN1ObjectIdentifier(OID)))
                .isNull();
    }

    @Test
    void theExtensionIsAnRfc5934ApexContingencyKeyWrappedWithAes128KeyWrapWithPadding() throws Exception {
        byte[] value = PKI.rootOca()
                .certificate()
                .getExtension(new ASN1ObjectIdentifier(OID))
                .getExtnValue()
                .getOctets();
        ASN1Sequence apex = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(value));
        assertThat(apex.size()).isEqualTo(2);
        AlgorithmIdentifier wrap = AlgorithmIdentifier.getInstance(apex.getObjectAt(0));
        assertThat(wrap.getAlgorithm().getId()).isEqualTo("2.16.840.1.101.3.4.1.8");
        assertThat(wrap.getParameters()).isNull();
        // The 91-octet P-256 SubjectPublicKeyInfo, padded to 96 octets, plus the 8-octet integrity block.
        assertThat(ASN1OctetString.getInstance(apex.getObjectAt(1)).getOctets()).hasSize(104);
    }

    @Test
    void theSymmetricKeyUnwrapsTheContingencyPublicKey() throws Exception {
        assertThat(WrappedApexContingencyKey.unwrap(PKI.rootOca().certificate(), OID, CONTINGENCY.symmetricKey()))
                .contains(CONTINGENCY.publicKeyInfo());
        assertThat(CONTINGENCY.keyPair().getPublic().getEncoded())
                .isEqualTo(CONTINGENCY.publicKeyInfo().getEncoded());
    }

    @Test
    void anyOtherKeyFailsCleanlyWithAnEmptyResult() {
        byte[] octets = CONTINGENCY.symmetricKey().toOctets();
        octets[15] ^= 0x01;
        List<SymmetricKey> others = List.of(
                SymmetricKey.of(octets),
                SymmetricKey.of(new byte[16]),
                SymmetricKey.of(new byte[32]),
                TestPkis.seeded(8).contingency().symmetricKey());
        for (SymmetricKey other : others) {
            assertThat(WrappedApexContingencyKey.unwrap(PKI.rootOca().certificate(), OID, other))
                    .as("unwrapped with %s", other)
                    .isEmpty();
        }
    }

    @Test
    void aCorruptedWrappedKeyFailsCleanly() throws Exception {
        byte[] wrapped = CONTINGENCY.wrappedKey().wrappedKey();
        wrapped[40] ^= 0x10;
        WrappedApexContingencyKey corrupted = WrappedApexContingencyKey.parse(
                new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                            ContingencyWrap.AES_128_WRAP_PAD.algorithmIdentifier(),
                            new org.bouncycastle.asn1.DEROctetString(wrapped)
                        })
                        .toASN1Primitive()
                        .getEncoded());
        assertThat(corrupted.unwrap(CONTINGENCY.symmetricKey())).isEmpty();
    }

    @Test
    void aCertificateWithoutTheExtensionCarriesNoContingencyKey() {
        assertThat(WrappedApexContingencyKey.from(PKI.rootDca().certificate(), OID))
                .isEmpty();
        assertThat(WrappedApexContingencyKey.unwrap(PKI.rootDca().certificate(), OID, CONTINGENCY.symmetricKey()))
                .isEmpty();
    }

    @Test
    void aMalformedExtensionValueIsRejected() {
        assertThatThrownBy(() -> WrappedApexContingencyKey.parse(new byte[] {0x30, 0x00}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ApexContingencyKey");
        assertThatThrownBy(() -> WrappedApexContingencyKey.parse(new byte[] {0x04, 0x01, 0x00}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOidCriticalityAndWrapAlgorithmAreConfigurable() {
        SmkiEnvironment custom = new SmkiEnvironment(
                "custom",
                SmkiEnvironment.SIM.organisationPolicies(),
                SmkiEnvironment.SIM.devicePolicies(),
                SmkiEnvironment.SIM.hwType(),
                "1.3.6.1.4.1.99999.1",
                Confidence.VERIFIED,
                Confidence.RECONSTRUCTED);
        ContingencyKeySettings settings = ContingencyKeySettings.forEnvironment(custom)
                .withCritical(true)
                .withWrap(ContingencyWrap.AES_256_WRAP_PAD);
        TestPki pki = TestPki.builder()
                .seed(3)
                .environment(custom)
                .contingencySettings(settings)
                .build();
        Extension extension = pki.rootOca().certificate().getExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        assertThat(extension.isCritical()).isTrue();
        assertThat(pki.contingency().symmetricKey().length()).isEqualTo(32);
        assertThat(pki.contingency().wrappedKey().wrapAlgorithm().getAlgorithm().getId())
                .isEqualTo("2.16.840.1.101.3.4.1.48");
        assertThat(WrappedApexContingencyKey.unwrap(
                        pki.rootOca().certificate(),
                        "1.3.6.1.4.1.99999.1",
                        pki.contingency().symmetricKey()))
                .contains(pki.contingency().publicKeyInfo());
        assertConforms(pki.rootOca(), pki.validationContext());
    }

    @Test
    void contingencyMaterialNeedsASymmetricKeyOfTheWrapAlgorithmsLength() {
        ContingencyKeySettings settings = ContingencyKeySettings.forEnvironment(SmkiEnvironment.SIM);
        assertThatThrownBy(() -> ContingencyMaterial.of(TestKeys.key(1), SymmetricKey.of(new byte[32]), settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16-octet");
        ContingencyMaterial made = ContingencyMaterial.of(TestKeys.key(1), SymmetricKey.of(new byte[16]), settings);
        assertThat(made.wrappedKey().unwrap(SymmetricKey.of(new byte[16]))).contains(made.publicKeyInfo());
    }

    @Test
    void aSymmetricKeyReadsBackFromHexAndNeverShowsItself() {
        SymmetricKey key = CONTINGENCY.symmetricKey();
        assertThat(SymmetricKey.parseHex(" " + key.toHex().toUpperCase(java.util.Locale.ROOT) + "\n"))
                .isEqualTo(key);
        assertThat(key.toString()).isEqualTo("SymmetricKey[AES-128]");
        assertThatThrownBy(() -> SymmetricKey.parseHex("00ff")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SymmetricKey.parseHex("zz".repeat(16))).isInstanceOf(IllegalArgumentException.class);
        assertThat(HexFormat.of().parseHex(key.toHex())).isEqualTo(key.toOctets());
    }

    @Test
    void wrapAlgorithmsAreNamedByTextEnumNameOrOid() {
        for (ContingencyWrap wrap : ContingencyWrap.values()) {
            assertThat(ContingencyWrap.parse(wrap.text())).isEqualTo(wrap);
            assertThat(ContingencyWrap.parse(wrap.name())).isEqualTo(wrap);
            assertThat(ContingencyWrap.parse(wrap.oid())).isEqualTo(wrap);
            assertThat(ContingencyWrap.ofOid(wrap.oid())).contains(wrap);
        }
        assertThatThrownBy(() -> ContingencyWrap.parse("des")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEncodingIsMarkedReconstructed() {
        assertThat(WrappedApexContingencyKey.CONFIDENCE).isEqualTo(Confidence.RECONSTRUCTED);
        assertThat(WrappedApexContingencyKey.SOURCES).isNotEmpty();
    }
}
