package dev.smki.core.issuance;

import dev.smki.core.internal.crypto.BouncyCastle;
import dev.smki.core.profile.ProfileKind;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;

/**
 * A certificate the test PKI issued (or loaded), with its private key when the PKI holds it: a Device's key
 * is absent when the certificate was issued from the Device's CSR. Immutable; {@link #toString} never shows
 * the private key.
 */
public final class IssuedCertificate {

    private final ProfileKind kind;
    private final X509CertificateHolder certificate;
    private final byte[] encoded;
    private final EcKey key;

    IssuedCertificate(ProfileKind kind, X509CertificateHolder certificate, byte[] encoded, EcKey key) {
        this.kind = kind;
        this.certificate = certificate;
        this.encoded = encoded;
        this.key = key;
    }

    /**
     * Returns the certificate {@code certificate} of profile {@code kind}, with {@code privateKey} when given.
     *
     * @throws IllegalArgumentException when the certificate's key is not P-256 or the private key does not
     *     belong to it
     */
    public static IssuedCertificate of(
            ProfileKind kind, X509CertificateHolder certificate, Optional<PrivateKeyInfo> privateKey) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        EcKey publicKey = EcKey.fromPublicKeyInfo(certificate.getSubjectPublicKeyInfo());
        EcKey key = publicKey;
        if (privateKey.isPresent()) {
            key = EcKey.fromPrivateKeyInfo(privateKey.get());
            if (!key.samePublicKey(publicKey)) {
                throw new IllegalArgumentException(
                        "The private key does not belong to the certificate " + certificate.getSubject() + " serial "
                                + certificate.getSerialNumber().toString(16));
            }
        }
        return new IssuedCertificate(kind, certificate, CertificateFiles.encoded(certificate), key);
    }

    /** Returns the profile the certificate was issued to. */
    public ProfileKind kind() {
        return kind;
    }

    /** Returns the certificate. */
    public X509CertificateHolder certificate() {
        return certificate;
    }

    /** Returns the DER encoding of the certificate (a copy). */
    public byte[] toDer() {
        return encoded.clone();
    }

    /** Returns the certificate as a PEM {@code CERTIFICATE} block. */
    public String toPem() {
        return CertificateFiles.toPem("CERTIFICATE", encoded);
    }

    /** Returns the certificate as a JCA certificate (Bouncy Castle provider). */
    public X509Certificate toX509Certificate() {
        try {
            return new JcaX509CertificateConverter()
                    .setProvider(BouncyCastle.PROVIDER)
                    .getCertificate(certificate);
        } catch (CertificateException e) {
            throw new IllegalStateException("Cannot convert " + this, e);
        }
    }

    /** Returns the serial number. */
    public BigInteger serialNumber() {
        return certificate.getSerialNumber();
    }

    /** Returns the subject key identifier octets, or an empty array when the certificate has none. */
    public byte[] subjectKeyIdentifier() {
        Extension ski = certificate.getExtension(Extension.subjectKeyIdentifier);
        return ski == null
                ? new byte[0]
                : SubjectKeyIdentifier.getInstance(ski.getParsedValue()).getKeyIdentifier();
    }

    /** Returns the certified public key (JCA, Bouncy Castle provider). */
    public PublicKey publicKey() {
        return key.toPublicKey();
    }

    /** Returns whether the PKI holds the private key. */
    public boolean hasPrivateKey() {
        return key.hasPrivateKey();
    }

    /** Returns the private key as PKCS#8, when the PKI holds it. */
    public Optional<PrivateKeyInfo> privateKeyInfo() {
        return key.privateKeyInfo();
    }

    /** Returns the key pair (JCA, Bouncy Castle provider), when the PKI holds the private key. */
    public Optional<KeyPair> keyPair() {
        return key.toKeyPair();
    }

    /**
     * Returns the private key as an unencrypted PKCS#8 PEM block.
     *
     * @throws IllegalStateException when the PKI does not hold the private key
     */
    public String privateKeyPem() {
        return CertificateFiles.toPem(
                privateKeyInfo().orElseThrow(() -> new IllegalStateException("No private key is held for " + this)));
    }

    /**
     * Returns a signer for one content (such as a CRL this CA issues) with the private key: ecdsa-with-SHA256
     * without parameters, deterministic (RFC 6979), so the same key and content always give the same signature.
     *
     * @throws IllegalStateException when the PKI does not hold the private key
     */
    public ContentSigner contentSigner() {
        return new EcdsaContentSigner(key.privateParameters());
    }

    EcKey key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IssuedCertificate other
                && kind == other.kind
                && Arrays.equals(encoded, other.encoded)
                && key.hasPrivateKey() == other.key.hasPrivateKey();
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    /** Returns {@code kind subject serial}; never the private key. */
    @Override
    public String toString() {
        return kind.displayName() + " certificate [subject " + certificate.getSubject() + ", serial "
                + certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT) + "]";
    }
}
