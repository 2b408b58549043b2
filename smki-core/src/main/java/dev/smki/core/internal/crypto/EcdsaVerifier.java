package dev.smki.core.internal.crypto;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * A public key decoded once for verifying ECDSA signatures with Bouncy Castle's lightweight API (no JCA), or why
 * it cannot be decoded. Immutable and safe to share between threads; Bouncy Castle keeps its precomputation for
 * the key's point on the point itself, so verifying many signatures with one shared instance is faster than
 * decoding the key each time.
 */
public final class EcdsaVerifier {

    private final AsymmetricKeyParameter key;
    private final String problem;

    private EcdsaVerifier(AsymmetricKeyParameter key, String problem) {
        this.key = key;
        this.problem = problem;
    }

    /** Returns the verifier of {@code spki}; never throws: a key that cannot be decoded is kept as a problem. */
    public static EcdsaVerifier of(SubjectPublicKeyInfo spki) {
        try {
            return new EcdsaVerifier(PublicKeyFactory.createKey(spki), null);
        } catch (IOException | RuntimeException e) {
            return new EcdsaVerifier(
                    null, "cannot read the signing key: its DER is not a public key this library reads");
        }
    }

    /**
     * Returns null when {@code signature} over the DER encoding of {@code signed} verifies with this key under the
     * ECDSA {@code algorithm}, or else what went wrong, in words fit for a report.
     */
    public String problem(AlgorithmIdentifier algorithm, ASN1Encodable signed, byte[] signature) {
        Digest digest = digestFor(algorithm.getAlgorithm());
        if (digest == null) {
            return "cannot verify signature algorithm "
                    + algorithm.getAlgorithm().getId();
        }
        if (problem != null) {
            return problem;
        }
        byte[] data;
        try {
            data = signed.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException | RuntimeException e) {
            return "cannot re-encode the signed content as DER";
        }
        DSADigestSigner verifier = new DSADigestSigner(new ECDSASigner(), digest);
        try {
            verifier.init(false, key);
        } catch (RuntimeException e) {
            return "the signing key is not an EC key";
        }
        verifier.update(data, 0, data.length);
        return verifier.verifySignature(signature) ? null : "signature does not verify";
    }

    private static Digest digestFor(ASN1ObjectIdentifier algorithm) {
        if (X9ObjectIdentifiers.ecdsa_with_SHA256.equals(algorithm)) {
            return new SHA256Digest();
        }
        if (X9ObjectIdentifiers.ecdsa_with_SHA384.equals(algorithm)) {
            return new SHA384Digest();
        }
        if (X9ObjectIdentifiers.ecdsa_with_SHA512.equals(algorithm)) {
            return new SHA512Digest();
        }
        return null;
    }

    /** Returns {@code EcdsaVerifier}; the key is public, but there is nothing useful to show. */
    @Override
    public String toString() {
        return problem == null ? "EcdsaVerifier" : "EcdsaVerifier[" + problem + "]";
    }
}
