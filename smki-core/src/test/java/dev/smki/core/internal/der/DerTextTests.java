package dev.smki.core.internal.der;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

class DerTextTests {

    @Test
    void keepsWhatBouncyCastleSaysAboutTheDerWithoutTheExceptionNames() {
        IOException truncated = new IOException(
                "can't convert extension: java.io.IOException: DER length more than 4 bytes: 31",
                new IOException("DER length more than 4 bytes: 31"));

        assertThat(DerText.explain(truncated)).isEqualTo("DER length more than 4 bytes: 31");
    }

    @Test
    void namesTheAsn1TypeFoundInsteadOfTheBouncyCastleClass() {
        RuntimeException wrongType = catching(() -> ASN1BitString.getInstance(new DEROctetString(new byte[1])));

        assertThat(wrongType.getMessage()).contains("org.bouncycastle");
        assertThat(DerText.explain(wrongType)).isEqualTo("found an OCTET STRING");
    }

    @Test
    void saysNothingWhenAllAProblemSaysIsJavaNames() {
        assertThat(
                        DerText.explain(
                                new ClassCastException(
                                        "class org.bouncycastle.asn1.DERSequence cannot be cast to class org.bouncycastle.asn1.ASN1Integer")))
                .isNull();
        assertThat(DerText.explain(new NullPointerException())).isNull();
        assertThat(DerText.explain(new NullPointerException(), "fallback")).isEqualTo("fallback");
    }

    @Test
    void explainsWhyBytesAreNotACertificateWithoutJavaNames() {
        for (byte[] der : new byte[][] {{0x30, 0x03, 0x02, 0x01, 0x05}, {0x30, (byte) 0x85}, {0x04, 0x00}, {}}) {
            Exception problem = catching(() -> new X509CertificateHolder(der));

            String text = DerText.explain(problem, "none");
            assertThat(text).doesNotContainPattern("java\\.|org\\.bouncycastle|Exception|getInstance");
        }
    }

    @Test
    void showsTheFirstOctetsOfAValueAndItsLength() {
        assertThat(DerText.octets(new byte[] {0x03, 0x02, 0x07, (byte) 0x80})).isEqualTo("03 02 07 80 (4 octets)");
        assertThat(DerText.octets(new byte[] {0x05})).isEqualTo("05 (1 octet)");
        assertThat(DerText.octets(new byte[20])).isEqualTo("00 00 00 00 00 00 00 00 00 00 00 00 ... (20 octets)");
    }

    private interface Failing {
        void run() throws Exception;
    }

    private static RuntimeException catching(Failing failing) {
        try {
            failing.run();
        } catch (RuntimeException e) {
            return e;
        } catch (Exception e) {
            return new RuntimeException(e.getMessage(), e);
        }
        throw new AssertionError("expected a failure");
    }
}
