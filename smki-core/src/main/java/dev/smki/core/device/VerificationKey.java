package dev.smki.core.device;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.contingency.WrappedApexContingencyKey;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.KrpSignature;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.jspecify.annotations.Nullable;

/**
 * A P-256 public key a Device verifies ECDSA/SHA-256 signatures with, held as Bouncy Castle lightweight
 * parameters on the optimised P-256 curve. Sharing one instance between Devices lets Bouncy Castle keep its
 * precomputed multiples of the point, so verification gets cheaper; verification itself is never memoised. It
 * verifies GBCS signatures ({@code r || s}, {@link KrpSignature}) and certificate signatures (DER).
 * Immutable and thread-safe.
 *
 * <p>This is the one class of the package that uses Bouncy Castle, for the elliptic-curve arithmetic; certificates
 * are read through {@link SmkiCertificate} (an architecture test holds the package to that).
 */
final class VerificationKey {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1));

    private final ECPublicKeyParameters parameters;
    private final byte[] subjectPublicKeyInfo;

    private VerificationKey(ECPublicKeyParameters parameters, byte[] subjectPublicKeyInfo) {
        this.parameters = parameters;
        this.subjectPublicKeyInfo = subjectPublicKeyInfo;
    }

    /**
     * Returns the key in {@code spki}.
     *
     * @throws IllegalArgumentException when it is not an id-ecPublicKey on prime256v1 with a valid point
     */
    static VerificationKey of(SubjectPublicKeyInfo spki) {
        ECPublicKeyParameters parameters = KrpSignature.publicKey(spki);
        try {
            return new VerificationKey(parameters, spki.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot encode the SubjectPublicKeyInfo: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the key in the DER SubjectPublicKeyInfo {@code spki}.
     *
     * @throws IllegalArgumentException when it is not a P-256 public key
     */
    static VerificationKey of(byte[] spki) {
        Objects.requireNonNull(spki, "spki");
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(spki);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a SubjectPublicKeyInfo: " + e.getMessage(), e);
        }
        return of(info);
    }

    /**
     * Returns the public key of {@code certificate}.
     *
     * @throws IllegalArgumentException when it is not a P-256 public key
     */
    static VerificationKey of(SmkiCertificate certificate) {
        return of(certificate.subjectPublicKeyInfo());
    }

    /**
     * Returns the contingency public key {@code symmetricKey} unwraps from {@code wrapped}; empty when it is not
     * the key it was wrapped under, or what it unwraps is not a P-256 public key.
     */
    static Optional<VerificationKey> unwrapped(WrappedApexContingencyKey wrapped, SymmetricKey symmetricKey) {
        return wrapped.unwrap(symmetricKey).flatMap(spki -> {
            try {
                return Optional.of(of(spki));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** Returns whether this key verifies {@code certificate}'s signature, which must be ecdsa-with-SHA256. */
    boolean verifiesSignatureOf(SmkiCertificate certificate) {
        return ECDSA_WITH_SHA256.equals(certificate.signatureAlgorithm())
                && verifies(certificate.signedPart(), certificate.signature());
    }

    /** Returns whether {@code signature}, a DER ECDSA-Sig-Value, signs the SHA-256 of {@code content}. */
    boolean verifies(byte[] content, byte[] signature) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(content, 0, content.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        BigInteger[] rs;
        try {
            rs = StandardDSAEncoding.INSTANCE.decode(DOMAIN.getN(), signature);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, parameters);
        return verifier.verifySignature(hash, rs[0], rs[1]);
    }

    /** Returns whether {@code message} carries a signature (r || s) of its signed part that this key verifies. */
    boolean verifies(GbcsMessage message) {
        return message.verifies(parameters);
    }

    /** Returns the DER SubjectPublicKeyInfo (not a copy: callers must not change it). */
    byte[] encoded() {
        return subjectPublicKeyInfo;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof VerificationKey other && Arrays.equals(subjectPublicKeyInfo, other.subjectPublicKeyInfo);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(subjectPublicKeyInfo);
    }

    @Override
    public String toString() {
        return "VerificationKey[P-256]";
    }
}
