package dev.smki.core.profile;

import dev.smki.core.certificate.CertificateStructure;
import dev.smki.core.certificate.MalformedCertificateException;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.environment.SmkiEnvironment;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jspecify.annotations.Nullable;

/**
 * One certificate (or CSR) being validated against one profile in one context: what every {@link Check}
 * reads. The issuing CA certificate, when the context holds one, is looked up once.
 */
final class Inspection {

    /** The reason given for issuer-dependent rules when no candidate issuer matches. */
    static final String NO_ISSUER = "no issuer certificate given matches this certificate's issuer";

    private final CertificateStructure certificate;
    private final PKCS10CertificationRequest csr;
    private final ValidationContext context;
    private final ProfileKind profile;
    private final Instant at;
    private boolean issuerResolved;
    private CertificateStructure issuer;

    private Inspection(
            CertificateStructure certificate,
            PKCS10CertificationRequest csr,
            ValidationContext context,
            ProfileKind profile) {
        this.certificate = certificate;
        this.csr = csr;
        this.context = context;
        this.profile = profile;
        this.at = context.at();
    }

    static Inspection of(CertificateStructure certificate, ValidationContext context, ProfileKind profile) {
        return new Inspection(certificate, null, context, profile);
    }

    static Inspection ofCsr(PKCS10CertificationRequest csr, ValidationContext context) {
        return new Inspection(null, csr, context, ProfileKind.DEVICE_CSR);
    }

    /** Returns the certificate under inspection; only certificate profiles' rules call this. */
    CertificateStructure certificate() {
        return certificate;
    }

    /** Returns the CSR under inspection; only the Device CSR profile's rules call this. */
    PKCS10CertificationRequest csr() {
        return csr;
    }

    ValidationContext context() {
        return context;
    }

    SmkiEnvironment environment() {
        return context.environment();
    }

    ProfileKind profile() {
        return profile;
    }

    /** Returns the validation instant, read from the context's clock once for this inspection. */
    Instant at() {
        return at;
    }

    /**
     * Returns the certificate among the context's issuers that issued this one, or null. A candidate whose
     * subject name equals this certificate's issuer name and whose subjectKeyIdentifier equals this
     * certificate's authorityKeyIdentifier is preferred; then one matching by name; then one matching by key
     * identifier.
     */
    CertificateStructure issuer() {
        if (!issuerResolved) {
            issuer = findIssuer(context.issuerCertificates());
            issuerResolved = true;
        }
        return issuer;
    }

    private @Nullable CertificateStructure findIssuer(List<SmkiCertificate> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        byte[] aki = authorityKeyIdOrNull(certificate);
        CertificateStructure byName = null;
        CertificateStructure byKey = null;
        for (SmkiCertificate issuer : candidates) {
            CertificateStructure candidate = issuer.structure();
            boolean nameMatch = candidate.subject().equals(certificate.issuer());
            byte[] ski = subjectKeyIdOrNull(candidate);
            boolean keyMatch = aki != null && ski != null && Arrays.equals(aki, ski);
            if (nameMatch && keyMatch) {
                return candidate;
            }
            if (nameMatch && byName == null) {
                byName = candidate;
            }
            if (keyMatch && byKey == null) {
                byKey = candidate;
            }
        }
        return byName != null ? byName : byKey;
    }

    /** Returns the subjectKeyIdentifier octets of {@code c}, or null when absent or malformed; never throws. */
    static byte @Nullable [] subjectKeyIdOrNull(CertificateStructure c) {
        try {
            return c.subjectKeyIdentifier();
        } catch (MalformedCertificateException e) {
            return null;
        }
    }

    /** Returns the authority key identifier octets of {@code c}, or null when absent or malformed; never throws. */
    static byte @Nullable [] authorityKeyIdOrNull(CertificateStructure c) {
        try {
            AuthorityKeyIdentifier aki = c.authorityKeyIdentifier();
            return aki == null ? null : aki.getKeyIdentifierOctets();
        } catch (MalformedCertificateException e) {
            return null;
        }
    }
}
