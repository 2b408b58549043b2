package dev.smki.core.gbcs;

import dev.smki.core.identity.Eui64;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Grouping Header that opens every GBCS message (GBCS §7.2.7), a DLMS general-signing header:
 *
 * <pre>
 * DF                          general-signing tag
 * 09 | CRA Flag (1) | Originator Counter (8)     transaction-id
 * 08 | Business Originator ID (8)                originator-system-title, an EUI-64
 * 08 | Business Target ID (8)                    recipient-system-title, an EUI-64
 * 00  or  0C | date-time (12)                    absent in Commands; a DLMS date-time in Responses
 * 02 | Message Code (2)                          other-information
 * Content Length                                 the payload's length, 1 to 4 octets as in DER
 * </pre>
 *
 * The byte layout is {@linkplain dev.smki.core.provenance.Confidence#OBSERVED observed} in the DCC's Reference
 * Test Data Set (CS02b command and response samples) and matches the DCC's open-source GBCS parser; §13.3.3.1 of
 * the GBCS text says the Business Originator ID is the Entity Identifier of the Known Remote Party that signs and
 * the counter is that party's ({@linkplain dev.smki.core.provenance.Confidence#VERIFIED verified}). A date-time
 * is written as the reference responses write it: day of week, deviation and clock status "not specified"
 * ({@code FF}, {@code 8000}, {@code FF}), time in UTC to the second. Other Information longer than the message
 * code (supplementary remote party fields of other message codes) is not read.
 *
 * @param craFlag Command, Response or Alert
 * @param originatorCounter the originator's counter for this message (for a Response, the Command's)
 * @param businessOriginator the EUI-64 of the party (or Device) that originated the message
 * @param businessTarget the EUI-64 of the Device (or party) it is for
 * @param dateTime the date-time, when the header carries one
 * @param messageCode the GBCS message code, such as {@code 0x0108}
 */
