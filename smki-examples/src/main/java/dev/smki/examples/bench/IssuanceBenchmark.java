package dev.smki.examples.bench;

import dev.smki.core.issuance.TestPki;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The issuance benchmark: Device Certificates for fresh EUI-64s, key generation included, issued by the test
 * PKI ({@link TestPki#deviceCertificate}: deterministic key, lint before sign, RFC 6979 signature) against
 * raw Bouncy Castle making a certificate of the same shape ({@link RawDeviceCertificates}). Items alternate
 * between digital-signature and key-agreement certificates on both sides. One thread unless told otherwise.
 * Target: ratio at least {@value #TARGET_RATIO}.
 */
public final class IssuanceBenchmark {

    /** The least library-to-baseline throughput ratio the project aims at. */
    public static final double TARGET_RATIO = 0.9;

    /** The seed of the test PKI the library side issues from. */
    static final long SEED = 1;

    private IssuanceBenchmark() {}

    /** Runs the benchmark and returns its report. */
    public static BenchmarkReport run(BenchSettings settings) {
        RunEnvironment environment = RunEnvironment.now();
        TestPki pki = TestPki.seeded(SEED);
        RoundPlan plan = RoundPlan.of(settings.threadsOr(1), settings.devices().orElse(0), settings.budget());
        Measurement measurement = new AlternatingRounds(plan).run(baseline(pki), library(pki));
        List<String> method = new ArrayList<>(measurement.describe("certificates"));
        method.add("Items alternate between digital-signature and key-agreement certificates on both sides;"
                + " the library issues for fresh EUI-64s, so nothing is cached.");
        return new BenchmarkReport(
                "issuance",
                "certificates",
                "JCA KeyPairGenerator P-256 + JcaX509v3CertificateBuilder (SMKI Device shape) + JcaContentSignerBuilder"
                        + " SHA256withECDSA, own BC provider instance",
                "TestPki.deviceCertificate(eui64, keyUsage): deterministic key + lint before sign + RFC 6979 signature",
                measurement,
                List.of(
                        new Fact(
                                "baselineCertificateBytes",
                                "baseline certificate size",
                                measurement.baseline().meanResult(),
                                "bytes"),
                        new Fact(
                                "libraryCertificateBytes",
                                "library certificate size",
                                measurement.library().meanResult(),
                                "bytes")),
                Optional.empty(),
                List.of(Target.atLeast("ratio", TARGET_RATIO, measurement.ratio())),
                method,
                environment.ended());
    }

    /** Returns the raw Bouncy Castle side, issuing as the PKI's Issuing DCA. */
    static RawDeviceCertificates baseline(TestPki pki) {
        return new RawDeviceCertificates(
                pki.issuingDca(), pki.environment(), pki.clock().instant().truncatedTo(ChronoUnit.DAYS));
    }

    /** Returns the library side: item {@code i}'s certificate is the PKI's for that item's Device and key usage. */
    static Workload library(TestPki pki) {
        return () ->
                item -> pki.deviceCertificate(RawDeviceCertificates.device(item), RawDeviceCertificates.keyUsage(item))
                        .toDer()
                        .length;
    }
}
