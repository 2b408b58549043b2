package dev.smki.core.contingency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.issuance.ContingencyMaterial;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.testing.TestPkis;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContingencyKeyTests {

    private static final TestPki PKI = TestPkis.seeded(7);
    private static final ContingencyMaterial CONTINGENCY = PKI.contingency();
    private static final String OID = SmkiEnvironment.SIM.contingencyKeyExtension();

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

    @Test
    void generatesAKeyOfEachAesLengthAndNoOther() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int length : new int[] {16, 24, 32}) {
            SymmetricKey key = SymmetricKey.generate(random, length);
            assertThat(key.length()).isEqualTo(length);
            assertThat(key).isNotEqualTo(SymmetricKey.generate(random, length));
        }
        assertThatThrownBy(() -> SymmetricKey.generate(random, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16, 24 or 32");
    }
}
