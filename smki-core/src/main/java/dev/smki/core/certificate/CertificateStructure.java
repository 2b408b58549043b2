package dev.smki.core.certificate;

import dev.smki.core.internal.crypto.EcdsaVerifier;
import dev.smki.core.internal.der.DerText;
import dev.smki.core.internal.der.X509Times;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jspecify.annotations.Nullable;

/**
 * The DER structures of one {@link SmkiCertificate} as Bouncy Castle decodes them: what a linter reads to check
 * encodings the domain view of {@link SmkiCertificate} leaves out (criticality, string types, qualifiers, the
 * exact times). Each extension is decoded at most once, however often it is read, and the results are shared by
 * the {@link SmkiCertificate} it belongs to.
 *
 * <p>Reading an extension whose DER does not decode throws {@link MalformedCertificateException} naming the
 * extension, on every read. Immutable in effect and safe to share between threads.
 */
public final class CertificateStructure {

    /** What {@link #notBeforeEpochSecond()} and {@link #notAfterEpochSecond()} return for a time not in DER form. */
    public static final long UNREADABLE_TIME = X509Times.UNREADABLE;

    /** A decoded value, or the failure to decode it, kept so that every read gives the same answer. */
    private record Decoded(Object value, MalformedCertificateException failure) {
        Object get() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    private static final Decoded ABSENT = new Decoded(null, null);

    /** The extensions decoded on demand: each one's OID, name, what its value should be, and its decoder. */
    private enum Part {
        KEY_USAGE(
                Extension.keyUsage,
                "keyUsage",
                "a BIT STRING",
                e -> ASN1BitString.getInstance(e.getParsedValue()).intValue()),
        SUBJECT_KEY_IDENTIFIER(
                Extension.subjectKeyIdentifier,
                "subjectKeyIdentifier",
                "an OCTET STRING",
                e -> ASN1OctetString.getInstance(e.getParsedValue()).getOctets()),
        AUTHORITY_KEY_IDENTIFIER(
                Extension.authorityKeyIdentifier,
                "authorityKeyIdentifier",
                "an AuthorityKeyIdentifier SEQUENCE",
                e -> AuthorityKeyIdentifier.getInstance(e.getParsedValue())),
        BASIC_CONSTRAINTS(
                Extension.basicConstraints,
                "basicConstraints",
                "a BasicConstraints SEQUENCE",
                e -> BasicConstraints.getInstance(e.getParsedValue())),
        CERTIFICATE_POLICIES(
                Extension.certificatePolicies,
                "certificatePolicies",
                "a SEQUENCE of PolicyInformation",
                e -> CertificatePolicies.getInstance(e.getParsedValue())),
        SUBJECT_ALT_NAME(
                Extension.subjectAlternativeName,
                "subjectAltName",
                "a SEQUENCE of GeneralName",
                e -> GeneralNames.getInstance(e.getParsedValue()));

        private final ASN1ObjectIdentifier oid;
        private final String name;
        private final String expected;
        private final Function<Extension, Object> decoder;

        Part(ASN1ObjectIdentifier oid, String name, String expected, Function<Extension, Object> decoder) {
            this.oid = oid;
            this.name = name;
            this.expected = expected;
            this.decoder = decoder;
        }
    }

    private final X509CertificateHolder holder;
    private final TBSCertificate tbs;
    private final Extensions extensions;
    private final AtomicReferenceArray<Decoded> decoded = new AtomicReferenceArray<>(Part.values().length);
    private volatile long[] validity;
    private volatile EcdsaVerifier verifier;

    CertificateStructure(X509CertificateHolder holder) {
        this.holder = holder;
        this.tbs = holder.toASN1Structure().getTBSCertificate();
        this.extensions = tbs.getExtensions();
    }

    /** {@return the certificate as Bouncy Castle holds it} */
    public X509CertificateHolder holder() {
        return holder;
    }

    /** {@return the signed part, the TBSCertificate} */
    public TBSCertificate tbs() {
        return tbs;
    }

    /** {@return the subject name} */
    public X500Name subject() {
        return tbs.getSubject();
    }

    /** {@return the issuer name} */
    public X500Name issuer() {
        return tbs.getIssuer();
    }

    /** {@return whether the issuer name equals the subject name (RFC 5280 name comparison)} */
    public boolean isSelfIssued() {
        return tbs.getIssuer().equals(tbs.getSubject());
    }

    /**
     * {@return the extension with {@code oid}, or null when the certificate has none}
     *
     * @param oid the extension's OID
     */
    public @Nullable Extension extension(ASN1ObjectIdentifier oid) {
        return extensions == null ? null : extensions.getExtension(oid);
    }

    /** {@return the extension OIDs in certificate order; none when there are no extensions} */
    public List<ASN1ObjectIdentifier> extensionOids() {
        return extensions == null ? List.of() : List.of(extensions.getExtensionOIDs());
    }

