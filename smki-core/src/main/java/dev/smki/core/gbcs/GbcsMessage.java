package dev.smki.core.gbcs;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.jspecify.annotations.Nullable;

/**
 * A GBCS message as a Device receives or sends it:
 *
 * <pre>
 * [MAC Header]  Grouping Header  Payload  0x40 | Signature (r || s)   [ACB-SMD MAC]
 *                                         0x00  (no signature)
 * </pre>
 *
 * GBCS §13.3.3.1 (verified) gives the CS02b forms: {@code Grouping Header || Payload || 0x40 || KRP Signature}
 * for the Recovery and contingency modes; {@code MAC Header || Grouping Header || Payload || 0x40 || KRP Signature
 * || ACB-SMD MAC} for the other modes, and {@code 0x00} in place of the signature for the ACB's own mode. This
 * simulation builds the first form only: the MAC Header and the ACB-SMD MAC need the key agreement between the
 * Access Control Broker and the Device (GBCS §6.2.3, §7.2.5), which it does not model. It reads a message that
 * comes in a MAC Header (as the DCC's reference samples of the other modes do) and shows the MAC, but cannot check
 * it: the MAC Header is read in the form those samples have ({@code DD 00 00 00 00 00 00}, the ciphered-content
 * length, a security header of a security-control octet and a four-octet invocation counter, and a twelve-octet MAC
 * at the end), {@linkplain dev.smki.core.provenance.Confidence#OBSERVED observed}, not read in the GBCS text.
 *
 * <p>A message keeps its exact bytes; reading never re-encodes. Immutable.
 */
public final class GbcsMessage {

    /** The General Ciphering tag opening a MAC Header. */
    public static final int GENERAL_CIPHERING = 0xDD;

    private static final int MAC_LENGTH = 12;
    private static final int SECURITY_HEADER_LENGTH = 5;
    private static final int EMPTY_CIPHERING_FIELDS = 6;

    /** Reads a message's payload once its Grouping Header is known. */
    @FunctionalInterface
    public interface PayloadReader<P> {
        /**
         * Reads the payload from {@code payload}, which holds exactly the Content Length bytes, recording its
         * fields in {@code trace}.
         *
         * @param header the Grouping Header read before the payload
         * @param payload what the payload reader made of the payload
         * @param trace where the fields read are recorded
         * @return the payload read
         * @throws GbcsFormatException naming the offset and the field of anything malformed
         */
        P read(GroupingHeader.Read header, GbcsReader payload, Trace trace);
    }

    /**
     * A message and what its payload says.
     *
     * @param message the message
     * @param payload what the payload reader made of the payload
     */
    public record Parsed<P>(GbcsMessage message, P payload) {}

    /**
     * The MAC layer around a message, as read: never checked by this simulation.
     *
     * @param securityControl the security control octet (0x11 in the DCC's samples)
     * @param invocationCounter the four-octet invocation counter
     * @param mac the twelve-octet ACB-SMD MAC, upper-case hex
     */
    public record MacLayer(int securityControl, long invocationCounter, String mac) {}

    private final byte[] bytes;
    private final GroupingHeader header;
    private final int headerOffset;
    private final int payloadOffset;
    private final int payloadEnd;
    private final byte[] signature;
    private final MacLayer macLayer;

    private GbcsMessage(
            byte[] bytes,
            GroupingHeader header,
            int headerOffset,
            int payloadOffset,
            int payloadEnd,
            byte[] signature,
            MacLayer macLayer) {
        this.bytes = bytes;
        this.header = header;
        this.headerOffset = headerOffset;
        this.payloadOffset = payloadOffset;
        this.payloadEnd = payloadEnd;
        this.signature = signature;
        this.macLayer = macLayer;
    }

