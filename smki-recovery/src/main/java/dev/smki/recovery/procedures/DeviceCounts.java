package dev.smki.recovery.procedures;

/**
 * Where a rehearsal's Devices stand.
 *
 * @param total every Device of the fleet
 * @param relevant the Relevant Devices: commissioned, holding the compromised (or replaced) key
 * @param recovered Relevant Devices now holding the new trust anchor
 * @param failed Relevant Devices whose last update failed and which are not written off yet
 * @param writtenOff Relevant Devices written off with a reason
 * @param holdingCompromisedKey Relevant Devices still holding the compromised (or replaced) key
 */
public record DeviceCounts(
        long total, long relevant, long recovered, long failed, long writtenOff, long holdingCompromisedKey) {

    public DeviceCounts {
        if (total < 0 || relevant < 0 || recovered < 0 || failed < 0 || writtenOff < 0 || holdingCompromisedKey < 0) {
            throw new IllegalArgumentException("Device counts are not negative");
        }
        if (relevant > total || recovered + failed + writtenOff > relevant || holdingCompromisedKey > relevant) {
            throw new IllegalArgumentException("Inconsistent device counts: " + total + " total, " + relevant
                    + " relevant, " + recovered + " recovered, " + failed + " failed, " + writtenOff
                    + " written off, " + holdingCompromisedKey + " holding the compromised key");
        }
    }

    /** Returns the Relevant Devices neither recovered, failed nor written off. */
    public long pending() {
        return relevant - recovered - failed - writtenOff;
    }

    /** Returns one line of counts. */
    @Override
    public String toString() {
        return total + " devices, " + relevant + " relevant: " + recovered + " recovered, " + failed + " failed, "
                + writtenOff + " written off, " + holdingCompromisedKey + " holding the compromised key";
    }
}