    /**
     * {@return the keyUsage bits as Bouncy Castle's {@code KeyUsage} constants combine them, or -1 when there is
     * no keyUsage extension}
     *
     * @throws MalformedCertificateException when the extension is not a DER BIT STRING
     */
    public int keyUsageBits() {
        Integer bits = (Integer) read(Part.KEY_USAGE);
        return bits == null ? -1 : bits;
    }

    /**
     * {@return a copy of the subjectKeyIdentifier octets, or null when there is no such extension}
     *
     * @throws MalformedCertificateException when the extension is not a DER OCTET STRING
     */
    public byte @Nullable [] subjectKeyIdentifier() {
        byte[] octets = subjectKeyIdentifierOctets();
        return octets == null ? null : octets.clone();
    }

    /** Returns the subjectKeyIdentifier octets themselves, not a copy, for this package's readers. */
    byte[] subjectKeyIdentifierOctets() {
        return (byte[]) read(Part.SUBJECT_KEY_IDENTIFIER);
    }

    /**
     * {@return the authorityKeyIdentifier, or null when there is none}
     *
     * @throws MalformedCertificateException when the extension is not a DER AuthorityKeyIdentifier SEQUENCE
     */
    public @Nullable AuthorityKeyIdentifier authorityKeyIdentifier() {
        return (AuthorityKeyIdentifier) read(Part.AUTHORITY_KEY_IDENTIFIER);
    }

    /**
     * {@return the basicConstraints, or null when there are none}
     *
     * @throws MalformedCertificateException when the extension is not a DER BasicConstraints SEQUENCE
     */
    public @Nullable BasicConstraints basicConstraints() {
        return (BasicConstraints) read(Part.BASIC_CONSTRAINTS);
    }

    /**
     * {@return the certificatePolicies, or null when there are none}
     *
     * @throws MalformedCertificateException when the extension is not a DER SEQUENCE of PolicyInformation
     */
    public @Nullable CertificatePolicies certificatePolicies() {
        return (CertificatePolicies) read(Part.CERTIFICATE_POLICIES);
    }

    /**
     * {@return the subjectAltName, or null when there is none}
     *
     * @throws MalformedCertificateException when the extension is not a DER SEQUENCE of GeneralName
     */
    public @Nullable GeneralNames subjectAltName() {
        return (GeneralNames) read(Part.SUBJECT_ALT_NAME);
    }

    /** {@return notBefore in seconds since the epoch, or {@link #UNREADABLE_TIME} when it is not in DER form} */
    public long notBeforeEpochSecond() {
        return validity()[0];
    }

    /** {@return notAfter in seconds since the epoch, or {@link #UNREADABLE_TIME} when it is not in DER form} */
    public long notAfterEpochSecond() {
        return validity()[1];
    }

    private long[] validity() {
        long[] v = validity;
        if (v == null) {
            v = new long[] {X509Times.epochSecond(tbs.getStartDate()), X509Times.epochSecond(tbs.getEndDate())};
            validity = v;
        }
        return v;
    }

    /**
     * {@return null when this certificate's signature verifies with the public key of {@code signer} (the issuer,
     * or this certificate itself for a self-signed one), or else what went wrong, in words fit for a report,
     * such as {@code signature does not verify}} The signer's decoded key is kept, so verifying many
     * certificates with one shared signer decodes its key once.
     *
     * @param signer the certificate whose public key should verify this one's signature
     */
    public @Nullable String signatureProblem(CertificateStructure signer) {
        return signer.verifier().problem(holder.getSignatureAlgorithm(), tbs, holder.getSignature());
    }

    private EcdsaVerifier verifier() {
        EcdsaVerifier v = verifier;
        if (v == null) {
            v = EcdsaVerifier.of(tbs.getSubjectPublicKeyInfo());
            verifier = v;
        }
        return v;
    }

    /** Returns {@code part} decoded, null when the certificate does not have it; decodes it on the first read. */
    private Object read(Part part) {
        Decoded d = decoded.get(part.ordinal());
        if (d == null) {
            d = decode(part);
            decoded.set(part.ordinal(), d); // a race decodes twice and keeps one, all equal
        }
        return d.get();
    }

    private Decoded decode(Part part) {
        Extension e = extension(part.oid);
        if (e == null) {
            return ABSENT;
        }
        try {
            return new Decoded(part.decoder.apply(e), null);
        } catch (RuntimeException problem) {
            String detail = DerText.explain(problem);
            return new Decoded(
                    null,
                    new MalformedCertificateException(
                            part.name + " extension",
                            "its value " + DerText.octets(e.getExtnValue().getOctets()) + " does not decode as "
                                    + part.expected + (detail == null ? "" : " (" + detail + ")")));
        }
    }
}
