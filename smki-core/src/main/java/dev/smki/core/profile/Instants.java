package dev.smki.core.profile;

import java.time.Instant;
import java.time.Month;
import java.time.Year;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;

/**
 * Reads X.509 times in their DER forms without {@code SimpleDateFormat}: UTCTime {@code YYMMDDHHMMSSZ} and
 * GeneralizedTime {@code YYYYMMDDHHMMSSZ} (RFC 5280 §4.1.2.5).
 */
final class Instants {

    /** What {@link #epochSecond} returns for a time not in one of the two DER forms. */
    static final long UNREADABLE = Long.MIN_VALUE;

    /** 9999-12-31T23:59:59Z, the fixed notAfter of Device Certificates (CERT-41). */
    static final long END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private Instants() {}

    /** Returns the raw text of a UTCTime or GeneralizedTime, such as {@code 151030000000Z}. */
    static String text(Time time) {
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
    static boolean isUtcTime(Time time) {
        return time.toASN1Primitive() instanceof ASN1UTCTime;
    }

    /** Returns the time in seconds since the epoch, or {@link #UNREADABLE} when it is not in DER form. */
    static long epochSecond(Time time) {
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
