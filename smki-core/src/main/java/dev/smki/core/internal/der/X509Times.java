package dev.smki.core.internal.der;

import java.time.Instant;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;

/**
 * Encodes certificate validity instants the way RFC 5280 §4.1.2.5 and the SMKI certificates do: UTCTime for
 * years up to 2049, GeneralizedTime from 2050 (CERT-14), always to the second with a {@code Z} suffix; and reads
 * them back in their DER forms only, without {@code SimpleDateFormat}: UTCTime {@code YYMMDDHHMMSSZ} and
 * GeneralizedTime {@code YYYYMMDDHHMMSSZ}.
 */
public final class X509Times {

    /** The fixed Device Certificate notAfter, GeneralizedTime {@code 99991231235959Z} (CERT-41). */
    public static final Instant DEVICE_NOT_AFTER = Instant.parse("9999-12-31T23:59:59Z");

    /** What {@link #epochSecond} returns for a time not in one of the two DER forms. */
    public static final long UNREADABLE = Long.MIN_VALUE;

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Instant UTC_TIME_FIRST = Instant.parse("1950-01-01T00:00:00Z");
    private static final Instant GENERALIZED_TIME_FIRST = Instant.parse("2050-01-01T00:00:00Z");

    /**
     * The last UTCTime and GeneralizedTime made: issuing many certificates repeats the same few instants (the
     * start of the day, the fixed Device notAfter), and Bouncy Castle checks a time's text with a new
     * {@code SimpleDateFormat} each time one is made. Time values are immutable, so sharing them is safe.
     */
    private static volatile Made lastUtc;

    private static volatile Made lastGeneralized;

    /** A time made for an instant truncated to the second. */
    private record Made(Instant instant, Time time) {}

    private X509Times() {}

    /** Returns {@code instant}, truncated to the second, as the Time choice RFC 5280 asks for. */
    public static Time of(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Instant t = instant.truncatedTo(ChronoUnit.SECONDS);
        if (!t.isBefore(UTC_TIME_FIRST) && t.isBefore(GENERALIZED_TIME_FIRST)) {
            Made last = lastUtc;
            if (last == null || !last.instant().equals(t)) {
                last = new Made(t, new Time(new ASN1UTCTime(UTC_TIME.format(t))));
                lastUtc = last;
            }
            return last.time();
        }
        return generalized(t);
    }

    /** Returns {@code instant}, truncated to the second, as a GeneralizedTime whatever its year. */
    public static Time generalized(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Instant t = instant.truncatedTo(ChronoUnit.SECONDS);
        Made last = lastGeneralized;
        if (last == null || !last.instant().equals(t)) {
            last = new Made(t, new Time(new ASN1GeneralizedTime(GENERALIZED_TIME.format(t))));
            lastGeneralized = last;
        }
        return last.time();
    }

    /** Returns {@code instant}, truncated to the second, as a UTCTime (years 1950 to 2049 only). */
    public static Time utc(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Instant t = instant.truncatedTo(ChronoUnit.SECONDS);
        if (t.isBefore(UTC_TIME_FIRST) || !t.isBefore(GENERALIZED_TIME_FIRST)) {
            throw new IllegalArgumentException("UTCTime holds years 1950 to 2049 only, not " + instant);
        }
        return new Time(new ASN1UTCTime(UTC_TIME.format(t)));
    }

    /** Returns the raw text of a UTCTime or GeneralizedTime, such as {@code 151030000000Z}. */
    public static String text(Time time) {
        ASN1Primitive p = time.toASN1Primitive();
        if (p instanceof ASN1UTCTime utc) {
            return utc.toString();
        }
        if (p instanceof ASN1GeneralizedTime generalized) {
            return generalized.getTimeString();
        }
        return String.valueOf(p);
    }

    /** Returns whether the time is a UTCTime, as opposed to a GeneralizedTime. */
    public static boolean isUtcTime(Time time) {
        return time.toASN1Primitive() instanceof ASN1UTCTime;
    }

    /** Returns the time in seconds since the epoch, or {@link #UNREADABLE} when it is not in DER form. */
    public static long epochSecond(Time time) {
        String s = text(time);
        boolean utc = isUtcTime(time);
        int yearDigits = utc ? 2 : 4;
        if (s.length() != yearDigits + 11 || s.charAt(s.length() - 1) != 'Z') {
            return UNREADABLE;
        }
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return UNREADABLE;
            }
        }
        int year = number(s, 0, yearDigits);
        if (utc) {
            year += year >= 50 ? 1900 : 2000;
        }
        int at = yearDigits;
        int month = number(s, at, 2);
        int day = number(s, at + 2, 2);
        int hour = number(s, at + 4, 2);
        int minute = number(s, at + 6, 2);
        int second = number(s, at + 8, 2);
        if (month < 1
                || month > 12
                || day < 1
                || day > Month.of(month).length(Year.isLeap(year))
                || hour > 23
                || minute > 59
                || second > 59) {
            return UNREADABLE;
        }
        long days = daysFromCivil(year, month, day);
        return days * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    private static int number(String s, int from, int digits) {
        int n = 0;
        for (int i = from; i < from + digits; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /** Returns the days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
