package dev.smki.core.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.internal.crypto.BouncyCastle;
import dev.smki.core.testing.TestKeys;
import dev.smki.core.testing.TestPkis;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigningKeyTests {

    private static final TestPki PKI = TestPkis.seeded(7);
    private static final byte[] CONTENT = "Update Security Credentials".getBytes(StandardCharsets.US_ASCII);

    private static boolean verifies(SigningKey key, byte[] content, byte[] signature) throws Exception {
        PublicKey publicKey = KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
                .generatePublic(new X509EncodedKeySpec(key.publicKeyInfo().getEncoded()));
        Signature verifier = Signature.getInstance("SHA256withECDSA", BouncyCastle.PROVIDER);
        verifier.initVerify(publicKey);
        verifier.update(content);
        return verifier.verify(signature);
    }

    @Test
    void signsDeterministicallyWithTheCertificatesKey() throws Exception {
        IssuedCertificate supplier =
                PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
        SigningKey key = SigningKey.of(supplier);

        byte[] signature = key.sign(CONTENT);

        assertThat(key.sign(CONTENT)).isEqualTo(signature);
        assertThat(key.publicKeyInfo()).isEqualTo(supplier.certificate().getSubjectPublicKeyInfo());
        assertThat(verifies(key, CONTENT, signature)).isTrue();
        assertThat(verifies(key, "other".getBytes(StandardCharsets.US_ASCII), signature))
                .isFalse();
    }

    @Test
    void signsWithTheContingencyKeyOrAnyP256KeyPair() throws Exception {
        SigningKey contingency = SigningKey.of(PKI.contingency());
        SigningKey pooled = SigningKey.of(TestKeys.key(3));

        assertThat(contingency.publicKeyInfo()).isEqualTo(PKI.contingency().publicKeyInfo());
        assertThat(verifies(contingency, CONTENT, contingency.sign(CONTENT))).isTrue();
        assertThat(verifies(pooled, CONTENT, pooled.sign(CONTENT))).isTrue();
        assertThat(verifies(pooled, CONTENT, contingency.sign(CONTENT))).isFalse();
    }

    @Test
    void refusesACertificateWhosePrivateKeyIsNotHeld() {
        IssuedCertificate publicOnly =
                IssuedCertificate.of(PKI.rootOca().kind(), PKI.rootOca().certificate(), Optional.empty());

        assertThatThrownBy(() -> SigningKey.of(publicOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not held");
    }

    @Test
    void neverShowsTheKey() {
        assertThat(SigningKey.of(PKI.contingency())).hasToString("SigningKey[P-256]");
    }
}
