package dev.smki.core.profile;

import dev.smki.core.testing.TestKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Everything in a test certificate, field by field, so that a test can change exactly one thing and build
 * it. {@link TestHierarchy} makes specs that conform to each SMKI profile; a spec is mutable and each
 * {@code with}-style method returns it for chaining.
 *
 * <p>The subjectKeyIdentifier is computed from the final public key at build time (RFC 5280 method (2), by
 * Bouncy Castle's own {@code X509ExtensionUtils}) unless a test sets it explicitly.
 */
final class CertificateSpec {

    static final AlgorithmIdentifier ECDSA_WITH_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

    private record ExtensionSpec(boolean critical, ASN1Encodable value, byte[] raw) {
        ExtensionSpec(boolean critical, ASN1Encodable value) {
            this(critical, value, null);
        }
    }

    private Integer version = 3;
    private BigInteger serial;
    private AlgorithmIdentifier tbsSignatureAlgorithm = ECDSA_WITH_SHA256;
    private AlgorithmIdentifier signatureAlgorithm = ECDSA_WITH_SHA256;
    private X500Name issuer;
    private Time notBefore;
    private Time notAfter;
    private X500Name subject;
    private SubjectPublicKeyInfo publicKey;
    private DERBitString issuerUniqueId;
    private DERBitString subjectUniqueId;
    private final Map<ASN1ObjectIdentifier, ExtensionSpec> extensions = new LinkedHashMap<>();
    private PrivateKey signingKey;
    private boolean placeholderSignature;

    CertificateSpec copy() {
        CertificateSpec c = new CertificateSpec();
        c.version = version;
        c.serial = serial;
        c.tbsSignatureAlgorithm = tbsSignatureAlgorithm;
        c.signatureAlgorithm = signatureAlgorithm;
        c.issuer = issuer;
        c.notBefore = notBefore;
        c.notAfter = notAfter;
        c.subject = subject;
        c.publicKey = publicKey;
        c.issuerUniqueId = issuerUniqueId;
        c.subjectUniqueId = subjectUniqueId;
        c.extensions.putAll(extensions);
        c.signingKey = signingKey;
        c.placeholderSignature = placeholderSignature;
        return c;
    }

    /** Sets the version number (1 or 3); a version 1 certificate is built without its extensions. */
    CertificateSpec version(int version) {
        this.version = version;
        return this;
    }

    CertificateSpec serial(BigInteger serial) {
        this.serial = serial;
        return this;
    }

    /** Sets both the outer signatureAlgorithm and tbsCertificate.signature. */
    CertificateSpec signatureAlgorithm(AlgorithmIdentifier algorithm) {
        this.signatureAlgorithm = algorithm;
        this.tbsSignatureAlgorithm = algorithm;
        return this;
    }

    /** Sets tbsCertificate.signature only; the certificate is still signed with ecdsa-with-SHA256. */
    CertificateSpec tbsSignatureAlgorithm(AlgorithmIdentifier algorithm) {
        this.tbsSignatureAlgorithm = algorithm;
        return this;
    }

    CertificateSpec issuer(X500Name issuer) {
        this.issuer = issuer;
        return this;
    }

    CertificateSpec subject(X500Name subject) {
        this.subject = subject;
        return this;
    }

    X500Name subject() {
        return subject;
    }

    CertificateSpec notBefore(Time notBefore) {
        this.notBefore = notBefore;
        return this;
    }

    Time notBefore() {
        return notBefore;
    }

    X500Name issuer() {
        return issuer;
    }

    boolean hasExtension(ASN1ObjectIdentifier oid) {
        return extensions.containsKey(oid);
    }

    CertificateSpec notAfter(Time notAfter) {
        this.notAfter = notAfter;
        return this;
    }

    CertificateSpec publicKey(SubjectPublicKeyInfo publicKey) {
        this.publicKey = publicKey;
        return this;
    }

    SubjectPublicKeyInfo publicKey() {
        return publicKey;
    }

    CertificateSpec issuerUniqueId(DERBitString id) {
        this.issuerUniqueId = id;
        return this;
    }

    CertificateSpec subjectUniqueId(DERBitString id) {
        this.subjectUniqueId = id;
        return this;
    }

    /** Sets an extension, keeping its place when it is already there, else appending it. */
    CertificateSpec extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        extensions.put(oid, new ExtensionSpec(critical, value));
        return this;
    }

    /** Sets an extension whose extnValue holds {@code octets} as they are, well-formed DER or not. */
    CertificateSpec rawExtension(ASN1ObjectIdentifier oid, boolean critical, byte[] octets) {
        extensions.put(oid, new ExtensionSpec(critical, null, octets.clone()));
        return this;
    }

    /** Sets the subjectKeyIdentifier to be computed from the final public key. */
    CertificateSpec computedSubjectKeyId() {
        extensions.put(Extension.subjectKeyIdentifier, new ExtensionSpec(false, null));
        return this;
    }

    /** Changes the criticality of a present extension. */
    CertificateSpec critical(ASN1ObjectIdentifier oid, boolean critical) {
        ExtensionSpec e = extensions.get(oid);
        if (e == null) {
            throw new IllegalStateException("No extension " + oid + " to change");
        }
        extensions.put(oid, new ExtensionSpec(critical, e.value(), e.raw()));
        return this;
    }

    CertificateSpec without(ASN1ObjectIdentifier oid) {
        if (extensions.remove(oid) == null) {
            throw new IllegalStateException("No extension " + oid + " to remove");
        }
        return this;
    }

    /** Makes the certificate issued by {@code ca}: issuer name, authorityKeyIdentifier and signing key. */
    CertificateSpec issuedBy(X509CertificateHolder ca, PrivateKey caKey) {
        this.issuer = ca.getSubject();
        byte[] ski = ((ASN1OctetString)
                        ca.getExtension(Extension.subjectKeyIdentifier).getParsedValue())
                .getOctets();
        extension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(ski));
        this.signingKey = caKey;
        return this;
    }

    CertificateSpec signedBy(PrivateKey key) {
        this.signingKey = key;
        return this;
    }

    /** Replaces the signature by a fixed placeholder, as a certificate linted before signing carries. */
    CertificateSpec placeholderSignature() {
        this.placeholderSignature = true;
        return this;
    }

    /** Returns the certificate, parsed back from its DER encoding. */
    X509CertificateHolder build() {
        try {
            return new X509CertificateHolder(encode());
        } catch (IOException e) {
            throw new IllegalStateException("Test certificate does not parse", e);
        }
    }

    /** Returns the DER encoding of the certificate. */
    byte[] encode() {
        try {
            ASN1EncodableVector tbs = new ASN1EncodableVector();
            if (version != 1) {
                tbs.add(new DERTaggedObject(true, 0, new ASN1Integer(version - 1L)));
            }
            tbs.add(new ASN1Integer(serial));
            tbs.add(tbsSignatureAlgorithm);
            tbs.add(issuer);
            tbs.add(new DERSequence(new ASN1Encodable[] {notBefore, notAfter}));
            tbs.add(subject);
            tbs.add(publicKey);
            if (issuerUniqueId != null) {
                tbs.add(new DERTaggedObject(false, 1, issuerUniqueId));
            }
            if (subjectUniqueId != null) {
                tbs.add(new DERTaggedObject(false, 2, subjectUniqueId));
            }
            if (version != 1 && !extensions.isEmpty()) {
                ASN1EncodableVector exts = new ASN1EncodableVector();
                for (var e : extensions.entrySet()) {
                    ASN1Encodable value = e.getValue().value();
                    byte[] octets = e.getValue().raw();
                    if (octets == null) {
                        if (value == null) {
                            value = new JcaX509ExtensionUtils().createTruncatedSubjectKeyIdentifier(publicKey);
                        }
                        octets = value.toASN1Primitive().getEncoded("DER");
                    }
                    exts.add(new Extension(e.getKey(), e.getValue().critical(), new DEROctetString(octets)));
                }
                tbs.add(new DERTaggedObject(true, 3, new DERSequence(exts)));
            }
            DERSequence tbsSequence = new DERSequence(tbs);
            byte[] signature = placeholderSignature ? new byte[72] : sign(tbsSequence.getEncoded("DER"));
            return new DERSequence(new ASN1Encodable[] {tbsSequence, signatureAlgorithm, new DERBitString(signature)})
                    .getEncoded("DER");
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot encode test certificate", e);
        }
    }

    private byte[] sign(byte[] tbs) throws IOException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(TestKeys.provider())
                    .build(signingKey);
            try (OutputStream out = signer.getOutputStream()) {
                out.write(tbs);
            }
            return signer.getSignature();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign test certificate", e);
        }
    }
}
