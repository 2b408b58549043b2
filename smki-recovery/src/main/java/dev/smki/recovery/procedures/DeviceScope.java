package dev.smki.recovery.procedures;

/**
 * How far an incident's Relevant Devices are: how many there are, how many hold the new trust anchors, how many
 * were written off with a reason. An incident closes only once every Relevant Device is updated or written off
 * (REC-8).
 *
 * @param relevant the Relevant Devices (recovery.md §1.1: commissioned, holding data of the compromised key)
 * @param updated those whose cells now hold the new trust anchors
 * @param writtenOff those given up with a reason (uncontactable, decommissioned, failed after retries)
 */
public record DeviceScope(long relevant, long updated, long writtenOff) {

    /** The scope of an incident whose Relevant Devices are not worked out yet, or that has none. */
    public static final DeviceScope NONE = new DeviceScope(0, 0, 0);

    /**
     * Checks the components.
     *
     * @param relevant the Relevant Devices (recovery.md §1.1: commissioned, holding data of the compromised key)
     * @param updated those whose cells now hold the new trust anchors
     * @param writtenOff those given up with a reason (uncontactable, decommissioned, failed after retries)
     * @throws IllegalArgumentException unless 0 &lt;= updated + writtenOff &lt;= relevant
     */
    public DeviceScope {
        if (relevant < 0 || updated < 0 || writtenOff < 0 || updated + writtenOff > relevant) {
            throw new IllegalArgumentException("A device scope has 0 <= updated + writtenOff <= relevant; got "
                    + updated + " updated and " + writtenOff + " written off of " + relevant);
        }
    }

    /** {@return how many Relevant Devices are neither updated nor written off} */
    public long open() {
        return relevant - updated - writtenOff;
    }

    /** {@return whether every Relevant Device is updated or written off (REC-8)} */
    public boolean isSettled() {
        return open() == 0;
    }

    /** Returns {@code updated/relevant updated, writtenOff written off}. */
    @Override
    public String toString() {
        return updated + "/" + relevant + " updated, " + writtenOff + " written off";
    }
}
