package dev.smki.core.issuance;

import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.profile.Finding;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.profile.Severity;
import dev.smki.core.profile.ValidationContext;
import dev.smki.core.profile.ValidationReport;
import dev.smki.core.provenance.RuleId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Lint before sign: the TBSCertificate is built once, checked against its profile with a pre-issuance
 * {@link ValidationContext} (placeholder signature, issuer certificate supplied), and only then signed and
 * assembled.
 */
final class Issuance {

    private static final DERBitString PLACEHOLDER_SIGNATURE = new DERBitString(new byte[0]);

    private Issuance() {}

    /** Returns a random 16-octet positive serial number whose first octet is 0x01 to 0x7F (CERT-2). */
    static BigInteger serialNumber(SecureRandom random) {
        byte[] octets = new byte[16];
        random.nextBytes(octets);
        octets[0] = (byte) (1 + (octets[0] & 0xFF) % 0x7F);
        return new BigInteger(1, octets);
    }

    /**
     * Lints, signs and returns the certificate {@code draft} describes.
     *
     * @param signer the issuer's key (the subject key for a self-signed certificate); the draft may override it
     * @param context the pre-issuance lint context, holding the issuer certificate unless self-signed
     * @param declared the rules the caller declared as broken
     * @throws IssuanceRefusedException when lint finds an undeclared error, or a declared rule is not broken
     */
    static IssuedCertificate issue(
            ProfileKind kind,
            CertificateDraft draft,
            EcKey subjectKey,
            EcKey signer,
            ValidationContext context,
            Set<RuleId> declared) {
        TBSCertificate tbs = draft.toTbs();
        X509CertificateHolder unsigned = new X509CertificateHolder(assemble(tbs, draft, PLACEHOLDER_SIGNATURE));
        ValidationReport lint = CertificateValidator.validate(unsigned, kind, context);
        List<Finding> undeclared = undeclaredErrors(lint, declared);
        Set<RuleId> broken = ruleIds(lint);
        if (!undeclared.isEmpty()) {
            throw IssuanceRefusedException.forCertificate(kind, undeclared, missing(declared, broken));
        }
        byte[] tbsDer;
        try {
            tbsDer = tbs.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EcKey key = draft.signingKey().orElse(signer);
        byte[] signature = EcdsaContentSigner.sign(key.privateParameters(), tbsDer);
        Certificate certificate = assemble(tbs, draft, new DERBitString(signature));
        X509CertificateHolder holder = new X509CertificateHolder(certificate);
        if (!broken.containsAll(declared)) {
            // Some declared rules (a signature that does not verify, say) show only once the certificate is signed.
            ValidationContext signed = signedContext(context);
            ValidationReport full = CertificateValidator.validate(holder, kind, signed);
            List<Finding> undeclaredAfter = undeclaredErrors(full, declared);
            Set<RuleId> brokenAfter = ruleIds(full);
            Set<RuleId> notBroken = missing(declared, brokenAfter);
            if (!undeclaredAfter.isEmpty() || !notBroken.isEmpty()) {
                throw IssuanceRefusedException.forCertificate(kind, undeclaredAfter, notBroken);
            }
        }
        return new IssuedCertificate(kind, holder, encode(certificate), subjectKey);
    }

    private static ValidationContext signedContext(ValidationContext preIssuance) {
        return preIssuance.toBuilder().preIssuance(false).build();
    }

    private static Certificate assemble(TBSCertificate tbs, CertificateDraft draft, DERBitString signature) {
        return Certificate.getInstance(
                new DERSequence(new ASN1Encodable[] {tbs, draft.signatureAlgorithm(), signature}));
    }

    private static byte[] encode(Certificate certificate) {
        try {
            return certificate.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Finding> undeclaredErrors(ValidationReport report, Set<RuleId> declared) {
        List<Finding> undeclared = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.ERROR && !declared.contains(f.rule().id())) {
                undeclared.add(f);
            }
        }
        return undeclared;
    }

    private static Set<RuleId> ruleIds(ValidationReport report) {
        Set<RuleId> ids = new HashSet<>();
        report.findings().forEach(f -> ids.add(f.rule().id()));
        return ids;
    }

    private static Set<RuleId> missing(Set<RuleId> declared, Set<RuleId> broken) {
        Set<RuleId> missing = new HashSet<>(declared);
        missing.removeAll(broken);
        return missing;
    }
}
