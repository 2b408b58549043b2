package dev.smki.core.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * Who an Organisation or OCA Certificate speaks for: the GBCS Remote Party Role, carried in the subject
 * OU as two upper-case hex digits (certificates.md §3; gbcs-parser and dccboxed-keystore role enums).
 */
public enum RemotePartyRole {
    /** The Root OCA ({@code OU=00}). */
    ROOT(0x00),
    /** The DCC's Recovery key ({@code OU=01}). */
    RECOVERY(0x01),
    /** An Import or Gas Supplier ({@code OU=02}). */
    SUPPLIER(0x02),
    /** An Electricity Distributor or Gas Transporter ({@code OU=03}). */
    NETWORK_OPERATOR(0x03),
    /** The DCC as Access Control Broker, ACB ({@code OU=04}). */
    ACCESS_CONTROL_BROKER(0x04),
    /** The DCC as Transitional Change of Supplier, TransCoS ({@code OU=05}). */
    TRANSITIONAL_COS(0x05),
    /** The DCC as WAN Provider ({@code OU=06}). */
    WAN_PROVIDER(0x06),
    /** The Issuing OCA ({@code OU=07}). */
    ISSUING_AUTHORITY(0x07),
    /** A Load Controller, a newer GBCS role ({@code OU=08}). */
    LOAD_CONTROLLER(0x08),
    /** Any other party ({@code OU=7F}). */
    OTHER(0x7F);

    private final int code;

    RemotePartyRole(int code) {
        this.code = code;
    }

    /** {@return the GBCS code of this role, such as 2 for {@link #SUPPLIER}} */
    public int code() {
        return code;
    }

    /** {@return the subject OU text of this role: two upper-case hex digits such as {@code "02"} or {@code "7F"}} */
    public String organisationalUnit() {
        return String.format(Locale.ROOT, "%02X", code);
    }

    /** {@return whether this role names a certification authority (the Root or Issuing OCA)} */
    public boolean isCertificateAuthority() {
        return this == ROOT || this == ISSUING_AUTHORITY;
    }

    /** {@return a lower-case hyphenated name such as {@code network-operator}, used in file and CLI names} */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * {@return the role with the given GBCS code}
     *
     * @param code the role's code, 0 to 255
     * @throws IllegalArgumentException when no role has that code
     */
    public static RemotePartyRole ofCode(int code) {
        for (RemotePartyRole role : values()) {
            if (role.code == code) {
                return role;
            }
        }
        throw new IllegalArgumentException("No Remote Party Role has code " + code);
    }

    /**
     * {@return the role whose OU text is {@code ou}: exactly two upper-case hex digits}
     *
     * @param ou the OU text, two upper-case hex digits
     * @throws IllegalArgumentException when {@code ou} is not two upper-case hex digits naming a role
     */
    public static RemotePartyRole ofOrganisationalUnit(String ou) {
        Objects.requireNonNull(ou, "ou");
        if (!ou.matches("[0-9A-F]{2}")) {
            throw new IllegalArgumentException("A Remote Party Role OU is two upper-case hex digits, got '" + ou + "'");
        }
        return ofCode(Integer.parseInt(ou, 16));
    }

    /**
     * {@return the role named by {@code text}: its enum name, its slug, its OU text or its decimal code}
     *
     * @param text the text to read
     * @throws IllegalArgumentException when {@code text} names no role
     */
    public static RemotePartyRole parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        for (RemotePartyRole role : values()) {
            if (role.name().equalsIgnoreCase(t)
                    || role.slug().equalsIgnoreCase(t)
                    || role.organisationalUnit().equals(t)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown Remote Party Role '" + text + "'");
    }
}
