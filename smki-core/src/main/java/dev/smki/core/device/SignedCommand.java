package dev.smki.core.device;

import dev.smki.core.gbcs.CraFlag;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.GroupingHeader;
import dev.smki.core.gbcs.Trace;
import dev.smki.core.identity.Eui64;
import java.util.Objects;
import java.util.Optional;

/**
 * A CS02b Update Security Credentials command as a Device receives it, the GBCS message of GBCS §13.3.3.1:
 *
 * <pre>
 * Grouping Header || UpdateSecurityCredentials payload (DER) || 0x40 || KRP Signature (r || s)
 * </pre>
 *
 * The Grouping Header ({@link GroupingHeader}, GBCS §7.2.7) carries the CRA Flag Command, the authorising
 * party's Originator Counter, its EUI-64 as Business Originator ID, the Device's as Business Target ID, no
 * date-time, and the message code of the command's mode; the KRP Signature ({@link dev.smki.core.gbcs.KrpSignature},
 * GBCS §6.3.3) covers header and payload, so no other Device accepts the command and no byte of it can change.
 *
 * <p>This is the form GBCS gives the Recovery ({@code 0x0108}) and contingency ({@code 0x0109}) modes. The other
 * modes travel in GBCS inside a MAC Header with an ACB-SMD MAC (and the ACB's own mode with no KRP signature),
 * which needs the ACB-Device key agreement this simulation does not model: it builds every mode in the form
 * above, and a simulated Device refuses a command that comes in a MAC Header, since it cannot check the MAC (see
 * {@link GbcsMessage}). Signatures are deterministic (RFC 6979), so signing the same command for the same Device
 * twice gives the same bytes. Immutable; equal when the bytes are.
 */
public final class SignedCommand extends Cs02bMessage {

    private final UpdateSecurityCredentials command;

    SignedCommand(GbcsMessage message, UpdateSecurityCredentials command) {
        super(message);
        this.command = command;
    }

    static SignedCommand sign(UpdateSecurityCredentials command, Authoriser authoriser, Eui64 recipient, long counter) {
        GroupingHeader header = new GroupingHeader(
                CraFlag.COMMAND, counter, authoriser.originator(), recipient, Optional.empty(), command.messageCode());
        return new SignedCommand(authoriser.sign(header, command.derBytes()), command);
    }

    /**
     * Reads the GBCS message {@link #toBytes()} writes. The signature is not checked here: a Device checks it.
     *
     * @param bytes the GBCS message bytes
     * @return the command read
     * @throws dev.smki.core.gbcs.GbcsFormatException naming the offset and the field when the bytes are not a
     *     CS02b command
     */
    public static SignedCommand parse(byte[] bytes) {
        return read(bytes, Trace.NONE);
    }

    /**
     * Reads the GBCS message {@code bytes}, recording every field in {@code trace}.
     *
     * @param bytes the GBCS message bytes
     * @param trace where the fields read are recorded
     * @return the command read
     * @throws dev.smki.core.gbcs.GbcsFormatException naming the offset and the field when the bytes are not a
     *     CS02b command
     */
    public static SignedCommand read(byte[] bytes, Trace trace) {
        GbcsMessage.Parsed<UpdateSecurityCredentials> parsed =
                GbcsMessage.read(Objects.requireNonNull(bytes, "bytes"), Cs02bMessages::readCommand, trace);
        return new SignedCommand(parsed.message(), parsed.payload());
    }

    /** {@return the authorising party's EUI-64 from the header (Business Originator ID)} */
    public Eui64 originator() {
        return header().businessOriginator();
    }

    /** {@return the EUI-64 of the Device the command is addressed to (Business Target ID)} */
    public Eui64 recipient() {
        return header().businessTarget();
    }

    /** {@return the header's Originator Counter} */
    public long originatorCounter() {
        return header().originatorCounter();
    }

    /** {@return the command payload} */
    public UpdateSecurityCredentials command() {
        return command;
    }

    /** {@return the GBCS message code in the header, that of the command's mode} */
    public int messageCode() {
        return header().messageCode();
    }

    /** {@return the KRP Signature {@code r || s} (a copy), or empty when the message carries none} */
    public Optional<byte[]> signature() {
        return message().signature();
    }

    @Override
    public String toString() {
        return "SignedCommand[from " + originator() + " to " + recipient() + ", counter " + originatorCounter() + ", "
                + command + "]";
    }
}
