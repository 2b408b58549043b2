package dev.smki.core.device;

import dev.smki.core.identity.CellUsage;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The identifier of a trust-anchor cell on a Device: (Remote Party Role, key usage, cell usage), the GBCS
 * TrustAnchorCellIdentifier (recovery.md §1.2; certificates.md §3.1; gbcs-parser).
 *
 * <p>The Root cell, and only the Root cell, has key usage {@link AnchorKeyUsage#CERTIFICATE_SIGNING}; every other
 * cell anchors an Organisation Certificate's digital-signature or key-agreement key. Only the Supplier's
 * key-agreement cell has a prepayment top-up twin. The Issuing Authority is never a device trust anchor. Written
 * like {@code supplier-ka-topup}, {@code recovery-ds} or {@code root}; {@link #parse} reads that form back.
 *
 * @param role the Remote Party Role whose key the cell holds
 * @param keyUsage the key usage of the anchored certificate
 * @param cellUsage management, or prepayment top-up for the Supplier's second key-agreement cell
 */
public record TrustAnchorCellId(RemotePartyRole role, AnchorKeyUsage keyUsage, CellUsage cellUsage)
        implements Comparable<TrustAnchorCellId> {

    /** The Root cell: the Root OCA's certificate-signing key and its wrapped contingency key. */
    public static final TrustAnchorCellId ROOT =
            new TrustAnchorCellId(RemotePartyRole.ROOT, AnchorKeyUsage.CERTIFICATE_SIGNING, CellUsage.MANAGEMENT);
    /** The Recovery cell: the DCC's Recovery digital-signature key. */
    public static final TrustAnchorCellId RECOVERY = of(RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE);
    /** The Supplier's digital-signature cell. */
    public static final TrustAnchorCellId SUPPLIER_DS =
            of(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
    /** The Supplier's key-agreement cell. */
    public static final TrustAnchorCellId SUPPLIER_KA = of(RemotePartyRole.SUPPLIER, CertificateUsage.KEY_AGREEMENT);
    /** The Supplier's prepayment top-up key-agreement cell. */
    public static final TrustAnchorCellId SUPPLIER_KA_TOP_UP =
            new TrustAnchorCellId(RemotePartyRole.SUPPLIER, AnchorKeyUsage.KEY_AGREEMENT, CellUsage.PREPAYMENT_TOP_UP);
    /** The Network Operator's digital-signature cell. */
    public static final TrustAnchorCellId NETWORK_OPERATOR_DS =
            of(RemotePartyRole.NETWORK_OPERATOR, CertificateUsage.DIGITAL_SIGNATURE);
    /** The Network Operator's key-agreement cell. */
    public static final TrustAnchorCellId NETWORK_OPERATOR_KA =
            of(RemotePartyRole.NETWORK_OPERATOR, CertificateUsage.KEY_AGREEMENT);
    /** The Access Control Broker's key-agreement cell (the ACB anchors no signing key, certificates.md §3.1). */
    public static final TrustAnchorCellId ACB_KA =
            of(RemotePartyRole.ACCESS_CONTROL_BROKER, CertificateUsage.KEY_AGREEMENT);
    /** The WAN Provider's digital-signature cell. */
    public static final TrustAnchorCellId WAN_PROVIDER_DS =
            of(RemotePartyRole.WAN_PROVIDER, CertificateUsage.DIGITAL_SIGNATURE);
    /** The Transitional Change of Supplier's digital-signature cell. */
    public static final TrustAnchorCellId TRANSITIONAL_COS_DS =
            of(RemotePartyRole.TRANSITIONAL_COS, CertificateUsage.DIGITAL_SIGNATURE);
    /** The Load Controller's digital-signature cell (newer ESMEs). */
    public static final TrustAnchorCellId LOAD_CONTROLLER_DS =
            of(RemotePartyRole.LOAD_CONTROLLER, CertificateUsage.DIGITAL_SIGNATURE);
    /** The Load Controller's key-agreement cell (newer ESMEs). */
    public static final TrustAnchorCellId LOAD_CONTROLLER_KA =
            of(RemotePartyRole.LOAD_CONTROLLER, CertificateUsage.KEY_AGREEMENT);

    /** Every cell named by a constant above, in {@link #compareTo} order. */
    public static final List<TrustAnchorCellId> KNOWN = List.of(
            ROOT,
            RECOVERY,
            SUPPLIER_DS,
            SUPPLIER_KA,
            SUPPLIER_KA_TOP_UP,
            NETWORK_OPERATOR_DS,
            NETWORK_OPERATOR_KA,
            ACB_KA,
            TRANSITIONAL_COS_DS,
            WAN_PROVIDER_DS,
            LOAD_CONTROLLER_DS,
            LOAD_CONTROLLER_KA);

    private static final String TOP_UP_SUFFIX = "-topup";

    private static final Comparator<TrustAnchorCellId> ORDER = Comparator.comparingInt(
                    (TrustAnchorCellId id) -> id.role().code())
            .thenComparing(TrustAnchorCellId::keyUsage)
            .thenComparing(TrustAnchorCellId::cellUsage);

    /**
     * Checks the combination.
     *
     * @param role the Remote Party Role whose key the cell holds
     * @param keyUsage the key usage of the anchored certificate
     * @param cellUsage management, or prepayment top-up for the Supplier's second key-agreement cell
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the Root is paired with another usage or certificate signing with
     *     another role, when the role is the Issuing Authority, or when a cell other than the Supplier's
     *     key-agreement cell has the prepayment top-up usage
     */
    public TrustAnchorCellId {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(keyUsage, "keyUsage");
        Objects.requireNonNull(cellUsage, "cellUsage");
        if ((role == RemotePartyRole.ROOT) != (keyUsage == AnchorKeyUsage.CERTIFICATE_SIGNING)) {
            throw new IllegalArgumentException(
                    "Only the Root cell anchors a certificate-signing key, not " + role + " " + keyUsage);
        }
        if (role == RemotePartyRole.ISSUING_AUTHORITY) {
            throw new IllegalArgumentException("The Issuing Authority is never a device trust anchor");
        }
        if (cellUsage == CellUsage.PREPAYMENT_TOP_UP
                && (role != RemotePartyRole.SUPPLIER || keyUsage != AnchorKeyUsage.KEY_AGREEMENT)) {
            throw new IllegalArgumentException(
                    "Only the Supplier's key-agreement cell has a prepayment top-up twin, not " + role + " "
                            + keyUsage);
        }
    }

    /**
     * {@return the management cell of {@code role} for the end-entity {@code keyUsage}}
     *
     * @param role the Remote Party Role whose key the cell holds
     * @param keyUsage the key usage of the anchored certificate
     */
    public static TrustAnchorCellId of(RemotePartyRole role, CertificateUsage keyUsage) {
        return new TrustAnchorCellId(role, AnchorKeyUsage.of(keyUsage), CellUsage.MANAGEMENT);
    }

    /**
     * Reads a cell from its text form: {@code root}, or {@code <role>-<ds|ka>}, with {@code -topup} for the
     * Supplier's prepayment top-up cell, such as {@code recovery-ds} or {@code supplier-ka-topup} (the role as
     * {@link RemotePartyRole#parse} reads it). The test PKI names its Organisation Certificate files the same way.
     *
     * @param text the text form of a cell
     * @return the cell it names
     * @throws IllegalArgumentException when {@code text} names no cell
     */
    public static TrustAnchorCellId parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("root")) {
            return ROOT;
        }
        CellUsage cellUsage = CellUsage.MANAGEMENT;
        if (t.endsWith(TOP_UP_SUFFIX)) {
            cellUsage = CellUsage.PREPAYMENT_TOP_UP;
            t = t.substring(0, t.length() - TOP_UP_SUFFIX.length());
        }
        int dash = t.lastIndexOf('-');
        try {
            if (dash <= 0) {
                throw new IllegalArgumentException("no key usage after the role");
            }
            return new TrustAnchorCellId(
                    RemotePartyRole.parse(t.substring(0, dash)),
                    AnchorKeyUsage.of(CertificateUsage.parse(t.substring(dash + 1))),
                    cellUsage);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Not a trust-anchor cell '" + text + "' (expected root or <role>-<ds|ka>[-topup]): "
                            + e.getMessage(),
                    e);
        }
    }

    /** {@return whether this is the Root cell} */
    public boolean isRoot() {
        return role == RemotePartyRole.ROOT;
    }

    /** Orders by role code, then key usage, then cell usage. */
    @Override
    public int compareTo(TrustAnchorCellId other) {
        return ORDER.compare(this, other);
    }

    /** Returns the text form {@link #parse} reads, such as {@code supplier-ka-topup} or {@code root}. */
    @Override
    public String toString() {
        if (isRoot()) {
            return "root";
        }
        return role.slug() + "-" + keyUsage.abbreviation()
                + (cellUsage == CellUsage.PREPAYMENT_TOP_UP ? TOP_UP_SUFFIX : "");
    }
}
