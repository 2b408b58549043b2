package dev.smki.core.gbcs;

import java.util.HexFormat;
import java.util.Objects;

/**
 * Reads and writes GBCS messages as files: hex text, with any spaces, tabs and line breaks between the digits
 * (as in the DCC's Reference Test Data Set, one message per file), or the raw bytes.
 */
public final class HexText {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final int OCTETS_PER_LINE = 32;

    private HexText() {}

    /**
     * {@return the message in {@code file}: the bytes the hex digits spell when the file holds only hex digits and
     * white space, otherwise the file's bytes themselves}
     *
     * @param file the file's bytes
     * @throws GbcsFormatException when the file is empty or its hex text has an odd number of digits
     */
    public static byte[] read(byte[] file) {
        Objects.requireNonNull(file, "file");
        int digits = 0;
        boolean text = true;
        for (byte b : file) {
            if (Character.digit(b, 16) >= 0 && b < 0x80) {
                digits++;
            } else if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                text = false;
                break;
            }
        }
        if (file.length == 0 || text && digits == 0) {
            throw new GbcsFormatException(0, "message", "the file is empty");
        }
        if (!text) {
            return file.clone();
        }
        if (digits % 2 != 0) {
            throw new GbcsFormatException(
                    0, "hex text", "an odd number of hex digits (" + digits + "): the last byte is incomplete");
        }
        byte[] bytes = new byte[digits / 2];
        int n = 0;
        int high = -1;
        for (byte b : file) {
            int digit = b < 0x80 ? Character.digit(b, 16) : -1;
            if (digit < 0) {
                continue;
            }
            if (high < 0) {
                high = digit;
            } else {
                bytes[n++] = (byte) ((high << 4) | digit);
                high = -1;
            }
        }
        return bytes;
    }

    /**
     * {@return {@code bytes} as upper-case hex text, 32 octets to a line, each line ended by a line feed}
     *
     * @param bytes the bytes to write
     */
    public static String format(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        StringBuilder out = new StringBuilder(bytes.length * 2 + bytes.length / OCTETS_PER_LINE + 1);
        for (int i = 0; i < bytes.length; i += OCTETS_PER_LINE) {
            out.append(HEX.formatHex(bytes, i, Math.min(bytes.length, i + OCTETS_PER_LINE)));
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * {@return {@code bytes} as upper-case hex on one line}
     *
     * @param bytes the bytes to write
     */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
