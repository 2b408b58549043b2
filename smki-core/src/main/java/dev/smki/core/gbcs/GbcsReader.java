package dev.smki.core.gbcs;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Walks the bytes of a GBCS message in place: fixed octets, counters, lengths and DER values, each read with its
 * offset from the start of the message, so that a Device can check the exact bytes that were signed and hand on
 * certificates as the exact bytes that were sent, never decoding and re-encoding them.
 *
 * <p>Strict: a DER value has a one-octet tag and a definite length in the fewest octets, an INTEGER its fewest
 * octets, and nothing is left over where a structure ends. Every problem is a {@link GbcsFormatException} naming
 * the offset and the field. A reader over a Device's response can be made to accept long-form lengths with
 * leading zeros ({@link #acceptPaddedLengths()}), which the DCC's reference responses use (for example
 * {@code 30 82 00 CA}); everything else stays strict. Not thread-safe.
 */
public final class GbcsReader {

    /** DER tag of INTEGER. */
    public static final int INTEGER = 0x02;
    /** DER tag of BIT STRING. */
    public static final int BIT_STRING = 0x03;
    /** DER tag of OCTET STRING. */
    public static final int OCTET_STRING = 0x04;
    /** DER tag of NULL. */
    public static final int NULL = 0x05;
    /** DER tag of ENUMERATED. */
    public static final int ENUMERATED = 0x0A;
    /** DER tag of GeneralizedTime. */
    public static final int GENERALIZED_TIME = 0x18;
    /** DER tag of SEQUENCE (and SEQUENCE OF). */
    public static final int SEQUENCE = 0x30;

    /**
     * One DER value: its tag, the offset of its tag, of its contents, and just past its end, all from the start
     * of the message.
     *
     * @param tag the one-octet tag
     * @param offset where the tag is
     * @param contentOffset where the contents start
     * @param end just past the last content octet
     */
    public record Tlv(int tag, int offset, int contentOffset, int end) {

        /** {@return the length of the whole encoding, tag and length octets included} */
        public int length() {
            return end - offset;
        }

        /** {@return the length of the contents} */
        public int contentLength() {
            return end - contentOffset;
        }
    }

    private final byte[] bytes;
    private final int end;
    private boolean paddedLengths;
    private int position;

    private GbcsReader(byte[] bytes, int start, int end, boolean paddedLengths) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
        this.paddedLengths = paddedLengths;
    }

    /**
     * {@return a strict reader over all of {@code bytes} (not copied: they must not change while read)}
     *
     * @param bytes the bytes to read
     */
    public static GbcsReader of(byte[] bytes) {
        return new GbcsReader(Objects.requireNonNull(bytes, "bytes"), 0, bytes.length, false);
    }

    /**
     * Lets this reader, and the readers made from it from now on, accept long-form lengths with leading zeros;
     * returns this reader.
     *
     * @return this reader
     */
    public GbcsReader acceptPaddedLengths() {
        this.paddedLengths = true;
        return this;
    }

    /** {@return the offset of the next byte} */
    public int position() {
        return position;
    }

    /** {@return the offset just past the last byte this reader may read} */
    public int end() {
        return end;
    }

    /** {@return whether a byte is left} */
    public boolean hasMore() {
        return position < end;
    }

    /** {@return how many bytes are left} */
    public int remaining() {
        return end - position;
    }

    /** {@return the next byte without reading it, or -1 when none is left} */
    public int peek() {
        return position < end ? bytes[position] & 0xFF : -1;
    }

    /**
     * {@return whether the next byte is {@code tag}}
     *
     * @param tag the one-octet tag
     */
    public boolean nextIs(int tag) {
        return peek() == tag;
    }

    /**
     * Reads one byte.
     *
     * @param field the field's name, for any {@link GbcsFormatException}
     * @return the byte, 0 to 255
     */
    public int octet(String field) {
        need(1, field);
        return bytes[position++] & 0xFF;
    }

    /**
     * Reads {@code count} bytes.
     *
     * @param count how many bytes to read
     * @param field the field's name, for any {@link GbcsFormatException}
     * @return a copy of the bytes
     */
    public byte[] octets(int count, String field) {
        need(count, field);
        byte[] copy = Arrays.copyOfRange(bytes, position, position + count);
        position += count;
        return copy;
    }

    /**
     * Reads a big-endian unsigned number of {@code count} (at most 8) bytes.
     *
     * @param count how many bytes, at most 8
     * @param field the field's name, for any {@link GbcsFormatException}
     * @return the number
     * @throws GbcsFormatException when it is above 2<sup>63</sup>-1, the largest this simulation holds
     */
    public long unsigned(int count, String field) {
        int at = position;
        need(count, field);
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        if (count == 8 && value < 0) {
            throw error(at, field, "above 2^63-1, the largest value this simulation holds");
        }
        return value;
    }

    /**
     * Reads a length in BER definite form (one octet below 0x80, otherwise 0x81 to 0x84 and that many octets), as
     * GBCS writes the lengths of its header fields and DER writes the lengths of its values.
     *
     * @param field the field's name, for any {@link GbcsFormatException}
     * @return the length
     */
    public int length(String field) {
        int at = position;
        int first = octet(field);
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7F;
        if (count == 0) {
            throw error(at, field, "an indefinite length (0x80), not allowed here");
        }
        if (count > 4) {
            throw error(at, field, "a length of " + count + " octets; at most 4");
        }
        need(count, field);
        if (!paddedLengths && bytes[position] == 0) {
            throw error(at, field, "a length with a leading zero octet (not DER)");
        }
        long length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (bytes[position++] & 0xFF);
        }
        if (!paddedLengths && length < 0x80) {
            throw error(at, field, "a long-form length below 128 (not DER)");
        }
        if (length > Integer.MAX_VALUE) {
            throw error(at, field, "a length of " + length + " bytes");
        }
        return (int) length;
    }

    /**
     * {@return a reader over the next {@code count} bytes, and skips them here}
     *
     * @param count how many bytes
     * @param field the field's name, for any {@link GbcsFormatException}
     */
    public GbcsReader take(int count, String field) {
        need(count, field);
        GbcsReader inner = new GbcsReader(bytes, position, position + count, paddedLengths);
        position += count;
        return inner;
    }

    /**
     * Reads the next DER value, whose tag must be {@code tag}.
     *
     * @param tag the one-octet tag
     * @param field the field's name, for any {@link GbcsFormatException}
     * @return the value read
     */
    public Tlv der(int tag, String field) {
        if (!hasMore()) {
            throw error(
                    position, field, "missing: expected tag " + hex(tag) + ", found the end of its enclosing value");
        }
        if (peek() != tag) {
            throw error(position, field, "expected tag " + hex(tag) + ", found " + hex(peek()));
        }
        return der(field);
    }

    /**
     * Reads the next DER value, whatever its tag.
     *
     * @param field the field's name, for any {@link GbcsFormatException}
     * @return the value read
     */
    public Tlv der(String field) {
        int at = position;
        int tag = octet(field);
        if ((tag & 0x1F) == 0x1F) {
            throw error(at, field, "a multi-octet tag, not used by GBCS");
        }
        int length = length(field);
        if (length > end - position) {
            throw error(
                    at,
                    field,
                    "its length " + length + " runs past its enclosing value (" + (end - position) + " bytes left)");
        }
        int contentOffset = position;
        position += length;
        return new Tlv(tag, at, contentOffset, position);
    }

    /**
     * {@return a reader over the contents of {@code tlv}}
     *
     * @param tlv a DER value this reader read
     */
    public GbcsReader inside(Tlv tlv) {
        return new GbcsReader(bytes, tlv.contentOffset(), tlv.end(), paddedLengths);
    }

    /**
     * {@return the contents of the INTEGER or ENUMERATED (or implicitly tagged INTEGER) {@code tlv}: a
     * non-negative value in its fewest octets, at most {@code max}}
     *
     * @param tlv a DER value this reader read
     * @param field the field's name, for any {@link GbcsFormatException}
     * @param max the greatest value allowed
     */
    public long nonNegative(Tlv tlv, String field, long max) {
        int length = tlv.contentLength();
        if (length == 0) {
            throw error(tlv.offset(), field, "an INTEGER with no content octets");
        }
        if (length > 1) {
            int a = bytes[tlv.contentOffset()] & 0xFF;
            int b = bytes[tlv.contentOffset() + 1] & 0x80;
            if ((a == 0x00 && b == 0) || (a == 0xFF && b != 0)) {
                throw error(tlv.offset(), field, "an INTEGER with redundant leading octets (not DER)");
            }
        }
        BigInteger value = new BigInteger(Arrays.copyOfRange(bytes, tlv.contentOffset(), tlv.end()));
        if (value.signum() < 0 || value.bitLength() > 63 || value.longValue() > max) {
            throw error(tlv.offset(), field, value + " is out of range 0.." + max);
        }
        return value.longValue();
    }

    /**
     * {@return a copy of the whole encoding of {@code tlv}}
     *
     * @param tlv a DER value this reader read
     */
    public byte[] encoding(Tlv tlv) {
        return Arrays.copyOfRange(bytes, tlv.offset(), tlv.end());
    }

    /**
     * {@return a copy of the contents of {@code tlv}}
     *
     * @param tlv a DER value this reader read
     */
    public byte[] contents(Tlv tlv) {
        return Arrays.copyOfRange(bytes, tlv.contentOffset(), tlv.end());
    }

    /**
     * {@return a copy of the bytes from offset {@code from} to offset {@code to}}
     *
     * @param from the offset of the first byte
     * @param to the offset after the last byte
     */
    public byte[] copy(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    /**
     * Checks that nothing is left.
     *
     * @param field the field's name, for any {@link GbcsFormatException}
     */
    public void expectEnd(String field) {
        if (position != end) {
            throw error(position, field, (end - position) + " unexpected bytes after its last field");
        }
    }

    /**
     * {@return the exception for {@code problem} with {@code field} at offset {@code offset}}
     *
     * @param offset where the tag is
     * @param field the field's name
     * @param problem what is wrong
     */
    public static GbcsFormatException error(int offset, String field, String problem) {
        return new GbcsFormatException(offset, field, problem);
    }

    /**
     * {@return {@code 0x30}-style hex of one byte}
     *
     * @param octet the byte, 0 to 255
     */
    public static String hex(int octet) {
        return String.format(java.util.Locale.ROOT, "0x%02X", octet);
    }

    private void need(int count, String field) {
        if (count < 0 || count > end - position) {
            throw error(
                    position,
                    field,
                    "needs " + count + (count == 1 ? " byte" : " bytes") + ", "
                            + (end - position == 0 ? "none is" : (end - position) + " are") + " left");
        }
    }
}
