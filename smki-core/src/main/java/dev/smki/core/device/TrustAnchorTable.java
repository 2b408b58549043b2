package dev.smki.core.device;

import static dev.smki.core.device.TrustAnchorCellId.ACB_KA;
import static dev.smki.core.device.TrustAnchorCellId.LOAD_CONTROLLER_DS;
import static dev.smki.core.device.TrustAnchorCellId.LOAD_CONTROLLER_KA;
import static dev.smki.core.device.TrustAnchorCellId.NETWORK_OPERATOR_DS;
import static dev.smki.core.device.TrustAnchorCellId.NETWORK_OPERATOR_KA;
import static dev.smki.core.device.TrustAnchorCellId.RECOVERY;
import static dev.smki.core.device.TrustAnchorCellId.ROOT;
import static dev.smki.core.device.TrustAnchorCellId.SUPPLIER_DS;
import static dev.smki.core.device.TrustAnchorCellId.SUPPLIER_KA;
import static dev.smki.core.device.TrustAnchorCellId.SUPPLIER_KA_TOP_UP;
import static dev.smki.core.device.TrustAnchorCellId.TRANSITIONAL_COS_DS;
import static dev.smki.core.device.TrustAnchorCellId.WAN_PROVIDER_DS;

import dev.smki.core.identity.DeviceType;
import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which trust-anchor cells each device type holds: configuration data, one {@link Row} per {@link DeviceType},
 * each marked with how sure we are of it.
 *
 * <p>The GBCS per-type matrix (GBCS §4 and §13) was not available, so {@link #DEFAULT} is assembled from the
 * research notes and is an assumption throughout:
 *
 * <table>
 *   <caption>Default cells per device type</caption>
 *   <tr><th>type</th><th>cells</th><th>confidence</th><th>source</th></tr>
 *   <tr><td>ESME</td><td>Root, Recovery, Supplier DS, KA and KA top-up, Network Operator DS and KA, ACB KA,
 *       Transitional CoS DS, Load Controller DS and KA</td><td>memory</td>
 *       <td>recovery.md §1.2 [M]; Load Controller on newer ESMEs, certificates.md §3.1 [L]</td></tr>
 *   <tr><td>GSME</td><td>the ESME's cells without the Load Controller</td><td>memory</td>
 *       <td>recovery.md §1.2 [M]</td></tr>
 *   <tr><td>CHF</td><td>Root, Recovery, ACB KA, WAN Provider DS</td><td>memory</td>
 *       <td>recovery.md §1.2 [M]</td></tr>
 *   <tr><td>GPF</td><td>the CHF's cells plus Network Operator DS and KA</td><td>reconstructed</td>
 *       <td>a guess: Network Operator on the GPF per certificates.md §3.1 (S12)</td></tr>
 *   <tr><td>PPMID, HCALCS</td><td>Root, Recovery, Supplier DS and KA, ACB KA</td><td>reconstructed</td>
 *       <td>not known; a guess: the Supplier and DCC anchors a HAN device needs to accept its commands</td></tr>
 *   <tr><td>Type 2</td><td>none</td><td>inferred</td>
 *       <td>Type 2 devices take no part in certificate-based security, certificates.md §4 [L]</td></tr>
 * </table>
 *
 * <p>The ACB anchors only a key-agreement certificate and the WAN Provider and Transitional CoS only
 * digital-signature ones (the replacements in DCC's DUIS templates, certificates.md §3.1). Replace a row with
 * {@link #with} once the GBCS text is at hand. Immutable.
 */
public final class TrustAnchorTable {

    /**
     * The cells one device type holds, and where that comes from.
     *
     * @param type the device type
     * @param cells the cells it holds, in {@link TrustAnchorCellId} order
     * @param confidence how sure we are of the row
     * @param sources where the row comes from; at least one
     */
    public record Row(DeviceType type, Set<TrustAnchorCellId> cells, Confidence confidence, List<Citation> sources) {

        /**
         * Checks the components.
         *
         * @param type the device type
         * @param cells the cells it holds, in {@link TrustAnchorCellId} order
         * @param confidence how sure we are of the row
         * @param sources where the row comes from; at least one
         * @throws NullPointerException when a component is null
         * @throws IllegalArgumentException when the row cites no source
         */
        public Row {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(confidence, "confidence");
            cells = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(cells));
            sources = List.copyOf(sources);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("The " + type + " row cites no source");
            }
        }

        /**
         * {@return whether the type holds {@code cell}}
         *
         * @param cell the cell to look for
         */
        public boolean holds(TrustAnchorCellId cell) {
            return cells.contains(Objects.requireNonNull(cell, "cell"));
        }
    }

    private static final Citation RECOVERY_NOTES = Citation.of("recovery.md", "§1.2");
    private static final Citation CERTIFICATE_NOTES = Citation.of("certificates.md", "§3.1");

    private static final Set<TrustAnchorCellId> GSME_CELLS = Set.of(
            ROOT,
            RECOVERY,
            SUPPLIER_DS,
            SUPPLIER_KA,
            SUPPLIER_KA_TOP_UP,
            NETWORK_OPERATOR_DS,
            NETWORK_OPERATOR_KA,
            ACB_KA,
            TRANSITIONAL_COS_DS);

    private static final Set<TrustAnchorCellId> CHF_CELLS = Set.of(ROOT, RECOVERY, ACB_KA, WAN_PROVIDER_DS);

    private static final Set<TrustAnchorCellId> HAN_DEVICE_CELLS =
            Set.of(ROOT, RECOVERY, SUPPLIER_DS, SUPPLIER_KA, ACB_KA);

    /** The default table described above. */
    public static final TrustAnchorTable DEFAULT = new TrustAnchorTable(List.of(
            new Row(
                    DeviceType.ESME,
                    union(GSME_CELLS, Set.of(LOAD_CONTROLLER_DS, LOAD_CONTROLLER_KA)),
                    Confidence.MEMORY,
                    List.of(RECOVERY_NOTES, Citation.of("certificates.md", "§3.1, Load Controller on newer ESMEs"))),
            new Row(DeviceType.GSME, GSME_CELLS, Confidence.MEMORY, List.of(RECOVERY_NOTES)),
            new Row(DeviceType.CHF, CHF_CELLS, Confidence.MEMORY, List.of(RECOVERY_NOTES)),
            new Row(
                    DeviceType.GPF,
                    union(CHF_CELLS, Set.of(NETWORK_OPERATOR_DS, NETWORK_OPERATOR_KA)),
                    Confidence.RECONSTRUCTED,
                    List.of(Citation.of("certificates.md", "§3.1, Network Operator on the GPF (S12); rest a guess"))),
            new Row(
                    DeviceType.PPMID,
                    HAN_DEVICE_CELLS,
                    Confidence.RECONSTRUCTED,
                    List.of(Citation.of("guess", "not in the research notes"), CERTIFICATE_NOTES)),
            new Row(
                    DeviceType.HCALCS,
                    HAN_DEVICE_CELLS,
                    Confidence.RECONSTRUCTED,
                    List.of(Citation.of("guess", "not in the research notes"), CERTIFICATE_NOTES)),
            new Row(
                    DeviceType.TYPE2,
                    Set.of(),
                    Confidence.INFERRED,
                    List.of(Citation.of("certificates.md", "§4, Type 2 devices hold no certificates [L]")))));

    private final Map<DeviceType, Row> rows;

    private TrustAnchorTable(Collection<Row> rows) {
        EnumMap<DeviceType, Row> map = new EnumMap<>(DeviceType.class);
        for (Row row : rows) {
            map.put(row.type(), row);
        }
        for (DeviceType type : DeviceType.values()) {
            if (!map.containsKey(type)) {
                throw new IllegalArgumentException("The trust-anchor table has no row for " + type);
            }
        }
        this.rows = java.util.Collections.unmodifiableMap(map);
    }

    /**
     * {@return the row of {@code type}}
     *
     * @param type the device type
     */
    public Row row(DeviceType type) {
        return rows.get(Objects.requireNonNull(type, "type"));
    }

    /**
     * {@return the cells {@code type} holds, in {@link TrustAnchorCellId} order}
     *
     * @param type the device type
     */
    public Set<TrustAnchorCellId> cells(DeviceType type) {
        return row(type).cells();
    }

    /**
     * {@return whether {@code type} holds {@code cell}}
     *
     * @param type the device type
     * @param cell the cell to look for
     */
    public boolean holds(DeviceType type, TrustAnchorCellId cell) {
        return row(type).holds(cell);
    }

    /** {@return every row, in {@link DeviceType} order} */
    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    /**
     * {@return a copy of this table in which {@code row} replaces the row of its device type}
     *
     * @param row the row to put in
     */
    public TrustAnchorTable with(Row row) {
        Objects.requireNonNull(row, "row");
        EnumMap<DeviceType, Row> copy = new EnumMap<>(rows);
        copy.put(row.type(), row);
        return new TrustAnchorTable(copy.values());
    }

    /**
     * {@return a copy of this table in which {@code type} holds exactly {@code cells}, with the given confidence
     * and source}
     *
     * @param type the device type
     * @param cells the cells it holds, in {@link TrustAnchorCellId} order
     * @param confidence how sure we are of the row
     * @param source where the row comes from
     */
    public TrustAnchorTable with(
            DeviceType type, Collection<TrustAnchorCellId> cells, Confidence confidence, Citation source) {
        return with(new Row(type, Set.copyOf(cells), confidence, List.of(source)));
    }

    private static SortedSet<TrustAnchorCellId> union(Set<TrustAnchorCellId> a, Set<TrustAnchorCellId> b) {
        TreeSet<TrustAnchorCellId> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof TrustAnchorTable other && rows.equals(other.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return "TrustAnchorTable"
                + rows.values().stream().map(r -> r.type() + "=" + r.cells()).toList();
    }
}
