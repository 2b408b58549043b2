package dev.smki.core.revocation;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.profile.ProfileKind;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One certificate as the SMKI Repository records it: what it is, whose it is, and its status.
 *
 * @param serial the serial number
 * @param kind the certificate's profile (Organisation, Device, Issuing OCA, ...)
 * @param subscriber the Party the certificate was issued to, such as {@code supplier}; {@link Subscriber#DCC} for CA
 *     certificates
 * @param eui64 the EUI-64 the certificate names (x500UniqueIdentifier or hwSerialNum), when it names one
 * @param role the Remote Party Role in the subject OU, when there is one
 * @param keyUsage the one end-entity key usage, when there is one
 * @param issuerKeyId the issuer's key identifier (the certificate's authorityKeyIdentifier), when it has one
 * @param notAfter the end of the validity period
 * @param status the status
 * @param revocation when and why it was revoked; present exactly when the status is {@link CertificateStatus#REVOKED}
 */
public record RegisteredCertificate(
        BigInteger serial,
        ProfileKind kind,
        Subscriber subscriber,
        Optional<Eui64> eui64,
        Optional<RemotePartyRole> role,
        Optional<CertificateUsage> keyUsage,
        Optional<KeyIdentifier> issuerKeyId,
        Instant notAfter,
        CertificateStatus status,
        Optional<Revocation> revocation) {

    /**
     * Checks the components.
     *
     * @param serial the serial number
     * @param kind the certificate's profile (Organisation, Device, Issuing OCA, ...)
     * @param subscriber the Party the certificate was issued to, such as {@code supplier}; {@link Subscriber#DCC} for
     *     CA certificates
     * @param eui64 the EUI-64 the certificate names (x500UniqueIdentifier or hwSerialNum), when it names one
     * @param role the Remote Party Role in the subject OU, when there is one
     * @param keyUsage the one end-entity key usage, when there is one
     * @param issuerKeyId the issuer's key identifier (the certificate's authorityKeyIdentifier), when it has one
     * @param notAfter the end of the validity period
     * @param status the status
     * @param revocation when and why it was revoked; present exactly when the status is {@link
     *     CertificateStatus#REVOKED}
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the serial is negative, the kind is a CSR, or the revocation is present
     *     when the status is not revoked (or absent when it is)
     */
    public RegisteredCertificate {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(eui64, "eui64");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(keyUsage, "keyUsage");
        Objects.requireNonNull(issuerKeyId, "issuerKeyId");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(revocation, "revocation");
        if (serial.signum() < 0) {
            throw new IllegalArgumentException("A serial number is not negative: " + serial);
        }
        if ((status == CertificateStatus.REVOKED) != revocation.isPresent()) {
            throw new IllegalArgumentException("A certificate has a revocation exactly when it is revoked; serial "
                    + serialHex(serial) + " is " + status + (revocation.isPresent() ? " with" : " without")
                    + " one");
        }
        if (kind == ProfileKind.DEVICE_CSR) {
            throw new IllegalArgumentException("A Device CSR is not a certificate");
        }
    }

    /**
     * {@return the entry for {@code certificate}, issued to {@code subscriber}, with {@code status}: its serial
     * number, kind, EUI-64, role, end-entity key usage, authorityKeyIdentifier and notAfter, as the certificate says}
     *
     * @param certificate the certificate
     * @param subscriber whom it was issued to
     * @param status its status, not revoked (a revoked entry carries its {@link Revocation})
     * @throws IllegalArgumentException when {@code status} is revoked
     * @throws dev.smki.core.certificate.MalformedCertificateException when a part the entry records does not decode
     */
    public static RegisteredCertificate of(
            SmkiCertificate certificate, Subscriber subscriber, CertificateStatus status) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(status, "status");
        if (status == CertificateStatus.REVOKED) {
            throw new IllegalArgumentException(
                    "A certificate is registered unrevoked; revoke it through Revocations, which applies the rules");
        }
        return new RegisteredCertificate(
                certificate.serialNumber(),
                ProfileKind.of(certificate.kind()),
                subscriber,
                certificate.eui64(),
                certificate.role(),
                certificate.endEntityKeyUsage(),
                certificate.authorityKeyIdentifier(),
                certificate.notAfter(),
                status,
                Optional.empty());
    }

    /** {@return the serial number in upper-case hex, as {@code openssl} prints it} */
    public String serialHex() {
        return serialHex(serial);
    }

    /** {@return whether the certificate is revoked} */
    public boolean isRevoked() {
        return status == CertificateStatus.REVOKED;
    }

    /** Returns whether the certificate's authorityKeyIdentifier is {@code issuer}'s subjectKeyIdentifier. */
    boolean isIssuedBy(SmkiCertificate issuer) {
        return issuerKeyId.isPresent() && issuerKeyId.equals(issuer.subjectKeyIdentifier());
    }

    /** Returns a copy with status {@code next}. */
    RegisteredCertificate withStatus(CertificateStatus next) {
        return new RegisteredCertificate(
                serial, kind, subscriber, eui64, role, keyUsage, issuerKeyId, notAfter, next, Optional.empty());
    }

    /** Returns a revoked copy. */
    RegisteredCertificate withRevocation(Revocation revocation) {
        return new RegisteredCertificate(
                serial,
                kind,
                subscriber,
                eui64,
                role,
                keyUsage,
                issuerKeyId,
                notAfter,
                CertificateStatus.REVOKED,
                Optional.of(revocation));
    }

    /** Returns the upper-case hex of {@code serial}, with an even number of digits. */
    static String serialHex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    /** Returns {@code kind serial (subscriber, status)}. */
    @Override
    public String toString() {
        return kind.displayName() + " certificate " + serialHex() + " (" + subscriber
                + role.map(r -> ", " + r.slug()).orElse("")
                + keyUsage.map(u -> " " + u.abbreviation()).orElse("") + ", " + status.slug() + ")";
    }
}
