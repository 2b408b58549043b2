package dev.smki.recovery.custody;

import java.util.List;

/**
 * How far a key activation has got: {@code presented} of the {@code required} shares, and whose.
 *
 * @param presented how many distinct, currently appointed custodians have presented a valid share
 * @param required the quorum's M
 * @param counted the custodians counted, in the order they presented
 */
public record ActivationProgress(int presented, int required, List<CustodianId> counted) {

    /**
     * Checks the components.
     *
     * @param presented how many distinct, currently appointed custodians have presented a valid share
     * @param required the quorum's M
     * @param counted the custodians counted, in the order they presented
     * @throws NullPointerException when a component is null
     */
    public ActivationProgress {
        counted = List.copyOf(counted);
    }

    /** {@return whether enough shares are present to activate the key} */
    public boolean isQuorate() {
        return presented >= required;
    }

    /** Returns {@code t of m}, such as {@code 2 of 3}. */
    @Override
    public String toString() {
        return presented + " of " + required;
    }
}
