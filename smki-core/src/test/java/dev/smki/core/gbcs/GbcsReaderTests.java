package dev.smki.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GbcsReaderTests {

    private static GbcsReader reader(String hex) {
        return GbcsReader.of(HexFormat.of().parseHex(hex));
    }

    private static GbcsFormatException failure(Runnable read) {
        try {
            read.run();
        } catch (GbcsFormatException e) {
            return e;
        }
        throw new AssertionError("no GbcsFormatException");
    }

    @Test
    void readsADerValueInPlaceWithItsOffsets() {
        GbcsReader in = reader("AA3003020105BB");
        in.octet("lead");

        GbcsReader.Tlv tlv = in.der(GbcsReader.SEQUENCE, "sequence");

        assertThat(tlv).isEqualTo(new GbcsReader.Tlv(0x30, 1, 3, 6));
        GbcsReader inside = in.inside(tlv);
        GbcsReader.Tlv integer = inside.der(GbcsReader.INTEGER, "integer");
        assertThat(inside.nonNegative(integer, "integer", 9)).isEqualTo(5);
        inside.expectEnd("sequence");
        assertThat(in.encoding(tlv)).containsExactly(0x30, 0x03, 0x02, 0x01, 0x05);
        assertThat(in.position()).isEqualTo(6);
    }

    @Test
    void readsLongFormLengthsInTheirFewestOctets() {
        byte[] value = new byte[3 + 200];
        value[0] = 0x04;
        value[1] = (byte) 0x81;
        value[2] = (byte) 200;
        GbcsReader in = GbcsReader.of(value);

        assertThat(in.der("octets").contentLength()).isEqualTo(200);
    }

    @Test
    void refusesLengthsThatAreNotDerNamingTheOffsetAndTheField() {
        GbcsReader lead = reader("0004817F");
        lead.octet("lead");
        GbcsFormatException belowTwoFiftySix = failure(() -> lead.der(0x04, "Octets"));
        assertThat(belowTwoFiftySix.offset()).as("the length octets").isEqualTo(2);
        assertThat(belowTwoFiftySix.field()).isEqualTo("Octets");
        assertThat(belowTwoFiftySix.problem()).contains("below 128");
        assertThat(failure(() -> reader("0482007F").der("Octets")).problem()).contains("leading zero");
        assertThat(failure(() -> reader("3080").der("Sequence")).problem()).contains("indefinite");
        assertThat(failure(() -> reader("048500000001").der("Octets")).problem())
                .contains("at most 4");
        assertThat(failure(() -> reader("040301").der("Octets")).problem()).contains("runs past");
        assertThat(failure(() -> reader("1F0100").der("Tag")).problem()).contains("multi-octet");
    }

    @Test
    void acceptsZeroPaddedLengthsOnlyWhenAskedTo() {
        assertThat(reader("3082000100").acceptPaddedLengths().der("Response").contentLength())
                .isEqualTo(1);
        assertThat(failure(() -> reader("3082000100").der("Response")).problem())
                .contains("leading zero");
    }

    @Test
    void refusesIntegersThatAreNotMinimalNegativeOrTooLarge() {
        assertThat(failure(() -> integer("02020001", 1000)).problem()).contains("redundant");
        assertThat(failure(() -> integer("0202FF80", 1000)).problem()).contains("redundant");
        assertThat(failure(() -> integer("0201FF", 1000)).problem()).contains("out of range");
        assertThat(failure(() -> integer("02020100", 255)).problem()).contains("out of range 0..255");
        assertThat(failure(() -> integer("0200", 1)).problem()).contains("no content");
        assertThat(integer("020900FFFFFFFFFFFFFFFF", Long.MAX_VALUE)).isNull();
    }

    /** Returns the INTEGER's value, or null when it does not fit a long (reported as out of range). */
    private static Long integer(String hex, long max) {
        GbcsReader in = reader(hex);
        try {
            return in.nonNegative(in.der(GbcsReader.INTEGER, "Integer"), "Integer", max);
        } catch (GbcsFormatException e) {
            if (max == Long.MAX_VALUE && e.problem().contains("out of range")) {
                return null;
            }
            throw e;
        }
    }

    @Test
    void namesWhatIsMissingWhereItShouldBe() {
        GbcsFormatException wrongTag = failure(() -> reader("0500").der(GbcsReader.SEQUENCE, "Control"));
        assertThat(wrongTag.offset()).isZero();
        assertThat(wrongTag.problem()).contains("expected tag 0x30, found 0x05");
        GbcsFormatException missing = failure(() -> reader("").der(GbcsReader.SEQUENCE, "Control"));
        assertThat(missing.problem()).contains("missing");
        GbcsReader afterNull = reader("0500AA");
        afterNull.der("Null");
        GbcsFormatException leftover = failure(() -> afterNull.expectEnd("Body"));
        assertThat(leftover.offset()).isEqualTo(2);
        assertThat(leftover.getMessage()).isEqualTo("byte 2 (Body): 1 unexpected bytes after its last field");
        GbcsFormatException short8 = failure(() -> reader("0001").unsigned(8, "Originator Counter"));
        assertThat(short8.problem()).contains("needs 8 bytes, 2 are left");
        assertThat(failure(() -> reader("8000000000000000").unsigned(8, "Originator Counter"))
                        .problem())
                .contains("2^63-1");
        assertThat(reader("7FFFFFFFFFFFFFFF").unsigned(8, "Originator Counter")).isEqualTo(Long.MAX_VALUE);
    }
}
