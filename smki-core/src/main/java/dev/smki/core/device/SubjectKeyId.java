package dev.smki.core.device;

import dev.smki.core.issuance.IssuedCertificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The subject key identifier of an anchored certificate, the key identity a trust-anchor cell reports (GBCS
 * CS02a "Subject Key Identifier"; recovery.md §1.2). SMKI key identifiers are 8 octets (CERT-7, CERT-8); this
 * type takes 1 to 32. Immutable; written as upper-case hex such as {@code 4A1B2C3D4E5F6071}.
 */
public final class SubjectKeyId {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final byte[] octets;

    private SubjectKeyId(byte[] octets) {
        this.octets = octets;
    }

    /**
     * Returns the identifier with the given octets.
     *
     * @throws IllegalArgumentException when there are none or more than 32
     */
    public static SubjectKeyId of(byte[] octets) {
        Objects.requireNonNull(octets, "octets");
        if (octets.length == 0 || octets.length > 32) {
            throw new IllegalArgumentException("A subject key identifier has 1 to 32 octets, got " + octets.length);
        }
        return new SubjectKeyId(octets.clone());
    }

    /**
     * Returns the subject key identifier of {@code certificate}.
     *
     * @throws IllegalArgumentException when the certificate has none
     */
    public static SubjectKeyId of(IssuedCertificate certificate) {
        return of(Objects.requireNonNull(certificate, "certificate").subjectKeyIdentifier());
    }

    /**
     * Reads hex digits, in either case.
     *
     * @throws IllegalArgumentException when {@code hex} is not 2 to 64 hex digits
     */
    public static SubjectKeyId parse(CharSequence hex) {
        Objects.requireNonNull(hex, "hex");
        try {
            return of(HexFormat.of().parseHex(hex.toString().trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a subject key identifier: '" + hex + "' (" + e.getMessage() + ")");
        }
    }

    /** Returns a copy of the octets. */
    public byte[] toOctets() {
        return octets.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectKeyId other && Arrays.equals(octets, other.octets);
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
