package dev.smki.core.device;

import java.util.Objects;

/**
 * A SpecialistSeqNumber of a CS02b command or response: a floor for one special use of a party's sequence
 * numbers, {@code SEQUENCE { seqNumberUsage INTEGER { prepaymentTopUp (0) }, seqNumber INTEGER }} (observed in
 * the DCC's Reference Test Data Set and the DCC's GBCS parser). Simulated Devices carry it in commands and
 * responses but hold no prepayment top-up counter, so it changes nothing on them.
 *
 * @param usage the use the floor is for
 * @param floor the floor, not negative
 */
public record SpecialistFloor(Usage usage, long floor) {

    /** The seqNumberUsage values: only {@code prepaymentTopUp} (0) is known. */
    public enum Usage {
        /** {@code prepaymentTopUp} (0): the counters of prepayment top-ups. */
        PREPAYMENT_TOP_UP(0);

        private final int code;

        Usage(int code) {
            this.code = code;
        }

        /** {@return the INTEGER value} */
        public int code() {
            return code;
        }

        /**
         * {@return the usage with INTEGER {@code code}}
         *
         * @param code the INTEGER value
         * @throws IllegalArgumentException for any other than 0
         */
        public static Usage ofCode(long code) {
            for (Usage usage : values()) {
                if (usage.code == code) {
                    return usage;
                }
            }
            throw new IllegalArgumentException("seqNumberUsage is 0 (prepaymentTopUp), not " + code);
        }
    }

    /**
     * Checks the floor.
     *
     * @param usage the use the floor is for
     * @param floor the floor, not negative
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when it is negative
     */
    public SpecialistFloor {
        Objects.requireNonNull(usage, "usage");
        if (floor < 0) {
            throw new IllegalArgumentException("A specialist floor is not negative: " + floor);
        }
    }

    /**
     * {@return the prepayment top-up floor {@code floor}}
     *
     * @param floor the floor, not negative
     */
    public static SpecialistFloor prepaymentTopUp(long floor) {
        return new SpecialistFloor(Usage.PREPAYMENT_TOP_UP, floor);
    }
}
