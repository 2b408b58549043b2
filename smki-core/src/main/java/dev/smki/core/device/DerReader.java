package dev.smki.core.device;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Walks the tag-length-value structure of a DER encoding in place, so that a Device can check a command against
 * the exact bytes that were signed and hand certificates on as the exact bytes that were sent, without decoding
 * and re-encoding them. Strict: single-octet tags, definite lengths in the fewest octets, nothing left over.
 * Primitive values other than INTEGER and OCTET STRING are handed to Bouncy Castle by the caller.
 */
final class DerReader {

    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;

    /** One encoded value: its tag, where it starts, where its contents start, and where it ends. */
    record Tlv(int tag, int start, int contentStart, int end) {}

    private final byte[] bytes;
    private final int end;
    private int position;

    private DerReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    /** Returns a reader over all of {@code bytes}. */
    static DerReader of(byte[] bytes) {
        return new DerReader(bytes, 0, bytes.length);
    }

    /** Returns a reader over the contents of {@code tlv}. */
    DerReader contents(Tlv tlv) {
        return new DerReader(bytes, tlv.contentStart(), tlv.end());
    }

    /** Returns whether a value follows. */
    boolean hasNext() {
        return position < end;
    }

    /** Returns whether the next value has tag {@code tag}. */
    boolean nextHasTag(int tag) {
        return position < end && (bytes[position] & 0xFF) == tag;
    }

    /** Reads the next value, whose tag must be {@code tag}. */
    Tlv next(int tag, String what) {
        if (!nextHasTag(tag)) {
            throw new IllegalArgumentException("the " + what + " is missing or not tagged 0x" + Integer.toHexString(tag)
                    + (position < end ? " (found 0x" + Integer.toHexString(bytes[position] & 0xFF) + ")" : ""));
        }
        return next(what);
    }

    /** Reads the next value. */
    Tlv next(String what) {
        if (position >= end) {
            throw new IllegalArgumentException("the " + what + " is missing");
        }
        int start = position;
        int tag = bytes[position++] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new IllegalArgumentException("the " + what + " has a multi-octet tag");
        }
        if (position >= end) {
            throw new IllegalArgumentException("the " + what + " has no length");
        }
        int first = bytes[position++] & 0xFF;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int octets = first & 0x7F;
            if (octets == 0) {
                throw new IllegalArgumentException("the " + what + " has an indefinite length (not DER)");
            }
            if (octets > 4 || position + octets > end) {
                throw new IllegalArgumentException("the " + what + " has an impossible length");
            }
            if (bytes[position] == 0) {
                throw new IllegalArgumentException("the " + what + " has a length with leading zeros (not DER)");
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (bytes[position++] & 0xFF);
            }
            if (length < 0x80) {
                throw new IllegalArgumentException("the " + what + " has a long-form length below 128 (not DER)");
            }
        }
        if (length > end - position) {
            throw new IllegalArgumentException("the " + what + " runs past its enclosing value");
        }
        int contentStart = position;
        position += (int) length;
        return new Tlv(tag, start, contentStart, position);
    }

    /** Checks that nothing follows. */
    void expectEnd(String what) {
        if (position != end) {
            throw new IllegalArgumentException("the " + what + " has " + (end - position) + " unexpected octets");
        }
    }

    /** Returns a copy of the whole encoding of {@code tlv}. */
    byte[] encoding(Tlv tlv) {
        return Arrays.copyOfRange(bytes, tlv.start(), tlv.end());
    }

    /** Returns a copy of the contents of {@code tlv}. */
    byte[] contentsOf(Tlv tlv) {
        return Arrays.copyOfRange(bytes, tlv.contentStart(), tlv.end());
    }

    /** Returns the non-negative INTEGER contents of {@code tlv}, at most {@code max}, checking its DER form. */
    long nonNegative(Tlv tlv, String what, long max) {
        int length = tlv.end() - tlv.contentStart();
        if (length == 0) {
            throw new IllegalArgumentException("the " + what + " is an empty INTEGER");
        }
        if (length > 1) {
            int a = bytes[tlv.contentStart()] & 0xFF;
            int b = bytes[tlv.contentStart() + 1] & 0x80;
            if ((a == 0x00 && b == 0) || (a == 0xFF && b != 0)) {
                throw new IllegalArgumentException("the " + what + " INTEGER has redundant leading octets (not DER)");
            }
        }
        BigInteger value = new BigInteger(Arrays.copyOfRange(bytes, tlv.contentStart(), tlv.end()));
        if (value.signum() < 0 || value.bitLength() > 63 || value.longValue() > max) {
            throw new IllegalArgumentException("the " + what + " " + value + " is out of range 0.." + max);
        }
        return value.longValue();
    }
}
