package dev.smki.core.device;

import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.provenance.Confidence;
import java.util.Objects;
import java.util.Optional;

/**
 * The GBCS CS02b Credentials Replacement Mode: who authorises an Update Security Credentials command and which
 * cells it may replace (recovery.md §1.3, §1.5; certificates.md §3.1; gbcs-parser {@code asn1.ts},
 * {@code util.ts}).
 *
 * <p>Each mode carries its enumeration value, its GBCS message code ({@code 0x0100} plus the value), the Remote
 * Party whose sequence number authorises it, the trust-anchor cell whose key verifies it, and the cells it may
 * replace. Values 2 to 9 and all ten message codes are verified; values 0 and 1 are inferred from the message
 * codes ({@link #confidence()}). Which cells each mode may replace is inferred from the mode names (GBCS §13.3
 * was not available, recovery.md §6.5 item 5).
 *
 * <p>Two choices of this simulation: {@link #ACCESS_CONTROL_BROKER_BY_ACB} is verified with the ACB's
 * key-agreement cell, the only ACB cell a Device holds (GBCS protects ACB commands with a MAC from that key;
 * the simulation signs with it instead), and {@link #ANY_BY_CONTINGENCY} counts its sequence numbers under the
 * Root, whose contingency key authorises it. Both are {@linkplain Confidence#RECONSTRUCTED reconstructed}.
 */
public enum CredentialsReplacementMode {
    /** {@code rootBySupplier} (0, 0x0100): the Supplier replaces the Root cell. */
    ROOT_BY_SUPPLIER(
            0,
            "rootBySupplier",
            RemotePartyRole.SUPPLIER,
            TrustAnchorCellId.SUPPLIER_DS,
            RemotePartyRole.ROOT,
            Confidence.INFERRED),
    /** {@code rootByWanProvider} (1, 0x0101): the WAN Provider replaces the Root cell. */
    ROOT_BY_WAN_PROVIDER(
            1,
            "rootByWanProvider",
            RemotePartyRole.WAN_PROVIDER,
            TrustAnchorCellId.WAN_PROVIDER_DS,
            RemotePartyRole.ROOT,
            Confidence.INFERRED),
    /** {@code supplierBySupplier} (2, 0x0102): the Supplier replaces its own cells (Method 1). */
    SUPPLIER_BY_SUPPLIER(
            2,
            "supplierBySupplier",
            RemotePartyRole.SUPPLIER,
            TrustAnchorCellId.SUPPLIER_DS,
            RemotePartyRole.SUPPLIER,
            Confidence.VERIFIED),
    /** {@code networkOperatorByNetworkOperator} (3, 0x0103): the Network Operator replaces its own cells. */
    NETWORK_OPERATOR_BY_NETWORK_OPERATOR(
            3,
            "networkOperatorByNetworkOperator",
            RemotePartyRole.NETWORK_OPERATOR,
            TrustAnchorCellId.NETWORK_OPERATOR_DS,
            RemotePartyRole.NETWORK_OPERATOR,
            Confidence.VERIFIED),
    /** {@code accessControlBrokerByACB} (4, 0x0104): the ACB replaces its own cell. */
    ACCESS_CONTROL_BROKER_BY_ACB(
            4,
            "accessControlBrokerByACB",
            RemotePartyRole.ACCESS_CONTROL_BROKER,
            TrustAnchorCellId.ACB_KA,
            RemotePartyRole.ACCESS_CONTROL_BROKER,
            Confidence.VERIFIED),
    /** {@code wanProviderByWanProvider} (5, 0x0105): the WAN Provider replaces its own cell. */
    WAN_PROVIDER_BY_WAN_PROVIDER(
            5,
            "wanProviderByWanProvider",
            RemotePartyRole.WAN_PROVIDER,
            TrustAnchorCellId.WAN_PROVIDER_DS,
            RemotePartyRole.WAN_PROVIDER,
            Confidence.VERIFIED),
    /** {@code transCoSByTransCoS} (6, 0x0106): the Transitional CoS replaces its own cell. */
    TRANSITIONAL_COS_BY_TRANSITIONAL_COS(
            6,
            "transCoSByTransCoS",
            RemotePartyRole.TRANSITIONAL_COS,
            TrustAnchorCellId.TRANSITIONAL_COS_DS,
            RemotePartyRole.TRANSITIONAL_COS,
            Confidence.VERIFIED),
    /** {@code supplierByTransCoS} (7, 0x0107): the Transitional CoS replaces the Supplier's cells. */
    SUPPLIER_BY_TRANSITIONAL_COS(
            7,
            "supplierByTransCoS",
            RemotePartyRole.TRANSITIONAL_COS,
            TrustAnchorCellId.TRANSITIONAL_COS_DS,
            RemotePartyRole.SUPPLIER,
            Confidence.VERIFIED),
    /**
     * {@code anyExceptAbnormalRootByRecovery} (8, 0x0108): the Recovery key replaces any cell, the Root only in a
     * normal replacement (Methods 2 and 3; REC-5).
     */
    ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY(
            8,
            "anyExceptAbnormalRootByRecovery",
            RemotePartyRole.RECOVERY,
            TrustAnchorCellId.RECOVERY,
            null,
            Confidence.VERIFIED),
    /**
     * {@code anyByContingency} (9, 0x0109): the contingency key, unwrapped from the Root cell with the plaintext
     * Symmetric Key the command carries, replaces any cell (Root OCA compromise).
     */
    ANY_BY_CONTINGENCY(9, "anyByContingency", RemotePartyRole.ROOT, null, null, Confidence.VERIFIED);