    /**
     * {@return {@code header || payload || 0x40 || signature}, signed with {@code key} (GBCS §6.3.3)}
     *
     * @param header the Grouping Header
     * @param payload what the payload reader made of the payload
     * @param key the key that signs the message
     */
    public static GbcsMessage signed(GroupingHeader header, byte[] payload, GbcsSigner key) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(key, "key");
        byte[] head = header.encode(payload.length);
        byte[] signedPart = new byte[head.length - 1 + payload.length];
        System.arraycopy(head, 1, signedPart, 0, head.length - 1);
        System.arraycopy(payload, 0, signedPart, head.length - 1, payload.length);
        byte[] signature = KrpSignature.sign(key, signedPart);
        byte[] bytes = DerWriter.concat(
                new byte[] {(byte) GroupingHeader.GENERAL_SIGNING},
                signedPart,
                new byte[] {KrpSignature.LENGTH},
                signature);
        return new GbcsMessage(bytes, header, 0, head.length, head.length + payload.length, signature, null);
    }

    /**
     * {@return {@code header || payload || 0x00}: a message with no signature}
     *
     * @param header the Grouping Header
     * @param payload what the payload reader made of the payload
     */
    public static GbcsMessage unsigned(GroupingHeader header, byte[] payload) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
        byte[] head = header.encode(payload.length);
        byte[] bytes = DerWriter.concat(head, payload, new byte[] {0});
        return new GbcsMessage(bytes, header, 0, head.length, head.length + payload.length, null, null);
    }

    /**
     * Reads {@code bytes} as one message, its payload with {@code payloads}, recording every field in
     * {@code trace}. The bytes are copied.
     *
     * @param <P> the type of the payload read
     * @param bytes the whole GBCS message
     * @param payloads what reads the payload
     * @param trace where the fields read are recorded
     * @return the message and its payload
     * @throws GbcsFormatException naming the offset and the field of anything malformed
     */
    public static <P> Parsed<P> read(byte[] bytes, PayloadReader<P> payloads, Trace trace) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(payloads, "payloads");
        Objects.requireNonNull(trace, "trace");
        byte[] copy = bytes.clone();
        GbcsReader in = GbcsReader.of(copy);
        if (!in.hasMore()) {
            throw GbcsReader.error(0, "message", "no bytes");
        }
        if (in.peek() != GENERAL_CIPHERING) {
            Parsed<P> parsed = readSigned(copy, in, null, payloads, trace);
            in.expectEnd("message");
            return parsed;
        }
        trace.open("MAC Header", 0, -1, "not checked: the ACB-Device key agreement is not modelled");
        trace.field("General Ciphering tag", 0, 1, "0xDD");
        in.octet("General Ciphering tag");
        for (int i = 0; i < EMPTY_CIPHERING_FIELDS; i++) {
            int at = in.position();
            if (in.octet("General Ciphering field") != 0) {
                throw GbcsReader.error(
                        at,
                        "General Ciphering field",
                        "expected 0x00: this reader takes the MAC Header form of the DCC's reference samples");
            }
        }
        trace.field("Empty ciphering fields", 1, EMPTY_CIPHERING_FIELDS, "00 00 00 00 00 00");
        int lengthAt = in.position();
        int cipheredLength = in.length("Ciphered Content length");
        trace.number("Ciphered Content length", lengthAt, in.position() - lengthAt, cipheredLength);
        GbcsReader ciphered = in.take(cipheredLength, "Ciphered Content");
        int securityAt = ciphered.position();
        if (ciphered.remaining() < SECURITY_HEADER_LENGTH + MAC_LENGTH) {
            throw GbcsReader.error(securityAt, "Ciphered Content", "too short for a security header and a MAC");
        }
        int securityControl = ciphered.octet("Security Control");
        long invocationCounter = ciphered.unsigned(4, "Invocation Counter");
        trace.field("Security Control", securityAt, 1, GbcsReader.hex(securityControl));
        trace.number("Invocation Counter", securityAt + 1, 4, invocationCounter);
        trace.close();
        GbcsReader inner = ciphered.take(ciphered.remaining() - MAC_LENGTH, "message");
        int macAt = ciphered.position();
        String mac = HexText.hex(ciphered.octets(MAC_LENGTH, "ACB-SMD MAC"));
        MacLayer layer = new MacLayer(securityControl, invocationCounter, mac);
        Parsed<P> parsed = readSigned(copy, inner, layer, payloads, trace);
        inner.expectEnd("message");
        trace.field("ACB-SMD MAC", macAt, MAC_LENGTH, mac + " (not checked)");
        in.expectEnd("message");
        return parsed;
    }

    /**
     * Reads {@code bytes} as one message, leaving the payload's contents unread.
     *
     * @param bytes the whole GBCS message
     * @return the message read
     */
    public static GbcsMessage read(byte[] bytes) {
        return read(bytes, GbcsMessage::skipPayload, Trace.NONE).message();
    }

    private static Void skipPayload(GroupingHeader.Read header, GbcsReader payload, Trace trace) {
        int at = payload.position();
        int length = payload.remaining();
        payload.take(length, "Payload");
        trace.field("Payload", at, length, length + " bytes, not read");
        return null;
    }

    private static <P> Parsed<P> readSigned(
            byte[] bytes, GbcsReader in, MacLayer layer, PayloadReader<P> payloads, Trace trace) {
        int headerOffset = in.position();
        trace.open("Grouping Header", headerOffset, -1, "");
        GroupingHeader.Read read = GroupingHeader.read(in, trace);
        trace.close();
        int payloadOffset = in.position();
        GbcsReader payload = in.take(read.contentLength(), "Payload");
        trace.open("Payload", payloadOffset, read.contentLength(), "");
        P value = payloads.read(read, payload, trace);
        payload.expectEnd("Payload");
        trace.close();
        int payloadEnd = in.position();
        int signatureAt = in.position();
        int signatureLength = in.octet("Signature Length");
        byte[] signature = null;
        if (signatureLength == KrpSignature.LENGTH) {
            signature = in.octets(KrpSignature.LENGTH, "Signature");
            trace.open("Signature", signatureAt, 1 + KrpSignature.LENGTH, "");
            trace.number("Length", signatureAt, 1, 64);
            trace.field("r", signatureAt + 1, 32, HexText.hex(Arrays.copyOfRange(signature, 0, 32)));
            trace.field("s", signatureAt + 33, 32, HexText.hex(Arrays.copyOfRange(signature, 32, 64)));
            trace.close();
        } else if (signatureLength == 0) {
            trace.field("Signature", signatureAt, 1, "absent (0x00)");
        } else {
            throw GbcsReader.error(
                    signatureAt,
                    "Signature Length",
                    "expected 0x40 (a 64-octet signature) or 0x00 (none), found " + GbcsReader.hex(signatureLength));
        }
        return new Parsed<>(
                new GbcsMessage(bytes, read.header(), headerOffset, payloadOffset, payloadEnd, signature, layer),
                value);
    }

    /** {@return the offset of the Grouping Header's first byte: 0, or past the MAC Header} */
    public int headerOffset() {
        return headerOffset;
    }

    /** {@return the Grouping Header} */
    public GroupingHeader header() {
        return header;
    }

    /** {@return the whole message (a copy), MAC layer included when it came in one} */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** {@return the whole message as hex text ({@link HexText#format})} */
    public String toHex() {
        return HexText.format(bytes);
    }

    /** {@return the message length in bytes} */
    public int length() {
        return bytes.length;
    }

    /** {@return the payload (a copy)} */
    public byte[] payload() {
        return Arrays.copyOfRange(bytes, payloadOffset, payloadEnd);
    }

    /** {@return the offset of the payload's first byte} */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** {@return the signature {@code r || s} (a copy), or empty when the message carries none} */
    public Optional<byte[]> signature() {
        return Optional.ofNullable(signature).map(byte[]::clone);
    }

    /** {@return the MAC layer the message came in, if it came in one} */
    public Optional<MacLayer> macLayer() {
        return Optional.ofNullable(macLayer);
    }

    /** {@return the signed bytes (a copy): the Grouping Header after its first octet, and the payload} */
    public byte[] signedPart() {
        return Arrays.copyOfRange(bytes, headerOffset + 1, payloadEnd);
    }

    /** {@return how many bytes are signed} */
    public int signedLength() {
        return payloadEnd - headerOffset - 1;
    }

    /**
     * {@return whether the message carries a signature that verifies with {@code key}}
     *
     * @param key the public key to verify with
     */
    public boolean verifies(ECPublicKeyParameters key) {
        Objects.requireNonNull(key, "key");
        return signature != null
                && KrpSignature.verifies(key, bytes, headerOffset + 1, payloadEnd - headerOffset - 1, signature);
    }

    /**
     * {@return whether the message carries a signature that verifies with the P-256 key {@code key}}
     *
     * @param key the public key to verify with, as a SubjectPublicKeyInfo
     * @throws IllegalArgumentException when {@code key} is not a P-256 public key
     */
    public boolean verifies(SubjectPublicKeyInfo key) {
        return verifies(KrpSignature.publicKey(key));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof GbcsMessage other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "GbcsMessage[" + header.craFlag() + " "
                + String.format(java.util.Locale.ROOT, "0x%04X", header.messageCode()) + " from "
                + header.businessOriginator() + " to " + header.businessTarget() + ", " + bytes.length
                + " bytes]";
    }
}
