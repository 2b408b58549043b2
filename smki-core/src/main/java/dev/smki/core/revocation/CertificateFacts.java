package dev.smki.core.revocation;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.internal.der.HardwareModuleNames;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.profile.ProfileKind;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/** Reads what the SMKI Repository records about a certificate from the certificate itself. */
final class CertificateFacts {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private CertificateFacts() {}

    /** Returns the registry entry for {@code certificate}, issued to {@code subscriber}, with {@code status}. */
    static RegisteredCertificate entry(IssuedCertificate certificate, String subscriber, CertificateStatus status) {
        X509CertificateHolder holder = certificate.certificate();
        ProfileKind kind = certificate.kind();
        return new RegisteredCertificate(
                holder.getSerialNumber(),
                kind,
                subscriber,
                eui64(holder, kind),
                role(holder.getSubject()),
                keyUsage(holder),
                issuerKeyId(holder),
                holder.getNotAfter().toInstant(),
                status,
                Optional.empty());
    }

    /** Returns the upper-case hex of {@code keyId}. */
    static String hex(byte[] keyId) {
        return HEX.formatHex(keyId);
    }

    private static Optional<Eui64> eui64(X509CertificateHolder holder, ProfileKind kind) {
        if (kind == ProfileKind.DEVICE) {
            Extension san = holder.getExtension(Extension.subjectAlternativeName);
            return san == null
                    ? Optional.empty()
                    : HardwareModuleNames.hwSerialNum(GeneralNames.getInstance(san.getParsedValue()))
                            .filter(octets -> octets.length == 8)
                            .map(Eui64::fromOctets);
        }
        for (RDN rdn : holder.getSubject().getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(BCStyle.UNIQUE_IDENTIFIER)
                        && atv.getValue() instanceof ASN1BitString bits
                        && bits.getPadBits() == 0
                        && bits.getOctets().length == 8) {
                    return Optional.of(Eui64.fromOctets(bits.getOctets()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<RemotePartyRole> role(X500Name subject) {
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(BCStyle.OU) && atv.getValue() instanceof ASN1String ou) {
                    try {
                        return Optional.of(RemotePartyRole.ofOrganisationalUnit(ou.getString()));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<CertificateUsage> keyUsage(X509CertificateHolder holder) {
        Extension e = holder.getExtension(Extension.keyUsage);
        if (e == null) {
            return Optional.empty();
        }
        org.bouncycastle.asn1.x509.KeyUsage bits = org.bouncycastle.asn1.x509.KeyUsage.getInstance(e.getParsedValue());
        boolean signs = bits.hasUsages(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature);
        boolean agrees = bits.hasUsages(org.bouncycastle.asn1.x509.KeyUsage.keyAgreement);
        if (signs == agrees) {
            return Optional.empty();
        }
        return Optional.of(signs ? CertificateUsage.DIGITAL_SIGNATURE : CertificateUsage.KEY_AGREEMENT);
    }

    private static String issuerKeyId(X509CertificateHolder holder) {
        Extension e = holder.getExtension(Extension.authorityKeyIdentifier);
        if (e == null) {
            return "";
        }
        byte[] id = AuthorityKeyIdentifier.getInstance(e.getParsedValue()).getKeyIdentifierOctets();
        return id == null ? "" : hex(id);
    }
}
