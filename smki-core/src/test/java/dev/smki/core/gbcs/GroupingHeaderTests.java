package dev.smki.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.Eui64;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupingHeaderTests {

    private static final Eui64 SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
    private static final Eui64 METER = Eui64.parse("00-DB-12-34-56-78-90-A0");

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static GbcsFormatException failure(String hex) {
        try {
            GroupingHeader.read(GbcsReader.of(HexFormat.of().parseHex(hex)), Trace.NONE);
        } catch (GbcsFormatException e) {
            return e;
        }
        throw new AssertionError("no GbcsFormatException");
    }

    @Test
    void aCommandHeaderHasTheLayoutOfTheDccReferenceCommands() {
        GroupingHeader header = new GroupingHeader(CraFlag.COMMAND, 1000, SUPPLIER, METER, Optional.empty(), 0x0102);

        assertThat(hex(header.encode(1751)))
                .isEqualTo("DF" + "09" + "01" + "00000000000003E8" + "08" + "90B3D51F30010000" + "08"
                        + "00DB1234567890A0" + "00" + "02" + "0102" + "8206D7");
    }

    @Test
    void aResponseHeaderCarriesTheDateTimeAsTheDccReferenceResponsesDo() {
        GroupingHeader header = new GroupingHeader(
                CraFlag.RESPONSE, 1000, METER, SUPPLIER, Optional.of(Instant.parse("2015-01-01T00:00:00Z")), 0x0102);

        assertThat(hex(header.encode(206)))
                .isEqualTo("DF" + "09" + "02" + "00000000000003E8" + "08" + "00DB1234567890A0" + "08"
                        + "90B3D51F30010000" + "0C" + "07DF0101FF000000008000FF" + "02" + "0102" + "81CE");
    }

    @Test
    void theDateTimeIsKeptToTheSecond() {
        GroupingHeader header = new GroupingHeader(
                CraFlag.RESPONSE, 1, METER, SUPPLIER, Optional.of(Instant.parse("2026-03-01T12:30:15.750Z")), 1);

        assertThat(header.dateTime()).contains(Instant.parse("2026-03-01T12:30:15Z"));
    }

    @Test
    void refusesEveryMalformedFieldNamingItsOffset() {
        String good = "DF0901" + "00000000000003E8" + "08" + "90B3D51F30010000" + "08" + "00DB1234567890A0" + "00"
                + "020102" + "05";
        assertThat(GroupingHeader.read(GbcsReader.of(HexFormat.of().parseHex(good)), Trace.NONE)
                        .contentLength())
                .isEqualTo(5);

        assertThat(failure("DD" + good.substring(2)))
                .extracting(GbcsFormatException::offset, GbcsFormatException::field)
                .containsExactly(0, "General Signing tag");
        assertThat(failure("DF08" + good.substring(4)).field()).isEqualTo("Transaction ID length");
        assertThat(failure("DF0904" + good.substring(6)))
                .extracting(GbcsFormatException::offset, GbcsFormatException::field)
                .containsExactly(2, "CRA Flag");
        assertThat(failure("DF0901" + "80000000000003E8" + good.substring(22)))
                .extracting(GbcsFormatException::offset, GbcsFormatException::field)
                .containsExactly(3, "Originator Counter");
        assertThat(failure(good.substring(0, 22) + "07" + good.substring(24)))
                .extracting(GbcsFormatException::offset, GbcsFormatException::field)
                .containsExactly(11, "Business Originator ID length");
        assertThat(failure(good.substring(0, 40) + "09" + good.substring(42)).field())
                .isEqualTo("Business Target ID length");
        assertThat(failure(good.substring(0, 58) + "05" + good.substring(60)))
                .extracting(GbcsFormatException::offset, GbcsFormatException::field)
                .containsExactly(29, "Date-Time length");
        assertThat(failure(good.substring(0, 58) + "0C07DF0D01FF000000008000FF" + good.substring(60))
                        .problem())
                .contains("not a date");
        assertThat(failure(good.substring(0, 58) + "0C07DF0101FF000000000100FF" + good.substring(60))
                        .problem())
                .contains("deviation");
        assertThat(failure(good.substring(0, 60) + "0A" + good.substring(62)))
                .extracting(GbcsFormatException::offset, GbcsFormatException::field)
                .containsExactly(30, "Other Information length");
        assertThat(failure(good.substring(0, 66) + "8105"))
                .extracting(GbcsFormatException::offset, GbcsFormatException::field)
                .containsExactly(33, "Content Length");
        assertThat(failure(good.substring(0, 16)).field()).isEqualTo("Originator Counter");
    }
}