    /** The message code of mode value 0; each mode's code is this plus its value. */
    public static final int FIRST_MESSAGE_CODE = 0x0100;

    private final int value;
    private final String gbcsName;
    private final RemotePartyRole authorisingRole;
    private final TrustAnchorCellId authorisingCell;
    private final RemotePartyRole replacedRole;
    private final Confidence confidence;

    CredentialsReplacementMode(
            int value,
            String gbcsName,
            RemotePartyRole authorisingRole,
            TrustAnchorCellId authorisingCell,
            RemotePartyRole replacedRole,
            Confidence confidence) {
        this.value = value;
        this.gbcsName = gbcsName;
        this.authorisingRole = authorisingRole;
        this.authorisingCell = authorisingCell;
        this.replacedRole = replacedRole;
        this.confidence = confidence;
    }

    /** {@return the GBCS enumeration value, 0 to 9} */
    public int value() {
        return value;
    }

    /** {@return the GBCS message code, {@code 0x0100} to {@code 0x0109}} */
    public int messageCode() {
        return FIRST_MESSAGE_CODE + value;
    }

    /** {@return the GBCS ASN.1 name, such as {@code anyByContingency}} */
    public String gbcsName() {
        return gbcsName;
    }

    /** {@return the Remote Party whose sequence-number floor the command's sequence number must pass} */
    public RemotePartyRole authorisingRole() {
        return authorisingRole;
    }

    /**
     * {@return the cell whose key verifies the command, or empty for {@link #ANY_BY_CONTINGENCY}, which is verified
     * with the contingency key unwrapped from the Root cell}
     */
    public Optional<TrustAnchorCellId> authorisingCell() {
        return Optional.ofNullable(authorisingCell);
    }

    /**
     * {@return the cell a command's authorisingRemotePartyTACellIdentifier names for this mode: the authorising
     * cell, or for {@link #ANY_BY_CONTINGENCY} the Root cell, from which the contingency key is unwrapped (an
     * {@linkplain Confidence#INFERRED inference}: GBCS names the element, not its value in contingency)}
     */
    public TrustAnchorCellId authorisingTrustAnchorCell() {
        return authorisingCell != null ? authorisingCell : TrustAnchorCellId.ROOT;
    }

    /**
     * {@return whether a command in this mode names its authorising cell (authorisingRemotePartyTACellIdentifier) on
     * a Device of {@code type}: always on a Communications Hub Function, and on any other Device unless the Access
     * Control Broker replaces its own credentials (GBCS §13.3.5, "Requirements for AuthorisingRemotePartyControl
     * elements", verified)}
     *
     * @param type the type of the Device the command is for
     */
    public boolean namesAuthorisingCell(DeviceType type) {
        Objects.requireNonNull(type, "type");
        return this != ACCESS_CONTROL_BROKER_BY_ACB || type == DeviceType.CHF;
    }

    /** {@return the only role whose cells the mode may replace, or empty when it may replace any cell} */
    public Optional<RemotePartyRole> replacedRole() {
        return Optional.ofNullable(replacedRole);
    }

    /**
     * {@return whether the mode may replace {@code cell} (the Recovery mode still only in a normal Root replacement)}
     *
     * @param cell the cell to replace
     */
    public boolean mayReplace(TrustAnchorCellId cell) {
        Objects.requireNonNull(cell, "cell");
        return replacedRole == null || replacedRole == cell.role();
    }

    /** {@return whether this is {@link #ANY_BY_CONTINGENCY}, the one mode that carries a plaintext Symmetric Key} */
    public boolean isContingency() {
        return this == ANY_BY_CONTINGENCY;
    }

    /** {@return how sure we are of the mode's value and code} */
    public Confidence confidence() {
        return confidence;
    }

    /**
     * {@return the mode with GBCS value {@code value}}
     *
     * @param value the GBCS value
     * @throws IllegalArgumentException when no mode has that value
     */
    public static CredentialsReplacementMode ofValue(int value) {
        for (CredentialsReplacementMode mode : values()) {
            if (mode.value == value) {
                return mode;
            }
        }
        throw new IllegalArgumentException("No Credentials Replacement Mode has value " + value + " (expected 0-9)");
    }

    /**
     * {@return the mode with GBCS message code {@code messageCode}}
     *
     * @param messageCode the GBCS message code
     * @throws IllegalArgumentException when no mode has that code
     */
    public static CredentialsReplacementMode ofMessageCode(int messageCode) {
        for (CredentialsReplacementMode mode : values()) {
            if (mode.messageCode() == messageCode) {
                return mode;
            }
        }
        throw new IllegalArgumentException(String.format(
                java.util.Locale.ROOT, "No CS02b message code 0x%04X (expected 0x0100-0x0109)", messageCode));
    }

    /**
     * {@return the mode named by {@code text}: its GBCS name or enum name, in any case}
     *
     * @param text the GBCS name or enum name
     * @throws IllegalArgumentException when {@code text} names none
     */
    public static CredentialsReplacementMode parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        for (CredentialsReplacementMode mode : values()) {
            if (mode.gbcsName.equalsIgnoreCase(t) || mode.name().equalsIgnoreCase(t)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown Credentials Replacement Mode '" + text + "'");
    }
}
