package dev.smki.core.issuance;

import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.internal.der.SmkiNames;
import dev.smki.core.profile.ProfileKind;
import java.time.Instant;
import java.util.Objects;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Builds one of the four SMKI CA certificates, conforming by default:
 *
 * <ul>
 *   <li>Root OCA: self-signed, {@code OU=00, CN=<name>} (PrintableString), keyUsage keyCertSign + cRLSign and
 *       basicConstraints cA (both critical), the environment's Organisation policy (critical), SKI, and the
 *       WrappedApexContingencyKey extension; 30 years.
 *   <li>Issuing OCA: {@code OU=07, CN=<name>}, issued by the Root OCA, basicConstraints pathLen 0, AKI; 25
 *       years.
 *   <li>Root DCA and Issuing DCA: the same with a CN-only name and the Device policy.
 * </ul>
 *
 * Validity runs from 00:00:00 of the issuing day to 23:59:59 of the day before the anniversary, as observed on
 * the Issuing OCA {@code Z1} (certificates.md §2.3).
 */
public final class CaCertificateBuilder extends CertificateBuilder<CaCertificateBuilder> {

    private final ProfileKind kind;
    private String commonName;
    private ContingencyMaterial contingency;

    CaCertificateBuilder(
            TestPki pki, ProfileKind kind, String label, String commonName, ContingencyMaterial contingency) {
        super(pki, label);
        if (!kind.isCertificateAuthority()) {
            throw new IllegalArgumentException(kind + " is not a CA profile");
        }
        this.kind = kind;
        this.commonName = commonName;
        this.contingency = contingency;
    }

    /**
     * Uses {@code commonName} (a PrintableString) as the CA's CN.
     *
     * @param commonName the CN, a PrintableString
     * @return this builder
     */
    public CaCertificateBuilder commonName(String commonName) {
        Objects.requireNonNull(commonName, "commonName");
        if (!SmkiNames.isPrintable(commonName)) {
            throw new IllegalArgumentException("A CA name is a PrintableString, not '" + commonName + "'");
        }
        this.commonName = commonName;
        return this;
    }

    /**
     * Carries {@code contingency}'s wrapped public key in the Root OCA certificate.
     *
     * @param contingency the contingency material whose wrapped public key the Root OCA carries
     * @return this builder
     * @throws IllegalStateException unless this builds a Root OCA certificate
     */
    public CaCertificateBuilder contingency(ContingencyMaterial contingency) {
        Objects.requireNonNull(contingency, "contingency");
        if (kind != ProfileKind.ROOT_OCA) {
            throw new IllegalStateException(
                    "Only a Root OCA certificate carries contingency material, not a " + kind.displayName());
        }
        this.contingency = contingency;
        return this;
    }

    @Override
    ProfileKind kind() {
        return kind;
    }

    @Override
    boolean isSelfSigned() {
        return kind == ProfileKind.ROOT_OCA || kind == ProfileKind.ROOT_DCA;
    }

    @Override
    IssuedCertificate defaultIssuer() {
        return kind == ProfileKind.ISSUING_OCA ? pki.rootOca() : pki.rootDca();
    }

    @Override
    Instant defaultNotAfter(Instant notBefore, IssuedCertificate issuer) {
        return plusYearsMinusOneSecond(notBefore, isSelfSigned() ? 30 : 25);
    }

    @Override
    void fill(CertificateDraft draft, SubjectPublicKeyInfo publicKey, IssuedCertificate issuer) {
        boolean organisation = kind == ProfileKind.ROOT_OCA || kind == ProfileKind.ISSUING_OCA;
        draft.subject(
                switch (kind) {
                    case ROOT_OCA -> SmkiNames.ocaName(RemotePartyRole.ROOT.organisationalUnit(), commonName);
                    case ISSUING_OCA ->
                        SmkiNames.ocaName(RemotePartyRole.ISSUING_AUTHORITY.organisationalUnit(), commonName);
                    default -> SmkiNames.dcaName(commonName);
                });
        draft.putExtension(keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        draft.putExtension(basicConstraintsCa(isSelfSigned() ? null : 0));
        draft.putExtension(certificatePolicies(
                organisation
                        ? pki.environment().issuedOrganisationPolicy()
                        : pki.environment().issuedDevicePolicy()));
        draft.putExtension(subjectKeyIdentifier(publicKey));
        if (issuer != null) {
            draft.putExtension(authorityKeyIdentifier(issuer));
        }
        if (kind == ProfileKind.ROOT_OCA) {
            draft.putExtension(contingency.toExtension());
        }
    }
}
