package dev.smki.core.certificate;

import java.util.EnumSet;
import java.util.Set;

/**
 * One bit of the X.509 keyUsage extension (RFC 5280 §4.2.1.3). SMKI end-entity certificates assert exactly one
 * of {@link #DIGITAL_SIGNATURE} and {@link #KEY_AGREEMENT}; CA certificates {@link #KEY_CERT_SIGN}, and the
 * Root and Issuing OCAs also {@link #CRL_SIGN}.
 */
public enum KeyUsageBit {
    /** Bit 0, {@code digitalSignature}. */
    DIGITAL_SIGNATURE(0, "digitalSignature"),
    /** Bit 1, {@code nonRepudiation} (also called contentCommitment). */
    NON_REPUDIATION(1, "nonRepudiation"),
    /** Bit 2, {@code keyEncipherment}. */
    KEY_ENCIPHERMENT(2, "keyEncipherment"),
    /** Bit 3, {@code dataEncipherment}. */
    DATA_ENCIPHERMENT(3, "dataEncipherment"),
    /** Bit 4, {@code keyAgreement}. */
    KEY_AGREEMENT(4, "keyAgreement"),
    /** Bit 5, {@code keyCertSign}. */
    KEY_CERT_SIGN(5, "keyCertSign"),
    /** Bit 6, {@code cRLSign}. */
    CRL_SIGN(6, "cRLSign"),
    /** Bit 7, {@code encipherOnly}. */
    ENCIPHER_ONLY(7, "encipherOnly"),
    /** Bit 8, {@code decipherOnly}. */
    DECIPHER_ONLY(8, "decipherOnly");

    private final int bit;
    private final String x509Name;

    KeyUsageBit(int bit, String x509Name) {
        this.bit = bit;
        this.x509Name = x509Name;
    }

    /** {@return the bit number in the keyUsage BIT STRING, 0 to 8} */
    public int bit() {
        return bit;
    }

    /** {@return the name RFC 5280 gives the bit, such as {@code digitalSignature}} */
    public String x509Name() {
        return x509Name;
    }

    /**
     * Returns the bits set in {@code mask}, where bit {@code n} of the BIT STRING is the value Bouncy Castle's
     * {@code KeyUsage} constants give it (bit 0 is {@code 0x80}, bit 7 is {@code 0x01}, bit 8 is {@code 0x8000}).
     */
    static Set<KeyUsageBit> ofMask(int mask) {
        EnumSet<KeyUsageBit> bits = EnumSet.noneOf(KeyUsageBit.class);
        for (KeyUsageBit b : values()) {
            if ((mask & b.mask()) != 0) {
                bits.add(b);
            }
        }
        return bits;
    }

    private int mask() {
        return bit < 8 ? 0x80 >> bit : 0x8000;
    }
}
