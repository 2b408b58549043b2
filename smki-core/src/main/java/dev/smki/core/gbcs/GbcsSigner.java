package dev.smki.core.gbcs;

/**
 * The private key that signs a GBCS message: a Known Remote Party's key for a command's KRP Signature, or a
 * Device's Digital Signing key for its response (GBCS §6.3.3). It signs with ECDSA on P-256 and SHA-256 and
 * returns the DER {@code ECDSA-Sig-Value}, which {@link KrpSignature} writes as {@code r || s}.
 *
 * <p>The test PKI's {@code SigningKey} is one (RFC 6979 nonces, so a message is the same bytes each time it is
 * signed); any other holder of a P-256 private key, such as a simulated HSM that never exports it, can be
 * another. Implementations must be safe to call from several threads at once and must never show the private key
 * in {@code toString}.
 */
@FunctionalInterface
public interface GbcsSigner {

    /**
     * {@return the DER ECDSA-Sig-Value of the SHA-256 of {@code content}, signed with a P-256 private key}
     *
     * @param content the bytes to sign
     */
    byte[] sign(byte[] content);
}
