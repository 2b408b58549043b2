package dev.smki.core.issuance;

import dev.smki.core.internal.crypto.BouncyCastle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A NIST P-256 key held as Bouncy Castle lightweight parameters, with the private half when the PKI holds
 * it. Its SubjectPublicKeyInfo is always the SMKI form: id-ecPublicKey, named curve prime256v1, uncompressed
 * point (CERT-4, CERT-5). {@link #toString} never shows the private key.
 */
final class EcKey {

    static final ECNamedDomainParameters P256 = ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1);

    private static final AlgorithmIdentifier EC_P256 =
            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1);

    private final ECPublicKeyParameters publicKey;
    private final ECPrivateKeyParameters privateKey;
    private final SubjectPublicKeyInfo publicKeyInfo;

    private EcKey(ECPublicKeyParameters publicKey, ECPrivateKeyParameters privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.publicKeyInfo = new SubjectPublicKeyInfo(EC_P256, publicKey.getQ().getEncoded(false));
    }

    /** Returns a fresh P-256 key pair drawn from {@code random}. */
    static EcKey generate(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(P256, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new EcKey((ECPublicKeyParameters) pair.getPublic(), (ECPrivateKeyParameters) pair.getPrivate());
    }

    /** Returns the key pair {@code keyPair}, which must be on P-256. */
    static EcKey of(KeyPair keyPair) {
        Objects.requireNonNull(keyPair, "keyPair");
        return fromPrivateKeyInfo(
                PrivateKeyInfo.getInstance(keyPair.getPrivate().getEncoded()));
    }

    /** Returns the key pair held in a PKCS#8 structure, which must be on P-256. */
    static EcKey fromPrivateKeyInfo(PrivateKeyInfo info) {
        Objects.requireNonNull(info, "info");
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a readable private key: " + e.getMessage(), e);
        }
        if (!(key instanceof ECPrivateKeyParameters ec)
                || !onP256(ec.getParameters().getCurve())) {
            throw new IllegalArgumentException("Not a NIST P-256 private key");
        }
        ECPrivateKeyParameters priv = new ECPrivateKeyParameters(ec.getD(), P256);
        ECPoint q =
                new FixedPointCombMultiplier().multiply(P256.getG(), ec.getD()).normalize();
        return new EcKey(new ECPublicKeyParameters(q, P256), priv);
    }

    /** Returns a public-only key, as read from a certificate or CSR. */
    static EcKey fromPublicKeyInfo(SubjectPublicKeyInfo info) {
        Objects.requireNonNull(info, "info");
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a readable public key: " + e.getMessage(), e);
        }
        if (!(key instanceof ECPublicKeyParameters ec)
                || !onP256(ec.getParameters().getCurve())) {
            throw new IllegalArgumentException("Not a NIST P-256 public key");
        }
        ECPoint q = P256.getCurve().importPoint(ec.getQ()).normalize();
        return new EcKey(new ECPublicKeyParameters(q, P256), null);
    }

    private static boolean onP256(org.bouncycastle.math.ec.ECCurve curve) {
        return P256.getCurve().equals(curve);
    }

    SubjectPublicKeyInfo publicKeyInfo() {
        return publicKeyInfo;
    }

    ECPublicKeyParameters publicParameters() {
        return publicKey;
    }

    boolean hasPrivateKey() {
        return privateKey != null;
    }

    /** Returns the private half; only for signing inside this package. */
    ECPrivateKeyParameters privateParameters() {
        if (privateKey == null) {
            throw new IllegalStateException("This key has no private half");
        }
        return privateKey;
    }

    /** Returns this key as PKCS#8, the SEC 1 ECPrivateKey with the named curve and public key. */
    Optional<PrivateKeyInfo> privateKeyInfo() {
        if (privateKey == null) {
            return Optional.empty();
        }
        try {
            ECPrivateKey sec1 = new ECPrivateKey(
                    256, privateKey.getD(), new DERBitString(publicKey.getQ().getEncoded(false)), null);
            return Optional.of(new PrivateKeyInfo(EC_P256, sec1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the JCA public key, made with the Bouncy Castle provider. */
    PublicKey toPublicKey() {
        try {
            return KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
                    .generatePublic(new X509EncodedKeySpec(publicKeyInfo.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot convert a P-256 public key", e);
        }
    }

    /** Returns the JCA key pair, made with the Bouncy Castle provider. */
    Optional<KeyPair> toKeyPair() {
        return privateKeyInfo().map(info -> {
            try {
                PrivateKey priv = KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
                        .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
                return new KeyPair(toPublicKey(), priv);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("Cannot convert a P-256 private key", e);
            }
        });
    }

    /** Returns whether {@code other} has the same public key. */
    boolean samePublicKey(EcKey other) {
        return publicKey.getQ().equals(other.publicKey.getQ());
    }

    @Override
    public String toString() {
        return "EcKey[P-256, " + (privateKey == null ? "public only" : "with private key") + "]";
    }
}
