package dev.smki.core.contingency;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A secret AES key, such as the contingency Symmetric Key that unwraps the Root OCA's contingency public key
 * (recovery.md §1.3). Immutable; {@link #toString} never shows the key.
 */
public final class SymmetricKey {

    private final byte[] octets;

    private SymmetricKey(byte[] octets) {
        this.octets = octets;
    }

    /**
     * {@return the key with the given octets: 16, 24 or 32 of them (AES-128, -192 or -256)}
     *
     * @param octets the key's octets
     * @throws IllegalArgumentException for any other length
     */
    public static SymmetricKey of(byte[] octets) {
        Objects.requireNonNull(octets, "octets");
        if (octets.length != 16 && octets.length != 24 && octets.length != 32) {
            throw new IllegalArgumentException("An AES key is 16, 24 or 32 octets, got " + octets.length);
        }
        return new SymmetricKey(octets.clone());
    }

    /**
     * Reads a key from hex digits (either case, surrounding white space ignored).
     *
     * @param hex hex digits
     * @return the key
     * @throws IllegalArgumentException when the text is not 32, 48 or 64 hex digits
     */
    public static SymmetricKey parseHex(CharSequence hex) {
        Objects.requireNonNull(hex, "hex");
        try {
            return of(HexFormat.of().parseHex(hex.toString().trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an AES key in hex: " + e.getMessage(), e);
        }
    }

    /**
     * {@return a new key of {@code length} octets drawn from {@code random}}
     *
     * @param random where the key's octets come from
     * @param length 16, 24 or 32
     * @throws IllegalArgumentException for any other length
     */
    public static SymmetricKey generate(SecureRandom random, int length) {
        Objects.requireNonNull(random, "random");
        if (length != 16 && length != 24 && length != 32) {
            throw new IllegalArgumentException("An AES key is 16, 24 or 32 octets, not " + length);
        }
        byte[] octets = new byte[length];
        random.nextBytes(octets);
        return new SymmetricKey(octets);
    }

    /** {@return a copy of the key octets} */
    public byte[] toOctets() {
        return octets.clone();
    }

    /** {@return the key length in octets: 16, 24 or 32} */
    public int length() {
        return octets.length;
    }

    /** {@return the key as lower-case hex digits} */
    public String toHex() {
        return HexFormat.of().formatHex(octets);
    }

    byte[] octets() {
        return octets;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SymmetricKey other && MessageDigest.isEqual(octets, other.octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }

    /** Returns {@code SymmetricKey[AES-128]}; never the key itself. */
    @Override
    public String toString() {
        return "SymmetricKey[AES-" + octets.length * 8 + "]";
    }
}
