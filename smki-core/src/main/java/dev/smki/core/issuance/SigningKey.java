package dev.smki.core.issuance;

import dev.smki.core.gbcs.GbcsSigner;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Returns signatures the way the test PKI signs its own certificates: ecdsa-with-SHA256 on P-256 with
 * deterministic nonces (RFC 6979), so the same key and content always give the same signature. Made from a
 * certificate whose private key the PKI holds, from the contingency material, or from any P-256 key pair; used
 * to sign device commands and responses ({@link GbcsSigner}).
 *
 * <p>Immutable and safe to share between threads; {@link #toString} never shows the private key.
 */
public final class SigningKey implements GbcsSigner {

    private final EcKey key;

    private SigningKey(EcKey key) {
        this.key = key;
    }

    /**
     * {@return the private key of {@code certificate}}
     *
     * @param certificate a certificate whose private key the PKI holds
     * @throws IllegalArgumentException when the PKI does not hold that private key
     */
    public static SigningKey of(IssuedCertificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        if (!certificate.hasPrivateKey()) {
            throw new IllegalArgumentException("The private key of " + certificate + " is not held");
        }
        return new SigningKey(certificate.key());
    }

    /**
     * {@return the contingency private key of {@code contingency}}
     *
     * @param contingency the contingency material
     */
    public static SigningKey of(ContingencyMaterial contingency) {
        return new SigningKey(Objects.requireNonNull(contingency, "contingency").key());
    }

    /**
     * {@return the private key of {@code keyPair}}
     *
     * @param keyPair a P-256 key pair
     * @throws IllegalArgumentException when the key pair is not on P-256
     */
    public static SigningKey of(KeyPair keyPair) {
        return new SigningKey(EcKey.of(keyPair));
    }

    /**
     * Returns a fresh P-256 key drawn from {@code random}.
     *
     * @param random the source of the key
     * @return the new key
     */
    public static SigningKey generate(SecureRandom random) {
        return new SigningKey(EcKey.generate(Objects.requireNonNull(random, "random")));
    }

    /**
     * Returns the P-256 private key held in {@code privateKey} (PKCS#8, as {@link
     * CertificateFiles#readPrivateKey} reads it).
     *
     * @param privateKey the PKCS#8 private key
     * @return the key
     * @throws IllegalArgumentException when it is not a P-256 private key
     */
    public static SigningKey of(PrivateKeyInfo privateKey) {
        return new SigningKey(EcKey.fromPrivateKeyInfo(Objects.requireNonNull(privateKey, "privateKey")));
    }

    /**
     * {@return the private key as an unencrypted PKCS#8 PEM block, to write to a file only the owner can read}
     */
    public String privateKeyPem() {
        return CertificateFiles.toPem(key.privateKeyInfo().orElseThrow());
    }

    /**
     * {@return the DER ECDSA-Sig-Value of {@code content}, signed with SHA-256 and an RFC 6979 nonce}
     *
     * @param content the bytes to sign
     */
    @Override
    public byte[] sign(byte[] content) {
        Objects.requireNonNull(content, "content");
        return EcdsaContentSigner.sign(key.privateParameters(), content);
    }

    /** {@return the public half, in the SMKI form (id-ecPublicKey, prime256v1, uncompressed point)} */
    public SubjectPublicKeyInfo publicKeyInfo() {
        return key.publicKeyInfo();
    }

    /** Returns {@code SigningKey[P-256]}; never the private key. */
    @Override
    public String toString() {
        return "SigningKey[P-256]";
    }
}
