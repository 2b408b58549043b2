package dev.smki.core.gbcs;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes DER values from parts already encoded, so that certificates are copied into a message as the exact
 * bytes they are, never decoded and re-encoded: definite lengths in the fewest octets, INTEGERs in their fewest
 * octets. The same length form is used by the GBCS header fields ({@link #length}).
 */
public final class DerWriter {

    private DerWriter() {}

    /**
     * {@return the encoding of a value tagged {@code tag} whose contents are {@code parts} one after the other}
     *
     * @param tag the one-octet tag
     * @param parts the encodings that make up the contents, in order
     */
    public static byte[] tlv(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        out.writeBytes(length(length));
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /**
     * {@return the encoding of a value tagged {@code tag} whose contents are {@code parts} one after the other}
     *
     * @param tag the one-octet tag
     * @param parts the encodings that make up the contents, in order
     */
    public static byte[] tlv(int tag, List<byte[]> parts) {
        return tlv(tag, parts.toArray(byte[][]::new));
    }

    /**
     * {@return a non-negative INTEGER (or a value implicitly tagged {@code tag} as one) in its fewest octets}
     *
     * @param tag the one-octet tag
     * @param value the value, not negative
     */
    public static byte[] integer(int tag, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Only non-negative INTEGERs are written: " + value);
        }
        return tlv(tag, BigInteger.valueOf(value).toByteArray());
    }

    /**
     * {@return a length in its fewest octets: one below 128, otherwise 0x81 to 0x84 and that many octets}
     *
     * @param length the length, not negative
     */
    public static byte[] length(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("A length is not negative: " + length);
        }
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] out = new byte[octets + 1];
        out[0] = (byte) (0x80 | octets);
        for (int i = 0; i < octets; i++) {
            out[octets - i] = (byte) (length >>> (8 * i));
        }
        return out;
    }

    /**
     * {@return {@code value} big-endian in exactly {@code count} octets}
     *
     * @param value the value
     * @param count how many octets to write it in
     */
    public static byte[] unsigned(long value, int count) {
        if (count < 1 || count > 8) {
            throw new IllegalArgumentException("1 to 8 octets, not " + count);
        }
        byte[] out = new byte[count];
        for (int i = count - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    /**
     * {@return {@code parts} one after the other}
     *
     * @param parts the byte arrays to join, in order
     */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
