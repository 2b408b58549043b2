package dev.smki.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateInputTests {

    private static final byte[] DEVICE = TestHierarchy.device().encode();
    private static final byte[] ORGANISATION = TestHierarchy.organisation().encode();

    @Test
    void readsOneDerCertificate() {
        assertThat(CertificateInput.parse(DEVICE))
                .singleElement()
                .isInstanceOfSatisfying(
                        CertificateInput.Certificate.class,
                        c -> assertThat(c.where()).isEqualTo("DER"));
    }

    @Test
    void readsEveryPemBlockWithTextAroundThem() {
        byte[] pem = Pem.bytes(
                "Bag attributes and openssl text\n",
                Pem.certificate(DEVICE),
                "between\n",
                Pem.block("CERTIFICATE REQUEST", new CsrSpec().encode()),
                Pem.certificate(ORGANISATION));

        List<CertificateInput> items = CertificateInput.parse(pem);

        assertThat(items)
                .extracting(CertificateInput::where)
                .containsExactly("PEM block 1", "PEM block 2", "PEM block 3");
        assertThat(items.get(0)).isInstanceOf(CertificateInput.Certificate.class);
        assertThat(items.get(1)).isInstanceOf(CertificateInput.Request.class);
        assertThat(items.get(2)).isInstanceOf(CertificateInput.Certificate.class);
    }

    @Test
    void skipsPrivateKeysBesideCertificates() {
        byte[] pem = Pem.bytes(Pem.block("PRIVATE KEY", new byte[] {1, 2, 3}), Pem.certificate(DEVICE));

        assertThat(CertificateInput.parse(pem)).singleElement().isInstanceOf(CertificateInput.Certificate.class);
    }

    @Test
    void aFileOfPrivateKeysOnlyIsUnreadable() {
        byte[] pem = Pem.bytes(Pem.block("PRIVATE KEY", new byte[] {1, 2, 3}));

        assertThat(CertificateInput.parse(pem))
                .singleElement()
                .isInstanceOfSatisfying(
                        CertificateInput.Unreadable.class,
                        u -> assertThat(u.problem()).contains("PRIVATE KEY"));
    }

    @Test
    void aBeginLineBrokenBeforeItsDashesIsReportedWithoutEchoingTheBlock() {
        byte[] pem = Pem.certificate(DEVICE).getBytes(StandardCharsets.US_ASCII);
        pem["-----BEGIN CERTIFICATE".length()] = 0; // the BEGIN line's dashes now end only at the END line

        assertThat(CertificateInput.parse(pem))
                .first()
                .isInstanceOfSatisfying(
                        CertificateInput.Unreadable.class,
                        u -> assertThat(u.problem())
                                .isEqualTo("malformed BEGIN line (expected -----BEGIN CERTIFICATE-----)"));
    }

    @Test
    void reportsBadBase64AndMissingEndLines() {
        byte[] badBase64 =
                "-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);
        byte[] noEnd = "-----BEGIN CERTIFICATE-----\nMIIB\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(CertificateInput.parse(badBase64)).singleElement().isInstanceOf(CertificateInput.Unreadable.class);
        assertThat(CertificateInput.parse(noEnd))
                .singleElement()
                .isInstanceOfSatisfying(
                        CertificateInput.Unreadable.class,
                        u -> assertThat(u.problem()).contains("-----END CERTIFICATE-----"));
    }

    @Test
    void emptyInputIsUnreadable() {
        assertThat(CertificateInput.parse(new byte[0]))
                .singleElement()
                .isInstanceOfSatisfying(
                        CertificateInput.Unreadable.class,
                        u -> assertThat(u.problem()).isEqualTo("empty input"));
    }

    @Test
    void certificatesRejectsAnythingElse() {
        assertThat(CertificateInput.parseCertificates(
                        Pem.bytes(Pem.certificate(DEVICE), Pem.certificate(ORGANISATION))))
                .hasSize(2);
        assertThatThrownBy(() -> CertificateInput.parseCertificates(new CsrSpec().encode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificate request");
        assertThatThrownBy(() -> CertificateInput.parseCertificates("x".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DER");
    }
}
