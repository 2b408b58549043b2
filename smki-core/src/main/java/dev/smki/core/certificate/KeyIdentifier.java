package dev.smki.core.certificate;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A key identifier: the value of a subjectKeyIdentifier, or the keyIdentifier of an authorityKeyIdentifier
 * (RFC 5280 §4.2.1.1, §4.2.1.2). SMKI key identifiers are 8 octets (CERT-7, CERT-8, CERT-10); this type holds
 * any length, so that a certificate breaking those rules can still be read. Immutable; written as upper-case
 * hex such as {@code 4A1B2C3D4E5F6071}.
 */
public final class KeyIdentifier {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final byte[] octets;

    private KeyIdentifier(byte[] octets) {
        this.octets = octets;
    }

    /**
     * {@return the identifier with the given octets (copied)}
     *
     * @param octets the identifier's octets
     */
    public static KeyIdentifier of(byte[] octets) {
        return new KeyIdentifier(Objects.requireNonNull(octets, "octets").clone());
    }

    /**
     * Reads hex digits, in either case.
     *
     * @param hex hex digits
     * @return the identifier
     * @throws IllegalArgumentException when {@code hex} is not an even number of hex digits
     */
    public static KeyIdentifier parse(CharSequence hex) {
        Objects.requireNonNull(hex, "hex");
        try {
            return new KeyIdentifier(HexFormat.of().parseHex(hex.toString().strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a key identifier: '" + hex + "' (expected pairs of hex digits)", e);
        }
    }

    /** {@return a copy of the octets} */
    public byte[] toOctets() {
        return octets.clone();
    }

    /** {@return the number of octets: 8 for an SMKI key identifier} */
    public int length() {
        return octets.length;
    }

    /**
     * {@return whether this identifier has the octets {@code other}}
     *
     * @param other octets, or {@code null}
     */
    public boolean matches(byte @Nullable [] other) {
        return other != null && Arrays.equals(octets, other);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof KeyIdentifier other && Arrays.equals(octets, other.octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }

    /** Returns the upper-case hex form {@link #parse} reads. */
    @Override
    public String toString() {
        return HEX.formatHex(octets);
    }
}
