package dev.smki.core.gbcs;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Objects;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * The signatures GBCS messages carry (GBCS §6.3.3 for a Known Remote Party's, the same form for a Device's):
 * ECDSA on P-256 with SHA-256, written as the 64 octets {@code r || s} (each 32 octets, big-endian) after the
 * length octet {@code 0x40}. The signed data is the Grouping Header from its transaction identifier on (the
 * general-signing tag {@code 0xDF} is not signed) followed by the payload.
 *
 * <p>The algorithm and the {@code r || s} form are as the issue and GBCS §6.3.3 name them; which bytes are signed
 * is {@linkplain dev.smki.core.provenance.Confidence#INFERRED inferred} from the DCC's open-source GBCS parser,
 * which checks the Reference Test Data Set signatures over exactly those bytes, and from DLMS general-signing.
 */
public final class KrpSignature {

    /** The length of a signature, and the octet announcing one. */
    public static final int LENGTH = 64;

    private static final X9ECParameters P256 = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1);
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256);

    private KrpSignature() {}

    /**
     * {@return {@code key}'s signature of {@code data} as {@code r || s} (RFC 6979 nonces, so deterministic)}
     *
     * @param key the key that signs
     * @param data the bytes to sign
     */
    public static byte[] sign(GbcsSigner key, byte[] data) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
        byte[] der = key.sign(data);
        try {
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(DOMAIN.getN(), der);
            return PlainDSAEncoding.INSTANCE.encode(DOMAIN.getN(), rs[0], rs[1]);
        } catch (IOException e) {
            throw new IllegalStateException("The signing key returned an unreadable signature", e);
        }
    }

    /**
     * {@return the P-256 public key in {@code spki}, on the optimised curve}
     *
     * @param spki the SubjectPublicKeyInfo
     */
    public static ECPublicKeyParameters publicKey(SubjectPublicKeyInfo spki) {
        Objects.requireNonNull(spki, "spki");
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(spki.getAlgorithm().getAlgorithm())
                || !X9ObjectIdentifiers.prime256v1.equals(spki.getAlgorithm().getParameters())) {
            throw new IllegalArgumentException(
                    "Not a P-256 public key: " + spki.getAlgorithm().getAlgorithm());
        }
        try {
            return new ECPublicKeyParameters(
                    P256.getCurve().decodePoint(spki.getPublicKeyData().getOctets()), DOMAIN);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a valid P-256 point: " + e.getMessage(), e);
        }
    }

    /**
     * {@return whether {@code signature}, 64 octets {@code r || s}, signs the SHA-256 of {@code length} bytes of
     * {@code data} from {@code offset} with {@code key}}
     *
     * @param key the public key to verify with
     * @param data the bytes holding the signed part
     * @param offset where the signed part starts in {@code data}
     * @param length how many bytes the signed part takes
     * @param signature the signature to check
     */
    public static boolean verifies(ECPublicKeyParameters key, byte[] data, int offset, int length, byte[] signature) {
        Objects.requireNonNull(key, "key");
        Objects.checkFromIndexSize(offset, length, data.length);
        if (signature.length != LENGTH) {
            return false;
        }
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, offset, length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, LENGTH / 2));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, LENGTH / 2, LENGTH));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(hash, r, s);
    }
}
