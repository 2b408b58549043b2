package dev.smki.core.certificate;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.internal.der.DerText;
import dev.smki.core.internal.der.HardwareModuleNames;
import dev.smki.core.internal.der.X500Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jspecify.annotations.Nullable;

/**
 * One parsed SMKI certificate and what it says: its kind, Remote Party Role, EUI-64, key usage, key identifiers,
 * policies and validity. Each part is decoded once, when first asked for, and kept; {@link #structure()} gives
 * the same certificate's DER structures for code that checks encodings, such as the profile validator.
 *
 * <p>Parsing checks only that the bytes are an X.509 certificate. A part whose DER does not decode throws
 * {@link MalformedCertificateException} naming it when it is asked for; {@link #kind()} and {@link #describe()}
 * never throw. Immutable in effect and safe to share between threads.
 *
 * <pre>{@code
 * SmkiCertificate certificate = SmkiCertificate.parse(der);
 * if (certificate.kind() == CertificateKind.ORGANISATION) {
 *     RemotePartyRole role = certificate.role().orElseThrow();
 *     Eui64 party = certificate.eui64().orElseThrow();
 *     CertificateUsage usage = certificate.endEntityKeyUsage().orElseThrow();
 * }
 * }</pre>
 */
public final class SmkiCertificate {

    private final CertificateStructure structure;
    private volatile CertificateKind kind;
    private volatile byte[] encoded;

    private SmkiCertificate(X509CertificateHolder holder) {
        this.structure = new CertificateStructure(holder);
    }

    /**
     * {@return the certificate {@code holder} holds}
     *
     * @param holder the certificate as Bouncy Castle holds it
     */
    public static SmkiCertificate of(X509CertificateHolder holder) {
        return new SmkiCertificate(Objects.requireNonNull(holder, "holder"));
    }

