package dev.smki.core.device;

import dev.smki.core.identity.Eui64;
import java.util.Arrays;
import java.util.Objects;

/**
 * An Update Security Credentials command as sent to one Device: a header naming the message code, the
 * originator and the recipient, the {@link UpdateSecurityCredentials} body, and the authorising party's
 * ECDSA P-256/SHA-256 signature over header and body together.
 *
 * <p>GBCS signs its whole message, header included, and appends the signature; the exact GBCS header (General
 * Signing with its transaction identifier and date-time) was not at hand, so this envelope is a
 * {@linkplain dev.smki.core.provenance.Confidence#RECONSTRUCTED reconstruction} carrying what the Device needs:
 *
 * <pre>
 * SignedUpdateSecurityCredentials ::= SEQUENCE {
 *   signedPart SEQUENCE {
 *     header  SEQUENCE { messageCode INTEGER,                  -- 0x0100..0x0109, the mode's
 *                        originator  OCTET STRING (SIZE (8)),  -- the authorising party's EUI-64
 *                        recipient   OCTET STRING (SIZE (8)) },-- the target Device's EUI-64
 *     command UpdateSecurityCredentialsCommand },
 *   signature OCTET STRING                                     -- DER ECDSA-Sig-Value (GBCS: r || s)
 * }
 * </pre>
 *
 * Signatures are deterministic (RFC 6979), so signing the same command for the same Device twice gives the same
 * bytes. Immutable; equal when the DER encodings are.
 */
public final class SignedCommand {

    private final Eui64 originator;
    private final Eui64 recipient;
    private final UpdateSecurityCredentials command;
    private final byte[] signedPart;
    private final byte[] signature;
    private final byte[] der;

    SignedCommand(
            Eui64 originator,
            Eui64 recipient,
            UpdateSecurityCredentials command,
            byte[] signedPart,
            byte[] signature,
            byte[] der) {
        this.originator = originator;
        this.recipient = recipient;
        this.command = command;
        this.signedPart = signedPart;
        this.signature = signature;
        this.der = der;
    }

    static SignedCommand sign(UpdateSecurityCredentials command, Authoriser authoriser, Eui64 recipient) {
        byte[] signedPart = Cs02bCodec.encodeSignedPart(command, authoriser.originator(), recipient);
        byte[] signature = authoriser.sign(signedPart);
        return new SignedCommand(
                authoriser.originator(),
                recipient,
                command,
                signedPart,
                signature,
                Cs02bCodec.encodeEnvelope(signedPart, signature));
    }

    /**
     * Reads the DER encoding {@link #toDer()} writes. The signature is not checked here: a Device checks it.
     *
     * @throws IllegalArgumentException naming the problem when the bytes are not such a command
     */
    public static SignedCommand parse(byte[] der) {
        return Cs02bCodec.decodeEnvelope(Objects.requireNonNull(der, "der"));
    }

    /** Returns the authorising party's EUI-64 from the header. */
    public Eui64 originator() {
        return originator;
    }

    /** Returns the EUI-64 of the Device the command is addressed to. */
    public Eui64 recipient() {
        return recipient;
    }

    /** Returns the command body. */
    public UpdateSecurityCredentials command() {
        return command;
    }

    /** Returns the GBCS message code in the header, that of the command's mode. */
    public int messageCode() {
        return command.messageCode();
    }

    /** Returns the DER ECDSA-Sig-Value (a copy). */
    public byte[] signature() {
        return signature.clone();
    }

    /** Returns the DER encoding (a copy). */
    public byte[] toDer() {
        return der.clone();
    }

    byte[] signedPartBytes() {
        return signedPart;
    }

    byte[] signatureBytes() {
        return signature;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedCommand other && Arrays.equals(der, other.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "SignedCommand[from " + originator + " to " + recipient + ", " + command + "]";
    }
}
