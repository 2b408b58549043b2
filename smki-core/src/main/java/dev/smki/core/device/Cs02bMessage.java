package dev.smki.core.device;

import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.GroupingHeader;

/**
 * What a CS02b command and a Device's response have in common: the GBCS message they are, kept as the exact bytes
 * it was read from or written as. Equal when the bytes are.
 */
abstract sealed class Cs02bMessage permits SignedCommand, UpdateSecurityCredentialsResponse {

    private final GbcsMessage message;

    Cs02bMessage(GbcsMessage message) {
        this.message = message;
    }

    /** {@return the GBCS message} */
    public GbcsMessage message() {
        return message;
    }

    /** {@return the Grouping Header} */
    public GroupingHeader header() {
        return message.header();
    }

    /** {@return the message bytes (a copy)} */
    public byte[] toBytes() {
        return message.toBytes();
    }

    /** {@return the message as hex text, 32 octets to a line} */
    public String toHex() {
        return message.toHex();
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && message.equals(((Cs02bMessage) o).message);
    }

    @Override
    public final int hashCode() {
        return message.hashCode();
    }
}
