package dev.smki.core.registration;

import dev.smki.core.identity.RemotePartyRole;
import java.util.Locale;
import java.util.Objects;

/**
 * A SEC User Role, the capacity in which a Party uses DCC services, for which it gives EUI-64 User IDs on
 * its Organisation Information Form.
 *
 * <p>The list of roles and their mapping onto GBCS Remote Party Roles are from memory of SEC Section A and
 * GBCS (recovery.md §4, confidence memory): one Supplier remote party role covers both fuels and one Network
 * Operator role covers both network types.
 */
public enum UserRole {
    /** Import (electricity) Supplier. */
    IMPORT_SUPPLIER(RemotePartyRole.SUPPLIER),
    /** Export (electricity) Supplier. */
    EXPORT_SUPPLIER(RemotePartyRole.OTHER),
    /** Gas Supplier. */
    GAS_SUPPLIER(RemotePartyRole.SUPPLIER),
    /** Electricity Distributor (a Network Operator). */
    ELECTRICITY_DISTRIBUTOR(RemotePartyRole.NETWORK_OPERATOR),
    /** Gas Transporter (a Network Operator). */
    GAS_TRANSPORTER(RemotePartyRole.NETWORK_OPERATOR),
    /** Registered Supplier Agent. */
    REGISTERED_SUPPLIER_AGENT(RemotePartyRole.OTHER),
    /** Other User. */
    OTHER_USER(RemotePartyRole.OTHER);

    private final RemotePartyRole remotePartyRole;

    UserRole(RemotePartyRole remotePartyRole) {
        this.remotePartyRole = remotePartyRole;
    }

    /** {@return the GBCS Remote Party Role an Organisation Certificate for this User Role carries} */
    public RemotePartyRole remotePartyRole() {
        return remotePartyRole;
    }

    /** {@return the hyphenated lower-case name, such as {@code import-supplier}} */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * {@return the User Role named by {@code text}: its enum name, its slug or its words
     * ({@code Import Supplier}), in any case}
     *
     * @param text the enum name, slug or words
     * @throws IllegalArgumentException when {@code text} names no User Role
     */
    public static UserRole parse(String text) {
        Objects.requireNonNull(text, "text");
        String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (UserRole role : values()) {
            if (role.name().equals(normal)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown User Role '" + text + "' (expected one of "
                + java.util.Arrays.stream(values()).map(UserRole::slug).toList() + ")");
    }
}
