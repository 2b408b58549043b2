package dev.smki.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HexTextTests {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void readsHexDigitsWithAnySpacesAndLineBreaksBetweenThem() {
        assertThat(HexText.read(ascii("DF 09 01\r\n0a\tff\n"))).containsExactly(0xDF, 0x09, 0x01, 0x0A, 0xFF);
    }

    @Test
    void takesAnythingElseAsTheBinaryMessage() {
        byte[] binary = {(byte) 0xDF, 0x09, 0x01};

        assertThat(HexText.read(binary)).containsExactly(binary);
        assertThat(HexText.read(ascii("DF 09 ZZ"))).containsExactly(ascii("DF 09 ZZ"));
    }

    @Test
    void refusesAnEmptyFileAndAnIncompleteLastByte() {
        assertThatThrownBy(() -> HexText.read(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> HexText.read(ascii(" \n "))).hasMessageContaining("empty");
        assertThatThrownBy(() -> HexText.read(ascii("DF 0"))).hasMessageContaining("odd number of hex digits (3)");
    }

    @Test
    void writesUpperCaseHexThirtyTwoOctetsToALineThatReadsBack() {
        byte[] bytes = new byte[70];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
        }

        String text = HexText.format(bytes);

        assertThat(text.lines()).extracting(String::length).containsExactly(64, 64, 12);
        assertThat(text).isEqualTo(text.toUpperCase(java.util.Locale.ROOT)).endsWith("\n");
        assertThat(HexText.read(ascii(text))).containsExactly(bytes);
    }
}
