package dev.smki.core.identity;

import java.util.Objects;

/** The GBCS DeviceType enumeration (certificates.md §4; GBCS JoinDevice payload, gbcs-parser). */
public enum DeviceType {
    /** Gas Smart Metering Equipment, GBCS {@code gSME}. */
    GSME(0, "gSME"),
    /** Electricity Smart Metering Equipment, GBCS {@code eSME}. */
    ESME(1, "eSME"),
    /** Communications Hub Function, GBCS {@code communicationsHubCommunicationsHubFunction}. */
    CHF(2, "communicationsHubCommunicationsHubFunction"),
    /** Gas Proxy Function, GBCS {@code communicationsHubGasProxyFunction}. */
    GPF(3, "communicationsHubGasProxyFunction"),
    /** HAN Connected Auxiliary Load Control Switch, GBCS {@code type1HANConnectedAuxiliaryLoadControlSwitch}. */
    HCALCS(4, "type1HANConnectedAuxiliaryLoadControlSwitch"),
    /** Prepayment Interface Device, GBCS {@code type1PrepaymentInterfaceDevice}. */
    PPMID(5, "type1PrepaymentInterfaceDevice"),
    /** A Type 2 device such as an In-Home Display, GBCS {@code type2}. */
    TYPE2(6, "type2");

    private final int code;
    private final String gbcsName;

    DeviceType(int code, String gbcsName) {
        this.code = code;
        this.gbcsName = gbcsName;
    }

    /** {@return the GBCS enumeration value, 0 to 6} */
    public int code() {
        return code;
    }

    /** {@return the GBCS ASN.1 name, such as {@code eSME}} */
    public String gbcsName() {
        return gbcsName;
    }

    /**
     * {@return the device type with the given GBCS value}
     *
     * @param code the GBCS device type code
     * @throws IllegalArgumentException when no device type has that value
     */
    public static DeviceType ofCode(int code) {
        for (DeviceType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("No GBCS DeviceType has value " + code + " (expected 0-6)");
    }

    /**
     * {@return the device type named by {@code text}: its enum name or its GBCS name, in any case}
     *
     * @param text the text to read
     * @throws IllegalArgumentException when {@code text} names no device type
     */
    public static DeviceType parse(String text) {
        Objects.requireNonNull(text, "text");
        for (DeviceType type : values()) {
            if (type.name().equalsIgnoreCase(text.trim()) || type.gbcsName.equalsIgnoreCase(text.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown device type '" + text + "'");
    }
}
