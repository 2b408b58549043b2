package dev.smki.core.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.testing.TestPkis;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiKeyStoreTests {

    private static final TestPki PKI = TestPkis.seeded(7);
    private static final Eui64 METER = SimulatedEui64s.device(0);
    private static final char[] PASSWORD = "changeit".toCharArray();

    @Test
    void theKeyStoreOfAPkiHoldsEveryCertificateAndKeyUnderItsFileName() throws Exception {
        KeyStore store = PKI.toKeyStore(List.of(METER), PASSWORD);

        assertThat(Collections.list(store.aliases()))
                .containsExactlyInAnyOrderElementsOf(
                        PKI.keystoreEntries(List.of(METER)).keySet())
                .contains(
                        "root-oca",
                        "issuing-oca",
                        "root-dca",
                        "issuing-dca",
                        "supplier-ds",
                        "supplier-ka-topup",
                        "device-02534d4b49800000-ds",
                        "device-02534d4b49800000-ka")
                .hasSize(4 + PKI.organisationCertificates().size() + 2);
        IssuedCertificate supplierDs =
                PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
        assertThat(store.isKeyEntry("supplier-ds")).isTrue();
        assertThat(store.getCertificate("supplier-ds").getEncoded()).isEqualTo(supplierDs.toDer());
        assertSigns((PrivateKey) store.getKey("supplier-ds", PASSWORD), supplierDs);
        assertThat(store.getCertificate("device-02534d4b49800000-ka").getEncoded())
                .isEqualTo(PKI.deviceCertificate(METER, CertificateUsage.KEY_AGREEMENT)
                        .toDer());
    }

    @Test
    void aSeededPkiGivesTheBytesItsDirectoryHolds(@TempDir Path dir) throws Exception {
        TestPkiDirectory.write(PKI, dir, List.of(METER), PASSWORD);

        assertThat(PKI.toPkcs12(List.of(METER), PASSWORD)).isEqualTo(Files.readAllBytes(dir.resolve("pki.p12")));
    }

    @Test
    void oneCertificateWithItsKeyIsAPkcs12TheJdkReads() throws Exception {
        IssuedCertificate supplierDs =
                PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);

        KeyStore store = KeyStore.getInstance("PKCS12"); // the JDK's own, as keytool uses
        store.load(new ByteArrayInputStream(supplierDs.toPkcs12(PASSWORD)), PASSWORD);

        assertThat(supplierDs.pkcs12Alias()).isEqualTo("organisation");
        assertThat(Collections.list(store.aliases())).containsExactly("organisation");
        assertThat(store.getCertificate("organisation").getEncoded()).isEqualTo(supplierDs.toDer());
        Key key = store.getKey("organisation", PASSWORD);
        assertSigns((PrivateKey) key, supplierDs);
    }

    @Test
    void aCertificateWithoutItsKeyIsACertificateEntryOnly() throws Exception {
        IssuedCertificate fromCsr = PKI.deviceCertificate(PKI.deviceCsr(METER, CertificateUsage.DIGITAL_SIGNATURE));

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(fromCsr.toPkcs12(PASSWORD)), PASSWORD);

        assertThat(fromCsr.hasPrivateKey()).isFalse();
        assertThat(store.isKeyEntry("device")).isFalse();
        assertThat(((X509Certificate) store.getCertificate("device")).getEncoded())
                .isEqualTo(fromCsr.toDer());
    }

    private static void assertSigns(PrivateKey key, IssuedCertificate certificate) throws Exception {
        byte[] message = "meter reading".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.publicKey());
        verifier.update(message);
        assertThat(verifier.verify(signature))
                .as("the key in the keystore is %s's", certificate)
                .isTrue();
    }
}