    /**
     * {@return the certificate encoded in {@code der}}
     *
     * @param der the DER encoding of an X.509 certificate
     * @throws MalformedCertificateException when the bytes are not an X.509 certificate
     */
    public static SmkiCertificate parse(byte[] der) {
        Objects.requireNonNull(der, "der");
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            String detail = DerText.explain(e);
            throw new MalformedCertificateException(
                    "certificate",
                    "the DER " + DerText.octets(der) + " is not an X.509 certificate"
                            + (detail == null ? "" : " (" + detail + ")"));
        }
        return new SmkiCertificate(holder);
    }

    /** {@return the DER structures of this certificate, decoded once and shared with this view} */
    public CertificateStructure structure() {
        return structure;
    }

    /** {@return the certificate as Bouncy Castle holds it} */
    public X509CertificateHolder holder() {
        return structure.holder();
    }

    /** {@return the DER encoding (a new array); encoded once and kept, as commands carry it again and again} */
    public byte[] toDer() {
        byte[] der = encoded;
        if (der == null) {
            try {
                der = structure.holder().getEncoded();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot re-encode a parsed certificate", e);
            }
            encoded = der; // a race encodes twice and keeps one, both equal
        }
        return der.clone();
    }

    /**
     * {@return the kind of certificate this looks like: self-issued with OU {@code 00} is a Root OCA; a CA with OU
     * {@code 07} an Issuing OCA; an empty subject with a hardwareModuleName subjectAltName a Device; a CA with a
     * CN-only name a Root DCA when self-issued, else an Issuing DCA; anything else an Organisation certificate, as
     * is a certificate whose names cannot be decoded} Never throws.
     */
    public CertificateKind kind() {
        CertificateKind k = kind;
        if (k == null) {
            try {
                k = detect();
            } catch (RuntimeException e) {
                k = CertificateKind.ORGANISATION; // whoever reads the names reports them
            }
            kind = k;
        }
        return k;
    }

    private CertificateKind detect() {
        X500Name subject = structure.subject();
        boolean selfIssued = structure.isSelfIssued();
        if (selfIssued && X500Names.hasOu(subject, "00")) {
            return CertificateKind.ROOT_OCA;
        }
        boolean ca = isCaOrFalse();
        if (ca && X500Names.hasOu(subject, "07")) {
            return CertificateKind.ISSUING_OCA;
        }
        if (subject.getRDNs().length == 0 && hasHardwareModuleNameOrFalse()) {
            return CertificateKind.DEVICE;
        }
        if (ca && X500Names.isCnOnly(subject)) {
            return selfIssued ? CertificateKind.ROOT_DCA : CertificateKind.ISSUING_DCA;
        }
        return CertificateKind.ORGANISATION;
    }

    private boolean isCaOrFalse() {
        try {
            return isCertificateAuthority();
        } catch (MalformedCertificateException e) {
            return false;
        }
    }

    private boolean hasHardwareModuleNameOrFalse() {
        try {
            GeneralNames names = structure.subjectAltName();
            if (names == null) {
                return false;
            }
            for (GeneralName name : names.getNames()) {
                if (name.getTagNo() == GeneralName.otherName
                        && HardwareModuleNames.ID_ON_HARDWARE_MODULE_NAME.equals(
                                OtherName.getInstance(name.getName()).getTypeID())) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@return the serial number} */
    public BigInteger serialNumber() {
        return structure.tbs().getSerialNumber().getValue();
    }

    /** {@return the serial number in upper-case hex, as {@code openssl x509 -serial} prints it} */
    public String serialHex() {
        return serialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    /**
     * {@return the Remote Party Role the subject's one OU names ({@code 00} the Root, {@code 07} the Issuing
     * Authority, {@code 02} a Supplier, ...); empty when the subject has no OU, several, or one naming no role}
     */
    public Optional<RemotePartyRole> role() {
        String ou = X500Names.single(structure.subject(), X500Names.OU);
        if (ou == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RemotePartyRole.ofOrganisationalUnit(ou));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * {@return the EUI-64 the certificate is for: a Device Certificate's hardware serial number, any other
     * certificate's subject x500UniqueIdentifier; empty when it has none}
     *
     * @throws MalformedCertificateException when a Device Certificate's subjectAltName does not decode
     */
    public Optional<Eui64> eui64() {
        return kind() == CertificateKind.DEVICE ? hardwareSerialNumber() : subjectUniqueIdentifier();
    }

    /**
     * {@return the subject's 64-bit x500UniqueIdentifier, the Party's EUI-64 in an Organisation Certificate; empty
     * when there is none}
     */
    public Optional<Eui64> subjectUniqueIdentifier() {
        return Optional.ofNullable(X500Names.uniqueIdentifier(structure.subject()));
    }

    /**
     * {@return the hwSerialNum of the subjectAltName's hardwareModuleName when it is 8 octets, the Device's EUI-64;
     * empty when there is none}
     *
     * @throws MalformedCertificateException when the subjectAltName does not decode
     */
    public Optional<Eui64> hardwareSerialNumber() {
        GeneralNames names = structure.subjectAltName();
        if (names == null) {
            return Optional.empty();
        }
        return HardwareModuleNames.hwSerialNum(names)
                .filter(octets -> octets.length == 8)
                .map(Eui64::fromOctets);
    }

    /**
     * {@return the keyUsage bits asserted; none when there is no keyUsage extension}
     *
     * @throws MalformedCertificateException when the keyUsage extension does not decode
     */
    public Set<KeyUsageBit> keyUsage() {
        int bits = structure.keyUsageBits();
        return bits < 0 ? Set.of() : Collections.unmodifiableSet(KeyUsageBit.ofMask(bits));
    }

    /**
     * {@return the end-entity key usage when exactly one of digitalSignature and keyAgreement is asserted (other
     * bits aside), as in every SMKI Organisation and Device Certificate; empty otherwise}
     *
     * @throws MalformedCertificateException when the keyUsage extension does not decode
     */
    public Optional<CertificateUsage> endEntityKeyUsage() {
        Set<KeyUsageBit> bits = keyUsage();
        boolean signs = bits.contains(KeyUsageBit.DIGITAL_SIGNATURE);
        boolean agrees = bits.contains(KeyUsageBit.KEY_AGREEMENT);
        if (signs == agrees) {
            return Optional.empty();
        }
        return Optional.of(signs ? CertificateUsage.DIGITAL_SIGNATURE : CertificateUsage.KEY_AGREEMENT);
    }

    /**
     * {@return the subjectKeyIdentifier; empty when there is none}
     *
     * @throws MalformedCertificateException when the extension does not decode
     */
    public Optional<KeyIdentifier> subjectKeyIdentifier() {
        byte[] octets = structure.subjectKeyIdentifierOctets();
        return octets == null ? Optional.empty() : Optional.of(KeyIdentifier.of(octets));
    }

    /**
     * {@return the keyIdentifier of the authorityKeyIdentifier, the issuer's subjectKeyIdentifier; empty when there
     * is no authorityKeyIdentifier or it holds no keyIdentifier}
     *
     * @throws MalformedCertificateException when the extension does not decode
     */
    public Optional<KeyIdentifier> authorityKeyIdentifier() {
        AuthorityKeyIdentifier aki = structure.authorityKeyIdentifier();
        byte[] octets = aki == null ? null : aki.getKeyIdentifierOctets();
        return octets == null ? Optional.empty() : Optional.of(KeyIdentifier.of(octets));
    }

    /**
     * {@return the policy OIDs of certificatePolicies, dotted, in certificate order; none when there is no such
     * extension}
     *
     * @throws MalformedCertificateException when the extension does not decode
     */
    public List<String> policies() {
        CertificatePolicies policies = structure.certificatePolicies();
        if (policies == null) {
            return List.of();
        }
        List<String> oids = new ArrayList<>(1);
        for (PolicyInformation policy : policies.getPolicyInformation()) {
            oids.add(policy.getPolicyIdentifier().getId());
        }
        return List.copyOf(oids);
    }

    /**
     * {@return whether basicConstraints says cA TRUE}
     *
     * @throws MalformedCertificateException when the extension does not decode
     */
    public boolean isCertificateAuthority() {
        BasicConstraints bc = structure.basicConstraints();
        return bc != null && bc.isCA();
    }

    /**
     * {@return whether this certificate's issuer name is {@code candidate}'s subject name (RFC 5280 name
     * comparison): the first test of whether {@code candidate} issued it} Never throws.
     *
     * @param candidate the certificate that may have issued this one
     */
    public boolean namesIssuer(SmkiCertificate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        try {
            return structure.issuer().equals(candidate.structure.subject());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * {@return the issuer name, written as {@link #describe()} writes a subject, such as {@code CN=...,OU=07}}
     * Never throws.
     */
    public String describeIssuer() {
        try {
            return X500Names.describe(structure.issuer());
        } catch (RuntimeException e) {
            return "an unreadable issuer name";
        }
    }

    /** {@return whether the issuer name equals the subject name, as in a root certificate} */
    public boolean isSelfIssued() {
        return structure.isSelfIssued();
    }

    /**
     * {@return the start of the validity period}
     *
     * @throws MalformedCertificateException when notBefore is not a time this library reads
     */
    public Instant notBefore() {
        return instant(structure.notBeforeEpochSecond(), structure.tbs().getStartDate(), "notBefore");
    }

    /**
     * {@return the end of the validity period, 9999-12-31T23:59:59Z for a Device Certificate}
     *
     * @throws MalformedCertificateException when notAfter is not a time this library reads
     */
    public Instant notAfter() {
        return instant(structure.notAfterEpochSecond(), structure.tbs().getEndDate(), "notAfter");
    }

    private static Instant instant(long epochSecond, Time time, String part) {
        if (epochSecond != CertificateStructure.UNREADABLE_TIME) {
            return Instant.ofEpochSecond(epochSecond);
        }
        try {
            return time.getDate().toInstant(); // not in DER form, but Bouncy Castle may still read it
        } catch (RuntimeException e) {
            throw new MalformedCertificateException(part, "not a UTCTime or GeneralizedTime");
        }
    }

    /**
     * {@return whether {@code at} lies in the validity period, both ends included}
     *
     * @param at the instant to check
     * @throws MalformedCertificateException when a validity time is not a time this library reads
     */
    public boolean isValidAt(Instant at) {
        Objects.requireNonNull(at, "at");
        return !at.isBefore(notBefore()) && !at.isAfter(notAfter());
    }

    /**
     * {@return the value of extension {@code oid} (the DER inside its extnValue OCTET STRING), such as the Root
     * OCA's WrappedApexContingencyKey; empty when the certificate has no such extension}
     *
     * @param oid the extension's dotted OID
     * @throws IllegalArgumentException when {@code oid} is not a dotted object identifier
     */
    public Optional<byte[]> extensionValue(String oid) {
        Objects.requireNonNull(oid, "oid");
        Extension e = structure.extension(new ASN1ObjectIdentifier(oid));
        return e == null ? Optional.empty() : Optional.of(e.getExtnValue().getOctets());
    }

    /** {@return the DER SubjectPublicKeyInfo of the certified key (a new array)} */
    public byte[] subjectPublicKeyInfo() {
        return encoded(structure.tbs().getSubjectPublicKeyInfo());
    }

    /** {@return the dotted OID of the signature algorithm, {@code 1.2.840.10045.4.3.2} (ecdsa-with-SHA256) in SMKI} */
    public String signatureAlgorithm() {
        return structure.holder().getSignatureAlgorithm().getAlgorithm().getId();
    }

    /** {@return the DER TBSCertificate, the part the signature covers (a new array)} */
    public byte[] signedPart() {
        return encoded(structure.tbs());
    }

    /** {@return the signature value, a DER ECDSA-Sig-Value in SMKI (a new array)} */
    public byte[] signature() {
        return structure.holder().getSignature();
    }

    /**
     * {@return whether the signature verifies with {@code issuer}'s public key under this certificate's ECDSA
     * signature algorithm} Checking many certificates against one shared issuer decodes its key once.
     *
     * @param issuer the certificate whose public key should verify this one's signature
     */
    public boolean isSignedBy(SmkiCertificate issuer) {
        Objects.requireNonNull(issuer, "issuer");
        return structure.signatureProblem(issuer.structure) == null;
    }

    /**
     * {@return a short description: the subject (a Device's EUI-64 for an empty subject) and the serial number,
     * such as {@code device 02-53-4D-4B-49-80-00-00, serial 5A89...} or {@code OU=02,x500UniqueIdentifier=...,
     * serial ...}} Never throws.
     */
    public String describe() {
        String serial = "serial " + serialHex();
        try {
            X500Name subject = structure.subject();
            if (subject.getRDNs().length == 0) {
                Optional<Eui64> device = hardwareSerialOrEmpty();
                return device.map(eui -> "device " + eui).orElse("empty subject") + ", " + serial;
            }
            return X500Names.describe(subject) + ", " + serial;
        } catch (RuntimeException e) {
            return "certificate with an unreadable subject, " + serial;
        }
    }

    private Optional<Eui64> hardwareSerialOrEmpty() {
        try {
            return hardwareSerialNumber();
        } catch (MalformedCertificateException e) {
            return Optional.empty();
        }
    }

    private static byte[] encoded(org.bouncycastle.asn1.ASN1Object object) {
        try {
            return object.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot re-encode a parsed certificate", e);
        }
    }

    /** Returns whether {@code o} is the same certificate, byte for byte. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SmkiCertificate other && structure.holder().equals(other.structure.holder());
    }

    @Override
    public int hashCode() {
        return structure.holder().hashCode();
    }

    /** Returns the kind and {@link #describe()}, such as {@code Device certificate [device ..., serial ...]}. */
    @Override
    public String toString() {
        return kind().displayName() + " certificate [" + describe() + "]";
    }
}
