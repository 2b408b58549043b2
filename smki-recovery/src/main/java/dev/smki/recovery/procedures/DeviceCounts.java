package dev.smki.recovery.procedures;

/**
 * Where a rehearsal's Devices stand between sendings of commands: every Relevant Device sent a command has either
 * executed it or been written off, so a Relevant Device is recovered, written off or pending (not sent one yet).
 *
 * @param total every Device of the fleet
 * @param relevant the Relevant Devices: commissioned, holding the compromised (or replaced) key
 * @param recovered Relevant Devices now holding the new trust anchor
 * @param writtenOff Relevant Devices written off with a reason
 * @param holdingCompromisedKey Relevant Devices still holding the compromised (or replaced) key
 */
public record DeviceCounts(long total, long relevant, long recovered, long writtenOff, long holdingCompromisedKey) {

    /**
     * Checks the counts.
     *
     * @param total every Device of the fleet
     * @param relevant the Relevant Devices: commissioned, holding the compromised (or replaced) key
     * @param recovered Relevant Devices now holding the new trust anchor
     * @param writtenOff Relevant Devices written off with a reason
     * @param holdingCompromisedKey Relevant Devices still holding the compromised (or replaced) key
     * @throws IllegalArgumentException when a count is negative, or the counts do not add up
     */
    public DeviceCounts {
        if (total < 0 || relevant < 0 || recovered < 0 || writtenOff < 0 || holdingCompromisedKey < 0) {
            throw new IllegalArgumentException("Device counts are not negative");
        }
        if (relevant > total || recovered + writtenOff > relevant || holdingCompromisedKey > relevant) {
            throw new IllegalArgumentException("Inconsistent device counts: " + total + " total, " + relevant
                    + " relevant, " + recovered + " recovered, " + writtenOff + " written off, "
                    + holdingCompromisedKey + " holding the compromised key");
        }
    }

    /** {@return the Relevant Devices neither recovered nor written off} */
    public long pending() {
        return relevant - recovered - writtenOff;
    }

    /** Returns one line of counts. */
    @Override
    public String toString() {
        return total + " devices, " + relevant + " relevant: " + recovered + " recovered, " + writtenOff
                + " written off, " + holdingCompromisedKey + " holding the compromised key";
    }
}
