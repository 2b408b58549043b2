package dev.smki.recovery.fleet;

import dev.smki.core.device.Device;
import dev.smki.core.device.Fleet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Devices of a fleet written off in an incident so far, across its sendings of commands: how many, for which
 * reasons, whether a given Device is one, and the first few with their write-offs. One bit per Device of the fleet
 * (allocated at the first write-off) and a count per reason, never an object per written-off Device, so a national
 * fleet with tens of thousands of write-offs stays small. Not thread-safe: the incident's one thread changes it.
 */
public final class WriteOffs {

    /** How many write-offs {@link #examples()} keeps. */
    public static final int EXAMPLES = 16;

    private final Fleet fleet;
    private BitSet written;
    private long size;
    private final Map<WriteOffReason, Long> byReason = new EnumMap<>(WriteOffReason.class);
    private final List<WriteOff> examples = new ArrayList<>();

    private WriteOffs(Fleet fleet) {
        this.fleet = fleet;
    }

    /**
     * {@return an empty set of write-offs of Devices of {@code fleet}}
     *
     * @param fleet the fleet
     */
    public static WriteOffs of(Fleet fleet) {
        return new WriteOffs(Objects.requireNonNull(fleet, "fleet"));
    }

    /**
     * Adds {@code writeOff} of the Device at {@code index} of the fleet; a Device already written off is not added
     * again.
     *
     * @param index the index, from 0
     * @param writeOff how a Device is written off
     * @throws IllegalArgumentException when the write-off is of another Device
     */
    public void add(int index, WriteOff writeOff) {
        Objects.requireNonNull(writeOff, "writeOff");
        if (!fleet.get(index).equals(writeOff.device())) {
            throw new IllegalArgumentException(writeOff + " is not of the Device at " + index + " of the fleet");
        }
        if (written == null) {
            written = new BitSet(fleet.size());
        }
        if (written.get(index)) {
            return;
        }
        written.set(index);
        size++;
        byReason.merge(writeOff.reason(), 1L, Long::sum);
        if (examples.size() < EXAMPLES) {
            examples.add(writeOff);
        }
    }

    /** {@return how many Devices were written off} */
    public long size() {
        return size;
    }

    /** {@return whether no Device was written off} */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * {@return whether the Device at {@code index} of the fleet was written off}
     *
     * @param index the index, from 0
     */
    public boolean contains(int index) {
        return written != null && written.get(Objects.checkIndex(index, fleet.size()));
    }

    /**
     * {@return whether {@code device} (a Device of the fleet) was written off}
     *
     * @param device the Device
     */
    public boolean contains(Device device) {
        Objects.requireNonNull(device, "device");
        return fleet.device(device.eui64())
                .filter(device::equals)
                .map(d -> contains((int) (d.eui64().value() - fleet.eui64(0).value())))
                .orElse(false);
    }

    /** {@return how many Devices were written off for each reason, in {@link WriteOffReason} order} */
    public Map<WriteOffReason, Long> byReason() {
        return Collections.unmodifiableMap(new EnumMap<>(byReason));
    }

    /** {@return the first {@value #EXAMPLES} write-offs at most, in the order they were made} */
    public List<WriteOff> examples() {
        return List.copyOf(examples);
    }

    /** Returns {@code WriteOffs[n: {reason=count, ...}]}. */
    @Override
    public String toString() {
        return "WriteOffs[" + size + ": " + byReason + "]";
    }
}
