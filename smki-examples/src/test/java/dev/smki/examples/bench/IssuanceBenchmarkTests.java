package dev.smki.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.issuance.TestPki;
import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.profile.ValidationReport;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

class IssuanceBenchmarkTests {

    private static final TestPki PKI = TestPki.seeded(IssuanceBenchmark.SEED);

    private static List<String> extensionShape(X509CertificateHolder certificate) {
        Extensions extensions = certificate.getExtensions();
        return Arrays.stream(extensions.getExtensionOIDs())
                .map(oid -> {
                    Extension e = extensions.getExtension(oid);
                    return oid.getId() + (e.isCritical() ? " critical" : "") + " "
                            + e.getExtnValue().getOctets().length;
                })
                .toList();
    }

    @Test
    void theBaselineMakesACertificateOfTheLibrarysShapeThatLintsClean() throws IOException {
        RawDeviceCertificates baseline = IssuanceBenchmark.baseline(PKI);
        for (long item = 0; item < 4; item++) {
            X509CertificateHolder raw = baseline.issue(item);
            X509CertificateHolder library = PKI.deviceCertificate(
                            RawDeviceCertificates.device(item), RawDeviceCertificates.keyUsage(item))
                    .certificate();

            ValidationReport report = CertificateValidator.validate(raw, PKI.validationContext());
            assertThat(report.findings()).as("item %d", item).isEmpty();
            assertThat(report.notChecked())
                    .extracting(n -> n.rule().id().value())
                    .containsExactly("CERT-42");
            assertThat(extensionShape(raw)).isEqualTo(extensionShape(library));
            assertThat(raw.getSubject()).isEqualTo(library.getSubject());
            assertThat(raw.getIssuer()).isEqualTo(library.getIssuer());
            assertThat(raw.getNotBefore()).isEqualTo(library.getNotBefore());
            assertThat(raw.getNotAfter()).isEqualTo(library.getNotAfter());
            assertThat(raw.getExtension(Extension.keyUsage).getExtnValue())
                    .isEqualTo(library.getExtension(Extension.keyUsage).getExtnValue());
            assertThat(raw.getExtension(Extension.subjectAlternativeName).getExtnValue())
                    .isEqualTo(library.getExtension(Extension.subjectAlternativeName)
                            .getExtnValue());
            assertThat(Math.abs(raw.getEncoded().length - library.getEncoded().length))
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theLibrarySideIssuesTheTestPkisCertificateForEachItem() {
        Workload.Worker worker = IssuanceBenchmark.library(PKI).newWorker();

        long size = worker.perform(5);

        assertThat(size)
                .isEqualTo(PKI.deviceCertificate(RawDeviceCertificates.device(5), RawDeviceCertificates.keyUsage(5))
                        .toDer()
                        .length);
        assertThat(RawDeviceCertificates.keyUsage(4)).isNotEqualTo(RawDeviceCertificates.keyUsage(5));
        assertThat(RawDeviceCertificates.device(4)).isNotEqualTo(RawDeviceCertificates.device(5));
    }
}
