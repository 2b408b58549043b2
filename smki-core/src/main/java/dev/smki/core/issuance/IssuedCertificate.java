package dev.smki.core.issuance;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.internal.crypto.BouncyCastle;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.revocation.ListSigner;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.jspecify.annotations.Nullable;

/**
 * A certificate the test PKI issued (or loaded), with its private key when the PKI holds it: a Device's key
 * is absent when the certificate was issued from the Device's CSR. A CA certificate signs revocation lists
 * ({@link ListSigner}). Immutable; {@link #toString} never shows the private key.
 */
public final class IssuedCertificate implements ListSigner {

    private final ProfileKind kind;
    private final X509CertificateHolder certificate;
    private final byte[] encoded;
    private final EcKey key;
    private volatile SmkiCertificate parsed;

    IssuedCertificate(ProfileKind kind, X509CertificateHolder certificate, byte[] encoded, EcKey key) {
        this.kind = kind;
        this.certificate = certificate;
        this.encoded = encoded;
        this.key = key;
    }

    /**
     * {@return the certificate {@code certificate} of profile {@code kind}, with {@code privateKey} when given}
     *
     * @param kind the profile the certificate was issued to
     * @param certificate the certificate
     * @param privateKey its private key, or empty when it is not held
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

    /** {@return the profile the certificate was issued to} */
    public ProfileKind kind() {
        return kind;
    }

    /** {@return the certificate} */
    public X509CertificateHolder certificate() {
        return certificate;
    }

    /**
     * {@return the certificate parsed: its kind, Remote Party Role, EUI-64, key usage, key identifiers, policies
     * and validity, decoded once and kept}
     */
    @Override
    public SmkiCertificate parsed() {
        SmkiCertificate p = parsed;
        if (p == null) {
            p = SmkiCertificate.of(certificate);
            parsed = p;
        }
        return p;
    }

    /** {@return the DER encoding of the certificate (a copy)} */
    public byte[] toDer() {
        return encoded.clone();
    }

    /** {@return the certificate as a PEM {@code CERTIFICATE} block} */
    public String toPem() {
        return CertificateFiles.toPem("CERTIFICATE", encoded);
    }

    /** {@return the certificate as a JCA certificate (Bouncy Castle provider)} */
    public X509Certificate toX509Certificate() {
        try {
            return new JcaX509CertificateConverter()
                    .setProvider(BouncyCastle.PROVIDER)
                    .getCertificate(certificate);
        } catch (CertificateException e) {
            throw new IllegalStateException("Cannot convert " + this, e);
        }
    }

    /**
     * {@return the certificate, with its private key when the PKI holds it, as a PKCS#12 keystore that
     * {@code keytool}, OpenSSL and {@link java.security.KeyStore} read: one entry named {@link #pkcs12Alias()},
     * the key shrouded with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) under {@code password}, and an HMAC-SHA256
     * integrity MAC} Salts and IVs are fresh on each call.
     *
     * @param password the keystore password
     */
    public byte[] toPkcs12(char[] password) {
        Objects.requireNonNull(password, "password");
        return Pkcs12Keystore.encode(Map.of(pkcs12Alias(), this), password, new SecureRandom());
    }

    /** {@return the name of the one entry of {@link #toPkcs12}: the profile's slug, such as {@code organisation}} */
    public String pkcs12Alias() {
        return kind.slug();
    }

    /** {@return the serial number} */
    public BigInteger serialNumber() {
        return certificate.getSerialNumber();
    }

    /** {@return the subject key identifier octets, or an empty array when the certificate has none} */
    public byte[] subjectKeyIdentifier() {
        return parsed().subjectKeyIdentifier().map(KeyIdentifier::toOctets).orElseGet(() -> new byte[0]);
    }

    /** {@return the certified public key (JCA, Bouncy Castle provider)} */
    public PublicKey publicKey() {
        return key.toPublicKey();
    }

    /** {@return whether the PKI holds the private key} */
    public boolean hasPrivateKey() {
        return key.hasPrivateKey();
    }

    /** {@return the private key as PKCS#8, when the PKI holds it} */
    public Optional<PrivateKeyInfo> privateKeyInfo() {
        return key.privateKeyInfo();
    }

    /** {@return the key pair (JCA, Bouncy Castle provider), when the PKI holds the private key} */
    public Optional<KeyPair> keyPair() {
        return key.toKeyPair();
    }

    /**
     * {@return the private key as an unencrypted PKCS#8 PEM block}
     *
     * @throws IllegalStateException when the PKI does not hold the private key
     */
    public String privateKeyPem() {
        return CertificateFiles.toPem(
                privateKeyInfo().orElseThrow(() -> new IllegalStateException("No private key is held for " + this)));
    }

    /**
     * {@return a signer for one content (such as a CRL this CA issues) with the private key: ecdsa-with-SHA256
     * without parameters, deterministic (RFC 6979), so the same key and content always give the same signature}
     *
     * @throws IllegalStateException when the PKI does not hold the private key
     */
    @Override
    public ContentSigner contentSigner() {
        return new EcdsaContentSigner(key.privateParameters());
    }

    EcKey key() {
        return key;
    }

    @Override
    public boolean equals(@Nullable Object o) {
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
                + parsed().serialHex() + "]";
    }
}
