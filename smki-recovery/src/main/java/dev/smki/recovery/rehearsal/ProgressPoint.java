package dev.smki.recovery.rehearsal;

import java.time.Instant;
import java.util.Objects;

/**
 * How far the Relevant Devices were at one moment of a rehearsal, on its simulated clock: one point of the
 * recovery chart. Counts are conserved ({@code relevant = recovered + writtenOff + open}) and, within one
 * sending of commands, only move forward (REC-9).
 *
 * @param at the moment
 * @param phase what the Devices were being brought to: {@code scope} once the Relevant Devices are known, then the
 *     step sending commands, such as {@code C5}; counts move forward within a phase
 * @param relevant the Relevant Devices
 * @param recovered those holding the new trust anchor
 * @param writtenOff those written off with a reason
 * @param open those neither recovered nor written off
 */
public record ProgressPoint(Instant at, String phase, long relevant, long recovered, long writtenOff, long open) {

    public ProgressPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(phase, "phase");
        if (recovered < 0 || writtenOff < 0 || open < 0 || recovered + writtenOff + open != relevant) {
            throw new IllegalArgumentException("A progress point has relevant = recovered + writtenOff + open, not "
                    + relevant + " = " + recovered + " + " + writtenOff + " + " + open);
        }
    }
}
