package dev.smki.core.device;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.identity.RemotePartyRole;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A Device's security credentials at one moment: its trust-anchor cells and, per Remote Party, the floor its
 * next sequence number must pass (recovery.md §1.6 and §6.3, REC-7). A value: immutable, equal when the cells
 * and floors are, so Devices in the same state share one instance ({@link DeviceSettings} interns them) and a
 * fleet of a million Devices holds only a handful of these.
 *
 * <p>Floors start at 0, so the first sequence number a party may use is 1.
 */
public final class DeviceCredentials {

    private static final RemotePartyRole[] ROLES = RemotePartyRole.values();
    private static final DeviceCredentials EMPTY =
            new DeviceCredentials(new TrustAnchorCell[0], new long[ROLES.length]);

    private final TrustAnchorCell[] cells;
    private final long[] floors;
    private final int hash;

    private DeviceCredentials(TrustAnchorCell[] cells, long[] floors) {
        this.cells = cells;
        this.floors = floors;
        this.hash = 31 * Arrays.hashCode(cells) + Arrays.hashCode(floors);
    }

    /** {@return the credentials of a Device that holds no cell} */
    public static DeviceCredentials empty() {
        return EMPTY;
    }

    /**
     * {@return credentials holding {@code cells}, with every floor at 0}
     *
     * @param cells the cells the Device holds
     * @throws IllegalArgumentException when two cells have the same id
     */
    public static DeviceCredentials of(Collection<TrustAnchorCell> cells) {
        Objects.requireNonNull(cells, "cells");
        TrustAnchorCell[] sorted = cells.toArray(TrustAnchorCell[]::new);
        for (TrustAnchorCell cell : sorted) {
            Objects.requireNonNull(cell, "cell");
        }
        Arrays.sort(sorted, (a, b) -> a.id().compareTo(b.id()));
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].id().equals(sorted[i - 1].id())) {
                throw new IllegalArgumentException("Two cells have the id " + sorted[i].id());
            }
        }
        return new DeviceCredentials(sorted, new long[ROLES.length]);
    }

    /** {@return the cells, in {@link TrustAnchorCellId} order} */
    public List<TrustAnchorCell> cells() {
        return List.of(cells);
    }

    /**
     * {@return the cell {@code id}, or empty when the Device does not hold it}
     *
     * @param id the cell's identifier
     */
    public Optional<TrustAnchorCell> cell(TrustAnchorCellId id) {
        Objects.requireNonNull(id, "id");
        for (TrustAnchorCell cell : cells) {
            if (cell.id().equals(id)) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    /**
     * {@return whether the Device holds the cell {@code id}}
     *
     * @param id the cell's identifier
     */
    public boolean has(TrustAnchorCellId id) {
        return cell(id).isPresent();
    }

    /**
     * {@return whether some cell anchors the key with subject key identifier {@code subjectKeyId}}
     *
     * @param subjectKeyId the subject key identifier of the anchored key
     */
    public boolean holds(KeyIdentifier subjectKeyId) {
        Objects.requireNonNull(subjectKeyId, "subjectKeyId");
        for (TrustAnchorCell cell : cells) {
            if (cell.subjectKeyId().equals(subjectKeyId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return the floor of {@code role}: its next accepted sequence number must be greater}
     *
     * @param role the Remote Party Role
     */
    public long floor(RemotePartyRole role) {
        return floors[Objects.requireNonNull(role, "role").ordinal()];
    }

    /** {@return every non-zero floor, by role} */
    public Map<RemotePartyRole, Long> floors() {
        EnumMap<RemotePartyRole, Long> map = new EnumMap<>(RemotePartyRole.class);
        for (RemotePartyRole role : ROLES) {
            if (floors[role.ordinal()] != 0) {
                map.put(role, floors[role.ordinal()]);
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * {@return a copy in which the floor of {@code role} is {@code floor}}
     *
     * @param role the Remote Party Role
     * @param floor its new floor
     * @throws IllegalArgumentException when {@code floor} is negative
     */
    public DeviceCredentials withFloor(RemotePartyRole role, long floor) {
        Objects.requireNonNull(role, "role");
        if (floor < 0) {
            throw new IllegalArgumentException("A sequence-number floor is not negative: " + floor);
        }
        if (floors[role.ordinal()] == floor) {
            return this;
        }
        long[] copy = floors.clone();
        copy[role.ordinal()] = floor;
        return new DeviceCredentials(cells, copy);
    }

    /**
     * {@return a copy in which {@code cell} takes the place of the cell with its id, or is added}
     *
     * @param cell the cell to put in
     */
    public DeviceCredentials withCell(TrustAnchorCell cell) {
        Objects.requireNonNull(cell, "cell");
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].id().equals(cell.id())) {
                if (cells[i].equals(cell)) {
                    return this;
                }
                TrustAnchorCell[] copy = cells.clone();
                copy[i] = cell;
                return new DeviceCredentials(copy, floors);
            }
        }
        TrustAnchorCell[] longer = Arrays.copyOf(cells, cells.length + 1);
        longer[cells.length] = cell;
        Arrays.sort(longer, (a, b) -> a.id().compareTo(b.id()));
        return new DeviceCredentials(longer, floors);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o == this
                || o instanceof DeviceCredentials other
                        && hash == other.hash
                        && Arrays.equals(floors, other.floors)
                        && Arrays.equals(cells, other.cells);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Returns the cells and the non-zero floors. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "DeviceCredentials[", "]");
        for (TrustAnchorCell cell : cells) {
            joiner.add(cell.toString());
        }
        floors().forEach((role, floor) -> joiner.add(role.slug() + " floor " + floor));
        return joiner.toString();
    }
}
