package dev.smki.core.issuance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.Validity;
import org.jspecify.annotations.Nullable;

/**
 * The to-be-signed fields of a certificate being issued, open to change: what a deliberately broken
 * certificate's mutation edits. A builder fills the draft with conforming values, then hands it to the
 * mutations given with {@code breaking(...)}, then lints and signs it. Extensions keep their order; putting
 * an extension that is already there replaces it in place.
 */
public final class CertificateDraft {

    private int version = 2;
    private BigInteger serialNumber;
    private AlgorithmIdentifier signatureAlgorithm = EcdsaContentSigner.ECDSA_WITH_SHA256;
    private X500Name issuer;
    private Time notBefore;
    private Time notAfter;
    private X500Name subject;
    private SubjectPublicKeyInfo publicKey;
    private ASN1BitString issuerUniqueId;
    private ASN1BitString subjectUniqueId;
    private final Map<ASN1ObjectIdentifier, Extension> extensions = new LinkedHashMap<>();
    private EcKey signingKey;

    CertificateDraft() {}

    /** {@return the version field: 2 for X.509 v3} */
    public int version() {
        return version;
    }

    /**
     * Sets the version field (0 for v1, 2 for v3).
     *
     * @param version the version field's value
     * @return this draft
     */
    public CertificateDraft version(int version) {
        this.version = version;
        return this;
    }

    /** {@return the serial number} */
    public BigInteger serialNumber() {
        return serialNumber;
    }

    /**
     * Sets the serial number; any INTEGER, even zero or negative.
     *
     * @param serialNumber the serial number to write
     * @return this draft
     */
    public CertificateDraft serialNumber(BigInteger serialNumber) {
        this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
        return this;
    }

    /** {@return the signature algorithm written in both the TBS and the certificate} */
    public AlgorithmIdentifier signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /**
     * Sets the signature algorithm identifier written in both the TBS and the certificate. The signature is
     * still ECDSA with SHA-256; only the identifier changes (for example, a NULL parameter breaks CERT-3).
     *
     * @param signatureAlgorithm the algorithm identifier to write
     * @return this draft
     */
    public CertificateDraft signatureAlgorithm(AlgorithmIdentifier signatureAlgorithm) {
        this.signatureAlgorithm = Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        return this;
    }

    /** {@return the issuer name} */
    public X500Name issuer() {
        return issuer;
    }

    /**
     * Sets the issuer name.
     *
     * @param issuer the issuer name
     * @return this draft
     */
    public CertificateDraft issuer(X500Name issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        return this;
    }

    /** {@return notBefore} */
    public Time notBefore() {
        return notBefore;
    }

    /**
     * Sets notBefore, in the Time choice given.
     *
     * @param notBefore the time to write
     * @return this draft
     */
    public CertificateDraft notBefore(Time notBefore) {
        this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
        return this;
    }

    /** {@return notAfter} */
    public Time notAfter() {
        return notAfter;
    }

    /**
     * Sets notAfter, in the Time choice given.
     *
     * @param notAfter the time to write
     * @return this draft
     */
    public CertificateDraft notAfter(Time notAfter) {
        this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
        return this;
    }

    /** {@return the subject name} */
    public X500Name subject() {
        return subject;
    }

    /**
     * Sets the subject name.
     *
     * @param subject the subject name
     * @return this draft
     */
    public CertificateDraft subject(X500Name subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /** {@return the subject public key} */
    public SubjectPublicKeyInfo publicKey() {
        return publicKey;
    }

    /**
     * Sets the subject public key (the PKI keeps the private key it generated, if any, unchanged).
     *
     * @param publicKey the subject public key
     * @return this draft
     */
    public CertificateDraft publicKey(SubjectPublicKeyInfo publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        return this;
    }

    /**
     * Sets the issuerUniqueID field, or removes it when {@code null}.
     *
     * @param issuerUniqueId the field's value, or {@code null} for none
     * @return this draft
     */
    public CertificateDraft issuerUniqueId(@Nullable ASN1BitString issuerUniqueId) {
        this.issuerUniqueId = issuerUniqueId;
        return this;
    }

    /**
     * Sets the subjectUniqueID field, or removes it when {@code null}.
     *
     * @param subjectUniqueId the field's value, or {@code null} for none
     * @return this draft
     */
    public CertificateDraft subjectUniqueId(@Nullable ASN1BitString subjectUniqueId) {
        this.subjectUniqueId = subjectUniqueId;
        return this;
    }

    /** {@return the extensions, in order} */
    public List<Extension> extensions() {
        return List.copyOf(extensions.values());
    }

    /**
     * {@return the extension {@code oid}, if present}
     *
     * @param oid the extension's OID
     */
    public Optional<Extension> extension(ASN1ObjectIdentifier oid) {
        return Optional.ofNullable(extensions.get(oid));
    }

    /**
     * Adds {@code extension}, replacing in place any extension with the same OID.
     *
     * @param extension the extension to add
     * @return this draft
     */
    public CertificateDraft putExtension(Extension extension) {
        Objects.requireNonNull(extension, "extension");
        extensions.put(extension.getExtnId(), extension);
        return this;
    }

    /**
     * Adds the extension {@code oid} with DER {@code value}, replacing in place any with the same OID.
     *
     * @param oid the extension's OID
     * @param critical whether the extension is critical
     * @param value the extension's value, written in DER
     * @return this draft
     */
    public CertificateDraft putExtension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(value, "value");
        try {
            return putExtension(
                    new Extension(oid, critical, value.toASN1Primitive().getEncoded(ASN1Encoding.DER)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the extension {@code oid}, if present, with its value, but with criticality {@code critical}.
     *
     * @param oid the extension's OID
     * @param critical the criticality to give it
     * @return this draft
     */
    public CertificateDraft critical(ASN1ObjectIdentifier oid, boolean critical) {
        Extension e = extensions.get(oid);
        if (e == null) {
            throw new IllegalStateException("The draft has no extension " + oid);
        }
        extensions.put(oid, new Extension(oid, critical, e.getExtnValue()));
        return this;
    }

    /**
     * Removes the extension {@code oid}, if present.
     *
     * @param oid the extension's OID
     * @return this draft
     */
    public CertificateDraft removeExtension(ASN1ObjectIdentifier oid) {
        extensions.remove(Objects.requireNonNull(oid, "oid"));
        return this;
    }

    /**
     * Signs the certificate with {@code keyPair} instead of the issuer's key (for example to break CERT-12).
     * The key pair must be on P-256.
     *
     * @param keyPair the key pair to sign with
     * @return this draft
     */
    public CertificateDraft signWith(KeyPair keyPair) {
        this.signingKey = EcKey.of(keyPair);
        return this;
    }

    Optional<EcKey> signingKey() {
        return Optional.ofNullable(signingKey);
    }

    TBSCertificate toTbs() {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(publicKey, "publicKey");
        List<Extension> list = new ArrayList<>(extensions.values());
        return new TBSCertificate(
                new ASN1Integer(version),
                new ASN1Integer(serialNumber),
                signatureAlgorithm,
                issuer,
                new Validity(notBefore, notAfter),
                subject,
                publicKey,
                issuerUniqueId,
                subjectUniqueId,
                list.isEmpty() ? null : new Extensions(list.toArray(Extension[]::new)));
    }
}
