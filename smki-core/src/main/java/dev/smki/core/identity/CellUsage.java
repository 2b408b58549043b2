package dev.smki.core.identity;

/**
 * What a Device's trust-anchor cell is used for, the third part of its identifier (GBCS CellUsage;
 * certificates.md §3.1).
 */
public enum CellUsage {
    /** Ordinary management of the Device, GBCS {@code management} (0). */
    MANAGEMENT(0),
    /** Prepayment top-up, GBCS {@code prePaymentTopUp} (1); only a Supplier key-agreement cell uses it. */
    PREPAYMENT_TOP_UP(1);

    private final int code;

    CellUsage(int code) {
        this.code = code;
    }

    /** {@return the GBCS enumeration value} */
    public int code() {
        return code;
    }

    /**
     * {@return the cell usage with the given GBCS value}
     *
     * @param code the GBCS cell usage code
     * @throws IllegalArgumentException when no cell usage has that value
     */
    public static CellUsage ofCode(int code) {
        for (CellUsage usage : values()) {
            if (usage.code == code) {
                return usage;
            }
        }
        throw new IllegalArgumentException("No GBCS CellUsage has value " + code);
    }
}
