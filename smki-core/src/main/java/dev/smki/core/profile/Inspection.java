package dev.smki.core.profile;

import dev.smki.core.environment.SmkiEnvironment;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * One certificate (or CSR) being validated against one profile in one context: what every {@link Check}
 * reads. The issuing CA certificate, when the context holds one, is looked up once.
 */
final class Inspection {

    /** The reason given for issuer-dependent rules when no candidate issuer matches. */
    static final String NO_ISSUER = "no issuer certificate given matches this certificate's issuer";

    private final CertificateView certificate;
    private final PKCS10CertificationRequest csr;
    private final ValidationContext context;
    private final ProfileKind profile;
    private boolean issuerResolved;
    private CertificateView issuer;

    private Inspection(
            CertificateView certificate,
            PKCS10CertificationRequest csr,
            ValidationContext context,
            ProfileKind profile) {
        this.certificate = certificate;
        this.csr = csr;
        this.context = context;
        this.profile = profile;
    }

    static Inspection of(CertificateView certificate, ValidationContext context, ProfileKind profile) {
        return new Inspection(certificate, null, context, profile);
    }

    static Inspection ofCsr(PKCS10CertificationRequest csr, ValidationContext context) {
        return new Inspection(null, csr, context, ProfileKind.DEVICE_CSR);
    }

    /** Returns the certificate under inspection; only certificate profiles' rules call this. */
    CertificateView certificate() {
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

    /**
     * Returns the certificate among the context's issuers that issued this one, or null. A candidate whose
     * subject name equals this certificate's issuer name and whose subjectKeyIdentifier equals this
     * certificate's authorityKeyIdentifier is preferred; then one matching by name; then one matching by key
     * identifier.
     */
    CertificateView issuer() {
        if (!issuerResolved) {
            issuer = findIssuer(context.issuerViews());
            issuerResolved = true;
        }
        return issuer;
    }

    private CertificateView findIssuer(List<CertificateView> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        byte[] aki = certificate.authorityKeyIdOrNull();
        CertificateView byName = null;
        CertificateView byKey = null;
        for (CertificateView candidate : candidates) {
            boolean nameMatch = candidate.subject().equals(certificate.issuer());
            byte[] ski = candidate.subjectKeyIdOrNull();
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
}
