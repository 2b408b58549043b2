package dev.smki.core.issuance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.operator.ContentSigner;

/**
 * Signs with ecdsa-with-SHA256 (parameters absent, CERT-3) using deterministic ECDSA (RFC 6979,
 * HMAC-SHA256 nonces), so that the same key and content always give the same signature. One instance signs
 * one content; make a new one per signature (they are cheap).
 */
final class EcdsaContentSigner implements ContentSigner {

    /** ecdsa-with-SHA256, 1.2.840.10045.4.3.2, with no parameters field. */
    static final AlgorithmIdentifier ECDSA_WITH_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

    private final ECPrivateKeyParameters key;
    private final SHA256Digest digest = new SHA256Digest();
    private final OutputStream stream = new OutputStream() {
        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }
    };

    EcdsaContentSigner(ECPrivateKeyParameters key) {
        this.key = key;
    }

    /** Returns the DER ECDSA-Sig-Value over {@code content}. */
    static byte[] sign(ECPrivateKeyParameters key, byte[] content) {
        EcdsaContentSigner signer = new EcdsaContentSigner(key);
        signer.digest.update(content, 0, content.length);
        return signer.getSignature();
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return ECDSA_WITH_SHA256;
    }

    @Override
    public OutputStream getOutputStream() {
        return stream;
    }

    @Override
    public byte[] getSignature() {
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(hash);
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])})
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
