package dev.smki.core.device;

import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.WrappedApexContingencyKey;
import java.io.IOException;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What a Device reads from a certificate it is asked to anchor: the subject's x500UniqueIdentifier (EUI-64), the
 * subject key identifier, the public key, the one key usage it asserts, the wrapped contingency key of a Root
 * OCA, and the validity period. Parsed once per certificate and shared (see {@link CertificationPaths}).
 */
final class CertificateFacts {

    final X509CertificateHolder holder;
    final Eui64 subjectUniqueId;
    final SubjectKeyId subjectKeyId;
    final VerificationKey key;
    final AnchorKeyUsage keyUsage;
    final WrappedApexContingencyKey wrappedContingencyKey;
    final long notBefore;
    final long notAfter;

    private CertificateFacts(X509CertificateHolder holder, String contingencyExtensionOid) {
        this.holder = holder;
        this.subjectUniqueId = uniqueIdentifier(holder);
        this.subjectKeyId = subjectKeyId(holder);
        this.key = publicKey(holder);
        this.keyUsage = keyUsage(holder);
        this.wrappedContingencyKey = wrappedKey(holder, contingencyExtensionOid);
        this.notBefore = holder.getNotBefore().toInstant().getEpochSecond();
        this.notAfter = holder.getNotAfter().toInstant().getEpochSecond();
    }

    /**
     * Returns the facts of the certificate {@code der}.
     *
     * @throws IllegalArgumentException when the bytes are not an X.509 certificate
     */
    static CertificateFacts parse(byte[] der, String contingencyExtensionOid) {
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
        return new CertificateFacts(holder, contingencyExtensionOid);
    }

    /** Returns the DER TBSCertificate, the signed part. */
    byte[] signedPart() {
        try {
            return holder.toASN1Structure().getTBSCertificate().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot re-encode a parsed certificate", e);
        }
    }

    /** Returns whether {@code issuerKey} verifies this certificate's ecdsa-with-SHA256 signature. */
    boolean isSignedBy(VerificationKey issuerKey) {
        return org.bouncycastle.asn1.x9.X9ObjectIdentifiers.ecdsa_with_SHA256.equals(
                        holder.getSignatureAlgorithm().getAlgorithm())
                && issuerKey.verifies(signedPart(), holder.getSignature());
    }

    /** Returns whether {@code epochSecond} lies in the validity period, both ends included. */
    boolean isValidAt(long epochSecond) {
        return epochSecond >= notBefore && epochSecond <= notAfter;
    }

    /** Returns a short description: subject and serial number. */
    String describe() {
        return (holder.getSubject().getRDNs().length == 0
                        ? "empty subject"
                        : holder.getSubject().toString()) + ", serial "
                + holder.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    /** Returns the subject's 64-bit x500UniqueIdentifier, or null when it has none. */
    static Eui64 uniqueIdentifier(X509CertificateHolder holder) {
        for (RDN rdn : holder.getSubject().getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (BCStyle.UNIQUE_IDENTIFIER.equals(atv.getType())
                        && atv.getValue() instanceof ASN1BitString bits
                        && bits.getPadBits() == 0
                        && bits.getOctets().length == 8) {
                    return Eui64.fromOctets(bits.getOctets());
                }
            }
        }
        return null;
    }

    private static SubjectKeyId subjectKeyId(X509CertificateHolder holder) {
        try {
            Extension ski = holder.getExtension(Extension.subjectKeyIdentifier);
            return ski == null
                    ? null
                    : SubjectKeyId.of(SubjectKeyIdentifier.getInstance(ski.getParsedValue())
                            .getKeyIdentifier());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static VerificationKey publicKey(X509CertificateHolder holder) {
        try {
            return VerificationKey.of(holder.getSubjectPublicKeyInfo());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AnchorKeyUsage keyUsage(X509CertificateHolder holder) {
        KeyUsage usage;
        try {
            usage = KeyUsage.fromExtensions(holder.getExtensions());
        } catch (RuntimeException e) {
            return null;
        }
        if (usage == null) {
            return null;
        }
        if (usage.hasUsages(KeyUsage.keyCertSign)) {
            return AnchorKeyUsage.CERTIFICATE_SIGNING;
        }
        boolean ds = usage.hasUsages(KeyUsage.digitalSignature);
        boolean ka = usage.hasUsages(KeyUsage.keyAgreement);
        if (ds == ka) {
            return null;
        }
        return ds ? AnchorKeyUsage.DIGITAL_SIGNATURE : AnchorKeyUsage.KEY_AGREEMENT;
    }

    private static WrappedApexContingencyKey wrappedKey(X509CertificateHolder holder, String oid) {
        try {
            return WrappedApexContingencyKey.from(holder, oid).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Optional<Eui64> subjectUniqueIdentifier() {
        return Optional.ofNullable(subjectUniqueId);
    }
}
