package dev.smki.core.device;

/**
 * The applyTimeBasedCPVChecks element of a CS02b command's Authorising Remote Party Control ({@code [1]}, an
 * INTEGER): whether the Device checks validity periods when it validates the certification path. GBCS asks for
 * the element only when the Device is to ignore time, with the value {@code disapply} (GBCS §13.3.5, verified);
 * the values 0 and 1 are observed in the DCC's Reference Test Data Set and the DCC's GBCS parser.
 */
public enum CpvTimeChecks {
    /** {@code apply} (0): validity periods are checked, as when the element is absent. */
    APPLY(0),
    /** {@code disapply} (1): validity periods are not checked. */
    DISAPPLY(1);

    private final int code;

    CpvTimeChecks(int code) {
        this.code = code;
    }

    /** {@return the INTEGER value} */
    public int code() {
        return code;
    }

    /**
     * {@return the value with INTEGER {@code code}}
     *
     * @param code the INTEGER value
     * @throws IllegalArgumentException for any other than 0 and 1
     */
    public static CpvTimeChecks ofCode(long code) {
        for (CpvTimeChecks value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("applyTimeBasedCPVChecks is 0 (apply) or 1 (disapply), not " + code);
    }

    /** Returns {@code apply} or {@code disapply}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
