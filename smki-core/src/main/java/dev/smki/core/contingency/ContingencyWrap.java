package dev.smki.core.contingency;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESWrapPadEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * How the contingency public key is wrapped under the Symmetric Key inside the Root OCA certificate: AES key
 * wrap with padding (RFC 5649), with a 128, 192 or 256-bit key. The SEC text was not available; RFC 5934's
 * design and the recollection of a 128-bit AES key make {@link #AES_128_WRAP_PAD} the default, and the whole
 * choice is {@linkplain dev.smki.core.provenance.Confidence#RECONSTRUCTED reconstructed} (certificates.md §1.2).
 */
public enum ContingencyWrap {
    /** AES-128 key wrap with padding, {@code id-aes128-wrap-pad} 2.16.840.1.101.3.4.1.8. */
    AES_128_WRAP_PAD(NISTObjectIdentifiers.id_aes128_wrap_pad, 16, "aes128-wrap-pad"),
    /** AES-192 key wrap with padding, {@code id-aes192-wrap-pad} 2.16.840.1.101.3.4.1.28. */
    AES_192_WRAP_PAD(NISTObjectIdentifiers.id_aes192_wrap_pad, 24, "aes192-wrap-pad"),
    /** AES-256 key wrap with padding, {@code id-aes256-wrap-pad} 2.16.840.1.101.3.4.1.48. */
    AES_256_WRAP_PAD(NISTObjectIdentifiers.id_aes256_wrap_pad, 32, "aes256-wrap-pad");

    private final ASN1ObjectIdentifier oid;
    private final int keyLength;
    private final String text;

    ContingencyWrap(ASN1ObjectIdentifier oid, int keyLength, String text) {
        this.oid = oid;
        this.keyLength = keyLength;
        this.text = text;
    }

    /** {@return the algorithm's object identifier} */
    public String oid() {
        return oid.getId();
    }

    /** {@return the Symmetric Key length in octets: 16, 24 or 32} */
    public int keyLength() {
        return keyLength;
    }

    /** {@return the short name, such as {@code aes128-wrap-pad}, that {@link #parse} reads} */
    public String text() {
        return text;
    }

    /** {@return the AlgorithmIdentifier, parameters absent as RFC 5649 and RFC 3565 ask} */
    public AlgorithmIdentifier algorithmIdentifier() {
        return new AlgorithmIdentifier(oid);
    }

    /**
     * {@return the wrap algorithm named by {@code text}: its short name, enum name or OID}
     *
     * @param text the text to read
     * @throws IllegalArgumentException when {@code text} names none
     */
    public static ContingencyWrap parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        for (ContingencyWrap wrap : values()) {
            if (wrap.text.equalsIgnoreCase(t)
                    || wrap.name().equalsIgnoreCase(t)
                    || wrap.oid().equals(t)) {
                return wrap;
            }
        }
        throw new IllegalArgumentException("Unknown contingency wrap algorithm '" + text + "' (expected one of "
                + Arrays.stream(values()).map(w -> w.text).toList() + ")");
    }

    /**
     * {@return the wrap algorithm with object identifier {@code oid}, if it is one of these}
     *
     * @param oid the algorithm's dotted OID
     */
    public static Optional<ContingencyWrap> ofOid(String oid) {
        for (ContingencyWrap wrap : values()) {
            if (wrap.oid().equals(oid)) {
                return Optional.of(wrap);
            }
        }
        return Optional.empty();
    }

    byte[] wrap(SymmetricKey key, byte[] plaintext) {
        checkKey(key);
        AESWrapPadEngine engine = new AESWrapPadEngine();
        engine.init(true, new KeyParameter(key.octets()));
        return engine.wrap(plaintext, 0, plaintext.length);
    }

    Optional<byte[]> unwrap(SymmetricKey key, byte[] wrapped) {
        if (key.length() != keyLength) {
            return Optional.empty();
        }
        AESWrapPadEngine engine = new AESWrapPadEngine();
        engine.init(false, new KeyParameter(key.octets()));
        try {
            return Optional.of(engine.unwrap(wrapped, 0, wrapped.length));
        } catch (InvalidCipherTextException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void checkKey(SymmetricKey key) {
        Objects.requireNonNull(key, "key");
        if (key.length() != keyLength) {
            throw new IllegalArgumentException(
                    name().toLowerCase(Locale.ROOT) + " needs a " + keyLength + "-octet key, got " + key.length());
        }
    }
}