public record GroupingHeader(
        CraFlag craFlag,
        long originatorCounter,
        Eui64 businessOriginator,
        Eui64 businessTarget,
        Optional<Instant> dateTime,
        int messageCode) {

    /** The general-signing tag that opens the header. */
    public static final int GENERAL_SIGNING = 0xDF;

    private static final int TRANSACTION_ID_LENGTH = 9;
    private static final int SYSTEM_TITLE_LENGTH = 8;
    private static final int DATE_TIME_LENGTH = 12;
    private static final int MESSAGE_CODE_LENGTH = 2;

    /**
     * Checks the header.
     *
     * @param craFlag Command, Response or Alert
     * @param originatorCounter the originator's counter for this message (for a Response, the Command's)
     * @param businessOriginator the EUI-64 of the party (or Device) that originated the message
     * @param businessTarget the EUI-64 of the Device (or party) it is for
     * @param dateTime the date-time, when the header carries one
     * @param messageCode the GBCS message code, such as {@code 0x0108}
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the counter is negative or the message code does not fit two octets
     */
    public GroupingHeader {
        Objects.requireNonNull(craFlag, "craFlag");
        Objects.requireNonNull(businessOriginator, "businessOriginator");
        Objects.requireNonNull(businessTarget, "businessTarget");
        Objects.requireNonNull(dateTime, "dateTime");
        if (originatorCounter < 0) {
            throw new IllegalArgumentException("An Originator Counter is not negative: " + originatorCounter);
        }
        if (messageCode < 0 || messageCode > 0xFFFF) {
            throw new IllegalArgumentException("A message code is two octets, not " + messageCode);
        }
        dateTime = dateTime.map(at -> at.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The header as read, the payload length it announces, and where two of its fields are, so that a payload
     * reader can name them when they do not fit the payload.
     *
     * @param header the header
     * @param contentLength the payload length
     * @param craFlagOffset the offset of the CRA Flag
     * @param messageCodeOffset the offset of the Message Code
     */
    public record Read(GroupingHeader header, int contentLength, int craFlagOffset, int messageCodeOffset) {}

    /**
     * {@return the header's encoding for a payload of {@code contentLength} bytes}
     *
     * @param contentLength the payload length
     */
    public byte[] encode(int contentLength) {
        byte[] dateTimeField = dateTime.map(GroupingHeader::dateTimeOctets).orElse(new byte[] {0});
        return DerWriter.concat(
                new byte[] {(byte) GENERAL_SIGNING, TRANSACTION_ID_LENGTH, (byte) craFlag.code()},
                DerWriter.unsigned(originatorCounter, 8),
                new byte[] {SYSTEM_TITLE_LENGTH},
                businessOriginator.toOctets(),
                new byte[] {SYSTEM_TITLE_LENGTH},
                businessTarget.toOctets(),
                dateTimeField,
                new byte[] {MESSAGE_CODE_LENGTH, (byte) (messageCode >>> 8), (byte) messageCode},
                DerWriter.length(contentLength));
    }

    /**
     * Reads a header, recording its fields in {@code trace}.
     *
     * @param in the reader positioned at the header
     * @param trace where the fields read are recorded
     * @return the header, its Content Length and the offsets of its CRA flag and message code
     */
    public static Read read(GbcsReader in, Trace trace) {
        int tagAt = in.position();
        int tag = in.octet("General Signing tag");
        if (tag != GENERAL_SIGNING) {
            throw GbcsReader.error(
                    tagAt, "General Signing tag", "expected 0xDF (general-signing), found " + GbcsReader.hex(tag));
        }
        trace.field("General Signing tag", tagAt, 1, "0xDF");

        int transactionAt = in.position();
        expectLength(in, TRANSACTION_ID_LENGTH, "Transaction ID length");
        trace.open("Transaction ID", transactionAt, 1 + TRANSACTION_ID_LENGTH, "");
        trace.number("Length", transactionAt, 1, 9);
        int flagAt = in.position();
        CraFlag flag;
        try {
            flag = CraFlag.ofCode(in.octet("CRA Flag"));
        } catch (IllegalArgumentException e) {
            throw GbcsReader.error(flagAt, "CRA Flag", e.getMessage());
        }
        trace.field("CRA Flag", flagAt, 1, flag.toString());
        int counterAt = in.position();
        long counter = in.unsigned(8, "Originator Counter");
        trace.number("Originator Counter", counterAt, 8, counter);
        trace.close();

        Eui64 originator = systemTitle(in, "Business Originator ID", trace);
        Eui64 target = systemTitle(in, "Business Target ID", trace);

        int dateAt = in.position();
        int dateLength = in.octet("Date-Time length");
        Instant dateTime = null;
        if (dateLength == DATE_TIME_LENGTH) {
            dateTime = dateTime(in, dateAt + 1);
            trace.field("Date-Time", dateAt, 1 + DATE_TIME_LENGTH, dateTime.toString());
        } else if (dateLength == 0) {
            trace.field("Date-Time", dateAt, 1, "absent");
        } else {
            throw GbcsReader.error(
                    dateAt,
                    "Date-Time length",
                    "expected 0x00 (absent) or 0x0C (12 octets), found " + GbcsReader.hex(dateLength));
        }

        int otherAt = in.position();
        int otherLength = in.octet("Other Information length");
        if (otherLength != MESSAGE_CODE_LENGTH) {
            throw GbcsReader.error(
                    otherAt,
                    "Other Information length",
                    "expected 0x02 (the message code alone), found " + GbcsReader.hex(otherLength)
                            + "; supplementary Other Information is not read");
        }
        int codeAt = in.position();
        int messageCode = (int) in.unsigned(2, "Message Code");
        trace.open("Other Information", otherAt, 1 + MESSAGE_CODE_LENGTH, "");
        trace.number("Length", otherAt, 1, 2);
        trace.field("Message Code", codeAt, 2, String.format(Locale.ROOT, "0x%04X", messageCode));
        trace.close();

        int lengthAt = in.position();
        int contentLength = in.length("Content Length");
        trace.number("Content Length", lengthAt, in.position() - lengthAt, contentLength);
        return new Read(
                new GroupingHeader(flag, counter, originator, target, Optional.ofNullable(dateTime), messageCode),
                contentLength,
                flagAt,
                codeAt);
    }

    private static void expectLength(GbcsReader in, int expected, String field) {
        int at = in.position();
        int length = in.octet(field);
        if (length != expected) {
            throw GbcsReader.error(
                    at, field, "expected " + GbcsReader.hex(expected) + ", found " + GbcsReader.hex(length));
        }
    }

    private static Eui64 systemTitle(GbcsReader in, String field, Trace trace) {
        int at = in.position();
        expectLength(in, SYSTEM_TITLE_LENGTH, field + " length");
        Eui64 eui64 = Eui64.fromOctets(in.octets(SYSTEM_TITLE_LENGTH, field));
        trace.field(field, at, 1 + SYSTEM_TITLE_LENGTH, eui64.toString());
        return eui64;
    }

    /** Returns the 0x0C length octet and the 12-octet DLMS date-time of {@code at}, UTC. */
    private static byte[] dateTimeOctets(Instant at) {
        LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 0xFFFE) {
            throw new IllegalArgumentException("A DLMS date-time holds years 0 to 65534, not " + t.getYear());
        }
        return new byte[] {
            DATE_TIME_LENGTH,
            (byte) (t.getYear() >>> 8),
            (byte) t.getYear(),
            (byte) t.getMonthValue(),
            (byte) t.getDayOfMonth(),
            (byte) 0xFF,
            (byte) t.getHour(),
            (byte) t.getMinute(),
            (byte) t.getSecond(),
            0x00,
            (byte) 0x80,
            0x00,
            (byte) 0xFF
        };
    }

    private static Instant dateTime(GbcsReader in, int at) {
        byte[] o = in.octets(DATE_TIME_LENGTH, "Date-Time");
        int year = ((o[0] & 0xFF) << 8) | (o[1] & 0xFF);
        int hundredths = o[8] & 0xFF;
        int deviation = ((o[9] & 0xFF) << 8) | (o[10] & 0xFF);
        if (hundredths != 0xFF && hundredths > 99) {
            throw GbcsReader.error(at + 8, "Date-Time", "hundredths " + hundredths + " is not 0 to 99 or 0xFF");
        }
        if (deviation != 0x8000 && deviation != 0) {
            throw GbcsReader.error(
                    at + 9,
                    "Date-Time",
                    String.format(
                            Locale.ROOT,
                            "deviation 0x%04X: only UTC (0x0000) or not specified (0x8000) is read",
                            deviation));
        }
        try {
            return LocalDateTime.of(year, o[2] & 0xFF, o[3] & 0xFF, o[5] & 0xFF, o[6] & 0xFF, o[7] & 0xFF)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw GbcsReader.error(at, "Date-Time", "not a date and time: " + e.getMessage());
        }
    }
}
