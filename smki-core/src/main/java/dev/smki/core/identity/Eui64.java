package dev.smki.core.identity;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A 64-bit Extended Unique Identifier naming a Device or a Party, written {@code 00-DB-12-34-56-78-90-A0}.
 *
 * <p>Every 64-bit pattern is a valid EUI-64. The canonical text form is the DUIS form: eight upper-case
 * hex octets separated by hyphens. {@link #parse} also reads the compact form {@code 00DB1234567890A0} in
 * any case. Ordering is by the unsigned 64-bit value, so {@code FF-...} sorts after {@code 00-...}.
 *
 * @param value the identifier as a 64-bit pattern (unsigned; negative values are the upper half)
 */
public record Eui64(long value) implements Comparable<Eui64> {

    private static final HexFormat CANONICAL = HexFormat.ofDelimiter("-").withUpperCase();
    private static final HexFormat COMPACT = HexFormat.of().withUpperCase();

    /** The lowest identifier, {@code 00-00-00-00-00-00-00-00}. */
    public static final Eui64 MIN = new Eui64(0L);

    /** The highest identifier, {@code FF-FF-FF-FF-FF-FF-FF-FF}. */
    public static final Eui64 MAX = new Eui64(-1L);

    /**
     * {@return the identifier with the given 64-bit value}
     *
     * @param value the 64-bit value
     */
    public static Eui64 of(long value) {
        return new Eui64(value);
    }

    /**
     * Reads an EUI-64 from its hyphenated ({@code 00-DB-12-34-56-78-90-A0}) or compact
     * ({@code 00DB1234567890A0}) text form, in any letter case.
     *
     * @param text the text to read
     * @return the identifier
     * @throws IllegalArgumentException naming the text when it is neither form
     */
    public static Eui64 parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String s = text.toString().trim();
        String hex;
        if (s.length() == 23) {
            for (int i = 2; i < 23; i += 3) {
                if (s.charAt(i) != '-') {
                    throw invalid(text);
                }
            }
            hex = s.replace("-", "");
        } else if (s.length() == 16) {
            hex = s;
        } else {
            throw invalid(text);
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw invalid(text);
            }
        }
        return new Eui64(Long.parseUnsignedLong(hex, 16));
    }

    /**
     * {@return the identifier held in exactly eight octets, most significant first}
     *
     * @param octets eight octets
     * @throws IllegalArgumentException when {@code octets} is not eight bytes long
     */
    public static Eui64 fromOctets(byte[] octets) {
        Objects.requireNonNull(octets, "octets");
        if (octets.length != 8) {
            throw new IllegalArgumentException("An EUI-64 is 8 octets, got " + octets.length);
        }
        long v = 0;
        for (byte b : octets) {
            v = (v << 8) | (b & 0xFF);
        }
        return new Eui64(v);
    }

    private static IllegalArgumentException invalid(CharSequence text) {
        return new IllegalArgumentException(
                "Not an EUI-64: '" + text + "' (expected 00-DB-12-34-56-78-90-A0 or 00DB1234567890A0)");
    }

    /** {@return the eight octets of this identifier, most significant first} */
    public byte[] toOctets() {
        byte[] octets = new byte[8];
        long v = value;
        for (int i = 7; i >= 0; i--) {
            octets[i] = (byte) v;
            v >>>= 8;
        }
        return octets;
    }

    /** {@return the compact text form, sixteen upper-case hex digits such as {@code 00DB1234567890A0}} */
    public String toCompactString() {
        return COMPACT.formatHex(toOctets());
    }

    /** {@return the compact text form in lower case, as used in file names such as {@code 00db1234567890a0-ds.pem}} */
    public String toFileName() {
        return toCompactString().toLowerCase(Locale.ROOT);
    }

    /**
     * {@return the identifier {@code delta} places after this one}
     *
     * @param delta how many places to move, negative to move back
     * @throws ArithmeticException when the result would pass {@link #MAX}
     */
    public Eui64 plus(long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("delta must not be negative: " + delta);
        }
        long result = value + delta;
        if (Long.compareUnsigned(result, value) < 0) {
            throw new ArithmeticException(this + " + " + delta + " passes FF-FF-FF-FF-FF-FF-FF-FF");
        }
        return new Eui64(result);
    }

    @Override
    public int compareTo(Eui64 other) {
        return Long.compareUnsigned(value, other.value);
    }

    /** Returns the canonical text form, such as {@code 00-DB-12-34-56-78-90-A0}. */
    @Override
    public String toString() {
        return CANONICAL.formatHex(toOctets());
    }
}
