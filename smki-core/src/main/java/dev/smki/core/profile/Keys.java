package dev.smki.core.profile;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.jspecify.annotations.Nullable;

/**
 * Public keys, key identifiers and signature algorithms, with Bouncy Castle's lightweight API (no JCA): the
 * P-256 checks of CERT-4 and CERT-5, RFC 5280 §4.2.1.2 method (2) key identifiers (CERT-8) and the signature
 * algorithm of CERT-3. Signatures themselves are verified by {@code EcdsaVerifier}.
 */
final class Keys {

    static final ASN1ObjectIdentifier EC_PUBLIC_KEY = X9ObjectIdentifiers.id_ecPublicKey;
    static final ASN1ObjectIdentifier PRIME256V1 = X9ObjectIdentifiers.prime256v1;
    static final ASN1ObjectIdentifier ECDSA_WITH_SHA256 = X9ObjectIdentifiers.ecdsa_with_SHA256;

    private static final ECCurve P256 =
            CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1).getCurve();
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Keys() {}

    /** Returns upper-case hex without separators. */
    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Returns what is wrong with the SPKI algorithm for CERT-4, or null when it is id-ecPublicKey on prime256v1. */
    static @Nullable String algorithmProblem(SubjectPublicKeyInfo spki) {
        AlgorithmIdentifier algorithm = spki.getAlgorithm();
        if (!EC_PUBLIC_KEY.equals(algorithm.getAlgorithm())) {
            return "key algorithm " + algorithm.getAlgorithm().getId();
        }
        ASN1Encodable parameters = algorithm.getParameters();
        if (!PRIME256V1.equals(parameters)) {
            return parameters instanceof ASN1ObjectIdentifier curve
                    ? "named curve " + curve.getId()
                    : "curve parameters " + (parameters == null ? "absent" : "given explicitly");
        }
        return null;
    }

    /**
     * Returns what is wrong with the public key point for CERT-5, or null when it is a 65-byte uncompressed
     * point on P-256. Never throws.
     */
    static @Nullable String pointProblem(SubjectPublicKeyInfo spki) {
        if (spki.getPublicKeyData().getPadBits() != 0) {
            return "public key BIT STRING has unused bits";
        }
        byte[] point = spki.getPublicKeyData().getOctets();
        if (point.length == 0) {
            return "empty public key";
        }
        if (point[0] != 0x04 || point.length != 65) {
            return point.length + "-byte point starting 0x" + hex(new byte[] {point[0]})
                    + (point[0] == 0x02 || point[0] == 0x03 ? " (compressed)" : "");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        if (!P256.isValidFieldElement(x)
                || !P256.isValidFieldElement(y)
                || !P256.createPoint(x, y).isValid()) {
            return "point not on P-256";
        }
        return null;
    }

    /** Returns the RFC 5280 §4.2.1.2 method (2) key identifier of {@code spki}: 8 octets, first nibble 4. */
    static byte[] methodTwoKeyId(SubjectPublicKeyInfo spki) {
        byte[] key = spki.getPublicKeyData().getBytes();
        SHA1Digest sha1 = new SHA1Digest();
        sha1.update(key, 0, key.length);
        byte[] hash = new byte[sha1.getDigestSize()];
        sha1.doFinal(hash, 0);
        byte[] id = Arrays.copyOfRange(hash, hash.length - 8, hash.length);
        id[0] = (byte) ((id[0] & 0x0F) | 0x40);
        return id;
    }

    /** Returns what is wrong with a signature algorithm for CERT-3, or null when it is bare ecdsa-with-SHA256. */
    static @Nullable String signatureAlgorithmProblem(AlgorithmIdentifier algorithm) {
        if (!ECDSA_WITH_SHA256.equals(algorithm.getAlgorithm())) {
            return algorithm.getAlgorithm().getId();
        }
        ASN1Encodable parameters = algorithm.getParameters();
        if (parameters != null) {
            return "ecdsa-with-SHA256 with " + (parameters instanceof DERNull ? "NULL parameters" : "parameters");
        }
        return null;
    }
}
