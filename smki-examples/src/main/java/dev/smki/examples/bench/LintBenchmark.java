package dev.smki.examples.bench;

import dev.smki.core.issuance.TestPki;
import dev.smki.core.profile.CertificateInput;
import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.profile.ValidationContext;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The lint benchmark: Device Certificates checked by {@link CertificateValidator#validate(byte[],
 * ValidationContext)} with the Issuing DCA as issuer (every rule of the Device profile, signature included)
 * against raw Bouncy Castle parsing the DER into an {@link X509CertificateHolder} and verifying its signature
 * over the TBSCertificate with the issuer's key through a JCA {@link Signature} (not through
 * {@code JcaContentVerifierProviderBuilder}, whose ECDSA verifier verifies every signature twice: it also calls
 * its raw verifier to release PKCS#11 sessions). Both sides check the same pool of certificates issued beforehand by the
 * test PKI. One thread unless told otherwise; no target.
 */
public final class LintBenchmark {

    /** The number of certificates in the pool when no number is given. */
    static final int DEFAULT_POOL = 1000;

    private LintBenchmark() {}

    /** Runs the benchmark and returns its report. */
    public static BenchmarkReport run(BenchSettings settings) {
        RunEnvironment environment = RunEnvironment.now();
        TestPki pki = TestPki.seeded(IssuanceBenchmark.SEED);
        byte[][] pool = pool(pki, settings.devices().orElse(DEFAULT_POOL));
        RoundPlan plan = RoundPlan.of(settings.threadsOr(1), settings.devices().orElse(0), settings.budget());
        Measurement measurement = new AlternatingRounds(plan).run(baseline(pki, pool), library(pki, pool));
        List<String> method = new ArrayList<>(measurement.describe("certificates"));
        method.add("Both sides check the same " + pool.length + " Device Certificates, issued beforehand by the"
                + " test PKI, in turn.");
        return new BenchmarkReport(
                "lint",
                "certificates",
                "X509CertificateHolder(der) + JCA Signature SHA256withECDSA over the TBSCertificate with the issuer key,"
                        + " own BC provider instance",
                "CertificateValidator.validate(der, context with the Issuing DCA): every Device rule, signature"
                        + " included",
                measurement,
                List.of(
                        new Fact("certificates", "certificates in the pool", pool.length, ""),
                        new Fact(
                                "baselineValidShare",
                                "baseline: share with a valid signature",
                                measurement.baseline().meanResult(),
                                ""),
                        new Fact(
                                "libraryValidShare",
                                "library: share without errors",
                                measurement.library().meanResult(),
                                "")),
                Optional.empty(),
                List.of(),
                method,
                environment.ended());
    }

    /** Returns {@code size} Device Certificates of the PKI, DER-encoded, issued in parallel. */
    static byte[][] pool(TestPki pki, int size) {
        return IntStream.range(0, size)
                .parallel()
                .mapToObj(i -> pki.deviceCertificate(RawDeviceCertificates.device(i), RawDeviceCertificates.keyUsage(i))
                        .toDer())
                .toArray(byte[][]::new);
    }

    /** Returns the raw Bouncy Castle side: parse, then verify the signature with the Issuing DCA's key. */
    static Workload baseline(TestPki pki, byte[][] pool) {
        PublicKey issuerKey;
        try {
            issuerKey = KeyFactory.getInstance("EC", RawBouncyCastle.PROVIDER)
                    .generatePublic(new X509EncodedKeySpec(pki.issuingDca()
                            .certificate()
                            .getSubjectPublicKeyInfo()
                            .getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot import the issuer key", e);
        }
        return () -> {
            Signature signature;
            try {
                signature = Signature.getInstance("SHA256withECDSA", RawBouncyCastle.PROVIDER);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot make a verifier", e);
            }
            return item -> {
                try {
                    X509CertificateHolder holder = new X509CertificateHolder(pool[(int) (item % pool.length)]);
                    signature.initVerify(issuerKey);
                    signature.update(
                            holder.toASN1Structure().getTBSCertificate().getEncoded(ASN1Encoding.DER));
                    return signature.verify(holder.getSignature()) ? 1 : 0;
                } catch (IOException | GeneralSecurityException e) {
                    return 0;
                }
            };
        };
    }

    /** Returns the library side: validate with the Issuing DCA as issuer; 1 for a certificate without errors. */
    static Workload library(TestPki pki, byte[][] pool) {
        ValidationContext context = ValidationContext.builder(
                        pki.environment(), pki.clock().instant())
                .issuer(pki.issuingDca().certificate())
                .build();
        return () -> item ->
                CertificateValidator.validateAll(CertificateInput.parse(pool[(int) (item % pool.length)]), context)
                                .get(0)
                                .hasErrors()
                        ? 0
                        : 1;
    }
}
