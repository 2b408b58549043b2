package dev.smki.core.issuance;

import static dev.smki.core.issuance.IssuanceAssertions.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.contingency.ContingencyWrap;
import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.contingency.WrappedApexContingencyKey;
import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.testing.TestKeys;
import dev.smki.core.testing.TestPkis;
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
}
