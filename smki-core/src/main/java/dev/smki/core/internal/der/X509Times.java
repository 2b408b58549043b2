package dev.smki.core.internal.der;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;

/**
 * Encodes certificate validity instants the way RFC 5280 §4.1.2.5 and the SMKI certificates do: UTCTime for
 * years up to 2049, GeneralizedTime from 2050 (CERT-14), always to the second with a {@code Z} suffix.
 */
public final class X509Times {

    /** The fixed Device Certificate notAfter, GeneralizedTime {@code 99991231235959Z} (CERT-41). */
    public static final Instant DEVICE_NOT_AFTER = Instant.parse("9999-12-31T23:59:59Z");

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Instant UTC_TIME_FIRST = Instant.parse("1950-01-01T00:00:00Z");
    private static final Instant GENERALIZED_TIME_FIRST = Instant.parse("2050-01-01T00:00:00Z");

    private X509Times() {}

    /** Returns {@code instant}, truncated to the second, as the Time choice RFC 5280 asks for. */
    public static Time of(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Instant t = instant.truncatedTo(ChronoUnit.SECONDS);
        if (!t.isBefore(UTC_TIME_FIRST) && t.isBefore(GENERALIZED_TIME_FIRST)) {
            return new Time(new ASN1UTCTime(UTC_TIME.format(t)));
        }
        return generalized(t);
    }

    /** Returns {@code instant}, truncated to the second, as a GeneralizedTime whatever its year. */
    public static Time generalized(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return new Time(new ASN1GeneralizedTime(GENERALIZED_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS))));
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
}
