package dev.smki.examples.bench;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.util.Pack;

/**
 * The fleet baseline: per Device, raw Bouncy Castle through JCA signs a message the size of a command's signed
 * part with deterministic ECDSA P-256/SHA-256 (RFC 6979, {@code SHA256withECDDSA}, the nonces the library's
 * signatures use) and verifies the signature, with one key pair made at the start (so, like a Device's anchor,
 * the verifying key is reused and Bouncy Castle keeps its precomputation for it).
 */
final class RawSignAndVerify implements Workload {

    private final int messageBytes;
    private final KeyPair keyPair;

    RawSignAndVerify(int messageBytes) {
        if (messageBytes < Long.BYTES) {
            throw new IllegalArgumentException("A message has at least 8 bytes, not " + messageBytes);
        }
        this.messageBytes = messageBytes;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", RawBouncyCastle.PROVIDER);
            generator.initialize(new ECGenParameterSpec("secp256r1"), SecureRandom.getInstance("DRBG"));
            this.keyPair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the raw Bouncy Castle baseline", e);
        }
    }

    @Override
    public Worker newWorker() {
        SecureRandom random;
        Signature signer;
        Signature verifier;
        try {
            random = SecureRandom.getInstance("DRBG");
            signer = Signature.getInstance("SHA256withECDDSA", RawBouncyCastle.PROVIDER);
            verifier = Signature.getInstance("SHA256withECDSA", RawBouncyCastle.PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the raw Bouncy Castle baseline", e);
        }
        byte[] message = new byte[messageBytes];
        random.nextBytes(message);
        return item -> {
            Pack.longToBigEndian(item, message, 0);
            try {
                signer.initSign(keyPair.getPrivate());
                signer.update(message);
                byte[] signature = signer.sign();
                verifier.initVerify(keyPair.getPublic());
                verifier.update(message);
                return verifier.verify(signature) ? 1 : 0;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot sign or verify", e);
            }
        };
    }
}
