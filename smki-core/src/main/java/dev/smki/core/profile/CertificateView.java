package dev.smki.core.profile;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A read-once view of a parsed certificate for the rules: each extension is decoded at most once, however
 * many rules read it. Decoding a malformed extension throws; the validator reports that against the rule
 * that asked.
 */
final class CertificateView {

    /** id-on-hardwareModuleName (RFC 4108). */
    static final ASN1ObjectIdentifier HARDWARE_MODULE_NAME = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.4");

    private static final int ABSENT = -1;
    private static final int UNREAD = -2;

    final X509CertificateHolder holder;
    final TBSCertificate tbs;
    private final Extensions extensions;

    private int keyUsage = UNREAD;
    private boolean skiRead;
    private byte[] ski;
    private boolean akiRead;
    private AuthorityKeyIdentifier aki;
    private boolean basicConstraintsRead;
    private BasicConstraints basicConstraints;
    private boolean policiesRead;
    private CertificatePolicies policies;
    private boolean altNamesRead;
    private GeneralNames altNames;
    private Boolean selfIssued;
    private long notBefore = Instants.UNREADABLE;
    private long notAfter = Instants.UNREADABLE;
    private boolean validityRead;
    private volatile Keys.VerificationKey verificationKey;

    CertificateView(X509CertificateHolder holder) {
        this.holder = holder;
        this.tbs = holder.toASN1Structure().getTBSCertificate();
        this.extensions = tbs.getExtensions();
    }

    /**
     * Returns this view with everything an issuer lookup reads (subjectKeyIdentifier, validity) decoded now,
     * so that the view can be shared between threads once safely published, as {@link ValidationContext}
     * does through a final field.
     */
    CertificateView primedForSharing() {
        subjectKeyIdOrNull();
        readValidity();
        return this;
    }

    /**
     * Returns the subject public key decoded for verifying the signatures it made, decoded on first use and then
     * kept: when the view is a shared issuer (as in {@link ValidationContext}), Bouncy Castle's precomputation for
     * the key is reused across validations, as it is for a JCA key reused by an application. Safe to call from
     * several threads: a race decodes the key more than once and keeps one, all equal.
     */
    Keys.VerificationKey verificationKey() {
        Keys.VerificationKey key = verificationKey;
        if (key == null) {
            key = Keys.VerificationKey.of(tbs.getSubjectPublicKeyInfo());
            verificationKey = key;
        }
        return key;
    }

    X500Name subject() {
        return tbs.getSubject();
    }

    X500Name issuer() {
        return tbs.getIssuer();
    }

    /** Returns the extension with {@code oid}, or null. */
    Extension extension(ASN1ObjectIdentifier oid) {
        return extensions == null ? null : extensions.getExtension(oid);
    }

    /** Returns the extension OIDs in certificate order, none when there are no extensions. */
    ASN1ObjectIdentifier[] extensionOids() {
        return extensions == null ? new ASN1ObjectIdentifier[0] : extensions.getExtensionOIDs();
    }

    /** Returns the keyUsage bits as BC's {@code KeyUsage} constants, or -1 when there is no keyUsage. */
    int keyUsage() {
        if (keyUsage == UNREAD) {
            Extension e = extension(Extension.keyUsage);
            keyUsage = e == null
                    ? ABSENT
                    : ASN1BitString.getInstance(e.getParsedValue()).intValue();
        }
        return keyUsage;
    }

    /** Returns the subjectKeyIdentifier octets, or null. */
    byte[] subjectKeyId() {
        if (!skiRead) {
            Extension e = extension(Extension.subjectKeyIdentifier);
            ski = e == null
                    ? null
                    : ASN1OctetString.getInstance(e.getParsedValue()).getOctets();
            skiRead = true;
        }
        return ski;
    }

