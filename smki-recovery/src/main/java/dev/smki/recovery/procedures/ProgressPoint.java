package dev.smki.recovery.procedures;

import java.time.Instant;
import java.util.Objects;

/**
 * How far the Relevant Devices were at one moment of a rehearsal, on its simulated clock: one point of the
 * recovery chart. Counts are conserved ({@code relevant = recovered + failed + pending}) and, within one phase,
 * only move forward (REC-9).
 *
 * @param at the moment
 * @param phase what the Devices were being brought to: {@code scope} once the Relevant Devices are known, then the
 *     step sending commands, such as {@code C5}
 * @param relevant the Relevant Devices
 * @param recovered those holding (in a sending: that executed) the new trust anchor of this phase
 * @param failed those whose update finally failed, in this phase or an earlier one
 * @param writtenOff those of the failed ones written off with a reason
 * @param pending those neither recovered nor failed yet
 */
public record ProgressPoint(
        Instant at, String phase, long relevant, long recovered, long failed, long writtenOff, long pending) {

    /**
     * Checks the components.
     *
     * @param at the moment
     * @param phase what the Devices were being brought to: {@code scope} once the Relevant Devices are known, then the
     *     step sending commands, such as {@code C5}
     * @param relevant the Relevant Devices
     * @param recovered those holding (in a sending: that executed) the new trust anchor of this phase
     * @param failed those whose update finally failed, in this phase or an earlier one
     * @param writtenOff those of the failed ones written off with a reason
     * @param pending those neither recovered nor failed yet
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when a count is negative, more are written off than failed, or relevant is
     *     not recovered + failed + pending
     */
    public ProgressPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(phase, "phase");
        if (recovered < 0
                || failed < 0
                || pending < 0
                || writtenOff < 0
                || writtenOff > failed
                || recovered + failed + pending != relevant) {
            throw new IllegalArgumentException("A progress point has relevant = recovered + failed + pending and"
                    + " writtenOff <= failed, not " + relevant + " = " + recovered + " + " + failed + " + " + pending
                    + " with " + writtenOff + " written off");
        }
    }
}
