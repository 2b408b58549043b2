package dev.smki.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.issuance.SigningKey;
import dev.smki.core.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.junit.jupiter.api.Test;

class KrpSignatureTests {

    private static final KeyPair KEY = TestKeys.key(5);
    private static final byte[] DATA = "signed part".getBytes(StandardCharsets.US_ASCII);

    private static ECPublicKeyParameters publicKey(KeyPair pair) {
        return KrpSignature.publicKey(
                SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
    }

    @Test
    void isSixtyFourOctetsRThenSThatJcaVerifiesAsPlainEcdsa() throws Exception {
        byte[] signature = KrpSignature.sign(SigningKey.of(KEY), DATA);

        assertThat(signature).hasSize(64);
        Signature plain = Signature.getInstance("SHA256withPLAIN-ECDSA", TestKeys.provider());
        plain.initVerify(KEY.getPublic());
        plain.update(DATA);
        assertThat(plain.verify(signature)).isTrue();
        assertThat(KrpSignature.verifies(publicKey(KEY), DATA, 0, DATA.length, signature))
                .isTrue();
    }

    @Test
    void verifiesOnlyTheSignedRangeWithTheRightKey() {
        byte[] signature = KrpSignature.sign(SigningKey.of(KEY), DATA);
        byte[] framed = ("[" + new String(DATA, StandardCharsets.US_ASCII) + "]").getBytes(StandardCharsets.US_ASCII);

        assertThat(KrpSignature.verifies(publicKey(KEY), framed, 1, DATA.length, signature))
                .isTrue();
        assertThat(KrpSignature.verifies(publicKey(KEY), framed, 0, DATA.length, signature))
                .isFalse();
        assertThat(KrpSignature.verifies(publicKey(TestKeys.key(6)), DATA, 0, DATA.length, signature))
                .isFalse();
        assertThat(KrpSignature.verifies(publicKey(KEY), DATA, 0, DATA.length, Arrays.copyOf(signature, 63)))
                .isFalse();
    }

    @Test
    void refusesROrSOutsideTheGroupOrder() {
        byte[] zeros = new byte[64];
        byte[] max = new byte[64];
        Arrays.fill(max, (byte) 0xFF);

        assertThat(KrpSignature.verifies(publicKey(KEY), DATA, 0, DATA.length, zeros))
                .isFalse();
        assertThat(KrpSignature.verifies(publicKey(KEY), DATA, 0, DATA.length, max))
                .isFalse();
        assertThat(PlainDSAEncoding.INSTANCE).isNotNull();
    }

    @Test
    void takesOnlyP256Keys() {
        assertThatThrownBy(() -> KrpSignature.publicKey(
                        SubjectPublicKeyInfo.getInstance(new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
                                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                        org.bouncycastle.asn1.x9.X9ObjectIdentifiers.id_ecPublicKey,
                                        org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp384r1),
                                new byte[97]))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a P-256 public key");
    }
}
