package dev.smki.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.issuance.TestPki;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LintBenchmarkTests {

    private static final TestPki PKI = TestPki.seeded(IssuanceBenchmark.SEED);

    @Test
    void bothSidesAcceptTheTestPkisCertificatesAndRejectOneSignedByAnotherIssuer() {
        byte[][] pool = LintBenchmark.pool(PKI, 3);
        // Same shape and names, but signed by another PKI's Issuing DCA key.
        byte[] foreign = TestPki.seeded(IssuanceBenchmark.SEED + 1)
                .deviceCertificate(RawDeviceCertificates.device(0), CertificateUsage.DIGITAL_SIGNATURE)
                .toDer();
        byte[][] mixed = {pool[0], pool[1], pool[2], foreign};

        Workload.Worker baseline = LintBenchmark.baseline(PKI, mixed).newWorker();
        Workload.Worker library = LintBenchmark.library(PKI, mixed).newWorker();

        for (long item = 0; item < 8; item++) {
            long expected = item % 4 == 3 ? 0 : 1;
            assertThat(baseline.perform(item)).as("baseline item %d", item).isEqualTo(expected);
            assertThat(library.perform(item)).as("library item %d", item).isEqualTo(expected);
        }
    }

    @Test
    void thePoolHoldsDistinctCertificatesOfBothKeyUsages() {
        byte[][] pool = LintBenchmark.pool(PKI, 4);

        assertThat(pool.length).isEqualTo(4);
        assertThat(Arrays.stream(pool).map(HexFormat.of()::formatHex).distinct())
                .hasSize(4);
        assertThat(pool[1])
                .isEqualTo(PKI.deviceCertificate(RawDeviceCertificates.device(1), CertificateUsage.KEY_AGREEMENT)
                        .toDer());
    }
}
