package dev.smki.core.gbcs;

/**
 * The CRA Flag opening a Grouping Header's transaction identifier: whether the message is a Command, a Response
 * or an Alert (GBCS §7.2.7; values observed in the DCC's Reference Test Data Set).
 */
public enum CraFlag {
    /** {@code 0x01}: a Command, sent to a Device. */
    COMMAND(1),
    /** {@code 0x02}: a Response, a Device's answer to a Command. */
    RESPONSE(2),
    /** {@code 0x03}: an Alert, sent by a Device on its own. */
    ALERT(3);

    private final int code;

    CraFlag(int code) {
        this.code = code;
    }

    /** {@return the flag's octet} */
    public int code() {
        return code;
    }

    /**
     * {@return the flag with octet {@code code}}
     *
     * @param code the octet
     * @throws IllegalArgumentException when no flag has it
     */
    public static CraFlag ofCode(int code) {
        for (CraFlag flag : values()) {
            if (flag.code == code) {
                return flag;
            }
        }
        throw new IllegalArgumentException("No CRA Flag is " + GbcsReader.hex(code) + " (expected 0x01 to 0x03)");
    }

    /** Returns {@code command}, {@code response} or {@code alert}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
