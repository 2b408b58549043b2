package dev.smki.core.issuance;

import dev.smki.core.device.AnchorKeyUsage;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.identity.CellUsage;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import java.util.List;
import java.util.Objects;

/**
 * One Organisation Certificate a Party holds: its Remote Party Role, key usage and the trust-anchor cell it is
 * meant for. A Supplier holds a second key-agreement certificate for the prepayment top-up cell
 * (certificates.md §2.5 and §3.1), written {@code supplier-ka-topup}.
 *
 * @param role the Remote Party Role in the subject OU
 * @param keyUsage the one key usage the certificate asserts
 * @param cellUsage {@link CellUsage#PREPAYMENT_TOP_UP} for the Supplier's top-up key-agreement certificate,
 *     otherwise {@link CellUsage#MANAGEMENT}
 */
public record OrganisationCredential(RemotePartyRole role, CertificateUsage keyUsage, CellUsage cellUsage) {

    /**
     * The certificates the test PKI issues for every Party, following the trust-anchor replacements of
     * certificates.md §3.1: Supplier DS, KA and KA top-up; Network Operator DS and KA; ACB KA; WAN Provider DS;
     * Transitional CoS DS; Recovery DS; Load Controller DS and KA; Other DS and KA; and an ACB DS certificate, used
     * for DUIS signing and never a device trust anchor (offered as one, it draws the CERT-38 warning).
     */
    public static final List<OrganisationCredential> STANDARD = List.of(
            of(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE),
            of(RemotePartyRole.SUPPLIER, CertificateUsage.KEY_AGREEMENT),
            new OrganisationCredential(
                    RemotePartyRole.SUPPLIER, CertificateUsage.KEY_AGREEMENT, CellUsage.PREPAYMENT_TOP_UP),
            of(RemotePartyRole.NETWORK_OPERATOR, CertificateUsage.DIGITAL_SIGNATURE),
            of(RemotePartyRole.NETWORK_OPERATOR, CertificateUsage.KEY_AGREEMENT),
            of(RemotePartyRole.ACCESS_CONTROL_BROKER, CertificateUsage.KEY_AGREEMENT),
            of(RemotePartyRole.ACCESS_CONTROL_BROKER, CertificateUsage.DIGITAL_SIGNATURE),
            of(RemotePartyRole.WAN_PROVIDER, CertificateUsage.DIGITAL_SIGNATURE),
            of(RemotePartyRole.TRANSITIONAL_COS, CertificateUsage.DIGITAL_SIGNATURE),
            of(RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE),
            of(RemotePartyRole.LOAD_CONTROLLER, CertificateUsage.DIGITAL_SIGNATURE),
            of(RemotePartyRole.LOAD_CONTROLLER, CertificateUsage.KEY_AGREEMENT),
            of(RemotePartyRole.OTHER, CertificateUsage.DIGITAL_SIGNATURE),
            of(RemotePartyRole.OTHER, CertificateUsage.KEY_AGREEMENT));

    private static final String TOP_UP_SUFFIX = "-topup";

    /**
     * Checks the components.
     *
     * @param role the Remote Party Role
     * @param keyUsage the key usage
     * @param cellUsage the trust-anchor cell the certificate goes in
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the top-up cell is asked for anything but a Supplier key-agreement
     *     certificate
     */
    public OrganisationCredential {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(keyUsage, "keyUsage");
        Objects.requireNonNull(cellUsage, "cellUsage");
        if (cellUsage == CellUsage.PREPAYMENT_TOP_UP
                && (role != RemotePartyRole.SUPPLIER || keyUsage != CertificateUsage.KEY_AGREEMENT)) {
            throw new IllegalArgumentException(
                    "Only a Supplier key-agreement certificate serves the prepayment top-up cell, not " + role + " "
                            + keyUsage);
        }
    }

    /**
     * {@return the management-cell credential of {@code role} for {@code keyUsage}}
     *
     * @param role the Remote Party Role
     * @param keyUsage the key usage
     */
    public static OrganisationCredential of(RemotePartyRole role, CertificateUsage keyUsage) {
        return new OrganisationCredential(role, keyUsage, CellUsage.MANAGEMENT);
    }

    /**
     * Reads a credential from its file stem, such as {@code supplier-ka-topup} or {@code network-operator-ds}.
     *
     * @param stem the file stem
     * @return the credential
     * @throws IllegalArgumentException when {@code stem} names no credential
     */
    public static OrganisationCredential parse(String stem) {
        Objects.requireNonNull(stem, "stem");
        String s = stem.trim();
        CellUsage cell = CellUsage.MANAGEMENT;
        if (s.endsWith(TOP_UP_SUFFIX)) {
            cell = CellUsage.PREPAYMENT_TOP_UP;
            s = s.substring(0, s.length() - TOP_UP_SUFFIX.length());
        }
        int dash = s.lastIndexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException(
                    "Not an organisation credential '" + stem + "' (expected <role>-<ds|ka>[-topup])");
        }
        return new OrganisationCredential(
                RemotePartyRole.parse(s.substring(0, dash)), CertificateUsage.parse(s.substring(dash + 1)), cell);
    }

    /**
     * {@return the Device trust-anchor cell a certificate of this credential goes in, such as
     * {@code supplier-ka-topup}; its text form is this credential's {@link #fileStem()}}
     *
     * @throws IllegalArgumentException when no trust-anchor cell holds such a certificate: the Root's and the
     *     Issuing Authority's keys are never an Organisation Certificate in a cell
     */
    public TrustAnchorCellId cell() {
        return new TrustAnchorCellId(role, AnchorKeyUsage.of(keyUsage), cellUsage);
    }

    /** {@return whether this is the Supplier's prepayment top-up key-agreement credential} */
    public boolean isTopUp() {
        return cellUsage == CellUsage.PREPAYMENT_TOP_UP;
    }

    /** {@return the file stem, such as {@code supplier-ka-topup}; {@link #parse} reads it back} */
    public String fileStem() {
        return role.slug() + "-" + keyUsage.abbreviation() + (isTopUp() ? TOP_UP_SUFFIX : "");
    }

    @Override
    public String toString() {
        return fileStem();
    }
}
