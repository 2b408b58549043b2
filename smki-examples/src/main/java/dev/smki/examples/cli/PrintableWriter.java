package dev.smki.examples.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Passes text on with every control character but tab and line feed, and every bidirectional-text control, shown as
 * {@code ?}: whatever an input file holds (a certificate's subject, a CSV cell, a journal's reason) is printed, but
 * cannot move the cursor, clear the screen, retitle the terminal or reorder what is shown. The command line's
 * standard output and error go through it.
 */
final class PrintableWriter extends FilterWriter {

    PrintableWriter(Writer out) {
        super(out);
    }

    /** Returns whether {@code c} is printed as it is. */
    static boolean isPrintable(int c) {
        if (c == '\n' || c == '\t') {
            return true;
        }
        if (c < 0x20 || c >= 0x7f && c < 0xa0) {
            return false;
        }
        return !(c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f);
    }

    /** Returns {@code text} with what {@link #isPrintable} refuses shown as {@code ?}. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(isPrintable(c) ? (char) c : '?'));
        return out.toString();
    }

    @Override
    public void write(int c) throws IOException {
        out.write(isPrintable(c) ? c : '?');
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        char[] copy = new char[length];
        for (int i = 0; i < length; i++) {
            char c = buffer[offset + i];
            copy[i] = isPrintable(c) ? c : '?';
        }
        out.write(copy, 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }
}
