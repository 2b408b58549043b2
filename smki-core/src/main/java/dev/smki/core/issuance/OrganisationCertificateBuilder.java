package dev.smki.core.issuance;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.internal.der.SmkiNames;
import dev.smki.core.profile.ProfileKind;
import java.time.Instant;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Builds an Organisation Certificate, conforming by default (certificates.md §2.5): issued by the Issuing
 * OCA; subject {@code [CN=<name>,] OU=<role as two hex digits>, x500UniqueIdentifier=<party EUI-64>} in
 * UTF8String with the EUI-64 as a 64-bit BIT STRING; one critical key usage; SKI; the Organisation policy
 * (critical); AKI; no basicConstraints; valid about ten years, 00:00:00 to 23:59:59, never past the Issuing
 * OCA. Unless set, the role is Supplier, the key usage digital signature and the party EUI-64 the PKI's
 * identifier for the role.
 */
public final class OrganisationCertificateBuilder extends CertificateBuilder<OrganisationCertificateBuilder> {

    private RemotePartyRole role = RemotePartyRole.SUPPLIER;
    private CertificateUsage keyUsage = CertificateUsage.DIGITAL_SIGNATURE;
    private Eui64 party;
    private String commonName;

    OrganisationCertificateBuilder(TestPki pki, String label) {
        super(pki, label);
    }

    /**
     * Issues for a Party playing {@code role} (an end-entity role; a CA role breaks CERT-31).
     *
     * @param role the Party's Remote Party Role
     * @return this builder
     */
    public OrganisationCertificateBuilder role(RemotePartyRole role) {
        this.role = Objects.requireNonNull(role, "role");
        return this;
    }

    /**
     * Asserts {@code keyUsage}.
     *
     * @param keyUsage the key usage
     * @return this builder
     */
    public OrganisationCertificateBuilder keyUsage(CertificateUsage keyUsage) {
        this.keyUsage = Objects.requireNonNull(keyUsage, "keyUsage");
        return this;
    }

    /**
     * Issues for {@code credential}'s role and key usage.
     *
     * @param credential the role and key usage
     * @return this builder
     */
    public OrganisationCertificateBuilder credential(OrganisationCredential credential) {
        Objects.requireNonNull(credential, "credential");
        return role(credential.role()).keyUsage(credential.keyUsage());
    }

    /**
     * Names the Party {@code party} in the x500UniqueIdentifier, instead of the PKI's identifier for the role.
     *
     * @param party the Party's EUI-64
     * @return this builder
     */
    public OrganisationCertificateBuilder party(Eui64 party) {
        this.party = Objects.requireNonNull(party, "party");
        return this;
    }

    /**
     * Adds the optional subject CN (UTF8String), as on some observed Supplier certificates.
     *
     * @param commonName the CN
     * @return this builder
     */
    public OrganisationCertificateBuilder commonName(String commonName) {
        this.commonName = Objects.requireNonNull(commonName, "commonName");
        return this;
    }

    @Override
    ProfileKind kind() {
        return ProfileKind.ORGANISATION;
    }

    @Override
    IssuedCertificate defaultIssuer() {
        return pki.issuingOca();
    }

    @Override
    Instant defaultNotAfter(Instant notBefore, IssuedCertificate issuer) {
        Instant tenYears = plusYearsMinusOneSecond(notBefore, 10);
        Instant issuerEnd = issuer.certificate().getNotAfter().toInstant();
        return tenYears.isAfter(issuerEnd) ? issuerEnd : tenYears;
    }

    @Override
    void fill(CertificateDraft draft, SubjectPublicKeyInfo publicKey, IssuedCertificate issuer) {
        Eui64 eui = party != null ? party : pki.parties().of(role);
        draft.subject(SmkiNames.organisationName(commonName, role.organisationalUnit(), eui.toOctets()));
        draft.putExtension(keyUsage(bits(keyUsage)));
        draft.putExtension(subjectKeyIdentifier(publicKey));
        draft.putExtension(certificatePolicies(pki.environment().issuedOrganisationPolicy()));
        draft.putExtension(authorityKeyIdentifier(issuer));
    }

    static int bits(CertificateUsage keyUsage) {
        return keyUsage == CertificateUsage.DIGITAL_SIGNATURE
                ? org.bouncycastle.asn1.x509.KeyUsage.digitalSignature
                : org.bouncycastle.asn1.x509.KeyUsage.keyAgreement;
    }
}