    /** Returns the subjectKeyIdentifier octets, or null when absent or malformed; never throws. */
    byte[] subjectKeyIdOrNull() {
        try {
            return subjectKeyId();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Returns the authorityKeyIdentifier, or null. */
    AuthorityKeyIdentifier authorityKeyId() {
        if (!akiRead) {
            Extension e = extension(Extension.authorityKeyIdentifier);
            aki = e == null ? null : AuthorityKeyIdentifier.getInstance(e.getParsedValue());
            akiRead = true;
        }
        return aki;
    }

    /** Returns the authority key identifier octets, or null when absent or malformed; never throws. */
    byte[] authorityKeyIdOrNull() {
        try {
            AuthorityKeyIdentifier a = authorityKeyId();
            return a == null ? null : a.getKeyIdentifierOctets();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Returns the basicConstraints, or null. */
    BasicConstraints basicConstraints() {
        if (!basicConstraintsRead) {
            Extension e = extension(Extension.basicConstraints);
            basicConstraints = e == null ? null : BasicConstraints.getInstance(e.getParsedValue());
            basicConstraintsRead = true;
        }
        return basicConstraints;
    }

    /** Returns the certificatePolicies, or null. */
    CertificatePolicies policies() {
        if (!policiesRead) {
            Extension e = extension(Extension.certificatePolicies);
            policies = e == null ? null : CertificatePolicies.getInstance(e.getParsedValue());
            policiesRead = true;
        }
        return policies;
    }

    /** Returns the subjectAltName, or null. */
    GeneralNames subjectAltNames() {
        if (!altNamesRead) {
            Extension e = extension(Extension.subjectAlternativeName);
            altNames = e == null ? null : GeneralNames.getInstance(e.getParsedValue());
            altNamesRead = true;
        }
        return altNames;
    }

    /** Returns whether the issuer name equals the subject name (RFC 5280 name comparison). */
    boolean isSelfIssued() {
        if (selfIssued == null) {
            selfIssued = issuer().equals(subject());
        }
        return selfIssued;
    }

    /** Returns notBefore in epoch seconds, or {@link Instants#UNREADABLE}. */
    long notBefore() {
        readValidity();
        return notBefore;
    }

    /** Returns notAfter in epoch seconds, or {@link Instants#UNREADABLE}. */
    long notAfter() {
        readValidity();
        return notAfter;
    }

    private void readValidity() {
        if (!validityRead) {
            notBefore = Instants.epochSecond(tbs.getStartDate());
            notAfter = Instants.epochSecond(tbs.getEndDate());
            validityRead = true;
        }
    }

    /**
     * Returns the profile this certificate looks like: self-issued with OU {@code 00} is a Root OCA; a CA with
     * OU {@code 07} an Issuing OCA; an empty subject with a hwModuleName subjectAltName a Device; a CA with a
     * CN-only name a Root DCA when self-issued, else an Issuing DCA; anything else an Organisation
     * certificate, as is a certificate whose names cannot be decoded. Never throws.
     */
    ProfileKind detect() {
        try {
            return detectOrThrow();
        } catch (RuntimeException e) {
            return ProfileKind.ORGANISATION; // the rules that read the names report them
        }
    }

    private ProfileKind detectOrThrow() {
        X500Name subject = subject();
        if (isSelfIssued() && Names.hasOu(subject, "00")) {
            return ProfileKind.ROOT_OCA;
        }
        boolean ca = isCaOrFalse();
        if (ca && Names.hasOu(subject, "07")) {
            return ProfileKind.ISSUING_OCA;
        }
        if (subject.getRDNs().length == 0 && hasHardwareModuleNameOrFalse()) {
            return ProfileKind.DEVICE;
        }
        if (ca && Names.isCnOnly(subject)) {
            return isSelfIssued() ? ProfileKind.ROOT_DCA : ProfileKind.ISSUING_DCA;
        }
        return ProfileKind.ORGANISATION;
    }

    private boolean isCaOrFalse() {
        try {
            BasicConstraints bc = basicConstraints();
            return bc != null && bc.isCA();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean hasHardwareModuleNameOrFalse() {
        try {
            GeneralNames names = subjectAltNames();
            if (names == null) {
                return false;
            }
            for (GeneralName name : names.getNames()) {
                if (name.getTagNo() == GeneralName.otherName
                        && OtherName.getInstance(name.getName()).getTypeID().equals(HARDWARE_MODULE_NAME)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
