package dev.smki.core.device;

import dev.smki.core.identity.CellUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.SymmetricKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Writes and reads the DER of the CS02b command body ({@link UpdateSecurityCredentials}) and of its signed
 * envelope ({@link SignedCommand}). Writing uses Bouncy Castle's ASN.1 classes. Reading walks the structure in
 * place ({@link DerReader}) so that the signed part, the body and the certificates are kept as the exact bytes
 * received, never re-encoded; it is strict (definite minimal lengths, minimal INTEGERs, nothing left over, no
 * field this simulation does not model), and every problem is an {@link IllegalArgumentException} naming it.
 */
final class Cs02bCodec {

    private static final int CONTEXT_PRIMITIVE = 0x80;
    private static final int SYMMETRIC_KEY_TAG = 0;
    private static final int NEW_FLOOR_TAG = 4;
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private Cs02bCodec() {}

    // ---- writing ----

    static byte[] encodeBody(UpdateSecurityCredentials command) {
        ASN1EncodableVector control = new ASN1EncodableVector();
        control.add(new ASN1Integer(command.mode().value()));
        command.symmetricKey()
                .ifPresent(key ->
                        control.add(new DERTaggedObject(false, SYMMETRIC_KEY_TAG, new DEROctetString(key.toOctets()))));
        control.add(new ASN1Integer(command.sequenceNumber()));
        command.newFloor()
                .ifPresent(floor -> control.add(new DERTaggedObject(false, NEW_FLOOR_TAG, new ASN1Integer(floor))));

        ASN1EncodableVector replacements = new ASN1EncodableVector();
        for (Replacement replacement : command.replacements()) {
            replacements.add(new DERSequence(new ASN1Encodable[] {
                certificate(replacement.certificateBytes(), "replacement certificate for " + replacement.target()),
                cellIdentifier(replacement.target())
            }));
        }
        ASN1EncodableVector path = new ASN1EncodableVector();
        for (byte[] certificate : command.certificationPathBytes()) {
            path.add(certificate(certificate, "certification-path certificate"));
        }
        ASN1EncodableVector body = new ASN1EncodableVector();
        body.add(new DERSequence(control));
        body.add(new DERSequence(replacements));
        body.add(new DERSequence(path));
        command.executionDateTime().ifPresent(at -> body.add(new DERGeneralizedTime(GENERALIZED_TIME.format(at))));
        return der(new DERSequence(body));
    }

    static byte[] encodeSignedPart(UpdateSecurityCredentials command, Eui64 originator, Eui64 recipient) {
        byte[] header = der(new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(command.messageCode()),
            new DEROctetString(originator.toOctets()),
            new DEROctetString(recipient.toOctets())
        }));
        return sequence(header, command.derBytes());
    }

    static byte[] encodeEnvelope(byte[] signedPart, byte[] signature) {
        return sequence(signedPart, tlv(BERTags.OCTET_STRING, signature));
    }

    private static ASN1Sequence cellIdentifier(TrustAnchorCellId cell) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(cell.role().code()));
        v.add(new KeyUsage(keyUsageBits(cell.keyUsage())));
        if (cell.cellUsage() != CellUsage.MANAGEMENT) {
            v.add(new ASN1Integer(cell.cellUsage().code()));
        }
        return new DERSequence(v);
    }

    private static int keyUsageBits(AnchorKeyUsage usage) {
        return switch (usage) {
            case DIGITAL_SIGNATURE -> KeyUsage.digitalSignature;
            case KEY_AGREEMENT -> KeyUsage.keyAgreement;
            case CERTIFICATE_SIGNING -> KeyUsage.keyCertSign;
        };
    }

    private static ASN1Primitive certificate(byte[] der, String what) {
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The " + what + " is not DER-encoded ASN.1: " + e.getMessage(), e);
        }
    }

    /** Returns the DER SEQUENCE whose contents are the already-encoded {@code parts}. */
    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream contents = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            contents.writeBytes(part);
        }
        return tlv(BERTags.SEQUENCE | BERTags.CONSTRUCTED, contents.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(contents.length + 6);
        out.write(tag);
        int length = contents.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(contents);
        return out.toByteArray();
    }

    private static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- reading ----

    static UpdateSecurityCredentials decodeBody(byte[] der) {
        DerReader in = DerReader.of(der);
        DerReader.Tlv body = in.next(DerReader.SEQUENCE, "command");
        in.expectEnd("command");
        return body(in, body);
    }

    static SignedCommand decodeEnvelope(byte[] der) {
        DerReader in = DerReader.of(der);
        DerReader.Tlv envelopeTlv = in.next(DerReader.SEQUENCE, "signed command");
        in.expectEnd("signed command");
        DerReader envelope = in.contents(envelopeTlv);
        DerReader.Tlv signedPartTlv = envelope.next(DerReader.SEQUENCE, "signed part");
        DerReader.Tlv signatureTlv = envelope.next(DerReader.OCTET_STRING, "signature");
        envelope.expectEnd("signed command");

        DerReader signedPart = envelope.contents(signedPartTlv);
        DerReader.Tlv headerTlv = signedPart.next(DerReader.SEQUENCE, "header");
        DerReader.Tlv bodyTlv = signedPart.next(DerReader.SEQUENCE, "command");
        signedPart.expectEnd("signed part");

        DerReader header = signedPart.contents(headerTlv);
        int messageCode =
                (int) header.nonNegative(header.next(DerReader.INTEGER, "message code"), "message code", 0xFFFF);
        Eui64 originator = eui64(header, "originator");
        Eui64 recipient = eui64(header, "recipient");
        header.expectEnd("header");

        UpdateSecurityCredentials command = body(signedPart, bodyTlv);
        if (messageCode != command.messageCode()) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "the header's message code 0x%04X is not that of mode %s (0x%04X)",
                    messageCode,
                    command.mode().gbcsName(),
                    command.messageCode()));
        }
        return new SignedCommand(
                originator,
                recipient,
                command,
                envelope.encoding(signedPartTlv),
                envelope.contentsOf(signatureTlv),
                der.clone());
    }

    private static UpdateSecurityCredentials body(DerReader enclosing, DerReader.Tlv bodyTlv) {
        DerReader body = enclosing.contents(bodyTlv);
        DerReader control = body.contents(body.next(DerReader.SEQUENCE, "Authorising Remote Party Control"));
        CredentialsReplacementMode mode = CredentialsReplacementMode.ofValue(
                (int) control.nonNegative(control.next(DerReader.INTEGER, "mode"), "mode", 9));
        SymmetricKey symmetricKey = null;
        if (control.nextHasTag(CONTEXT_PRIMITIVE | SYMMETRIC_KEY_TAG)) {
            byte[] key = control.contentsOf(control.next("plaintext Symmetric Key"));
            try {
                symmetricKey = SymmetricKey.of(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("plaintext Symmetric Key: " + e.getMessage(), e);
            }
        }
        if (!control.nextHasTag(DerReader.INTEGER)) {
            throw new IllegalArgumentException(
                    control.hasNext()
                            ? "the Authorising Remote Party Control has a field this simulation does not model before the"
                                    + " sequence number ([1] time-based checks or [2] authorising cell)"
                            : "the Authorising Remote Party Control has no sequence number");
        }
        long sequenceNumber = control.nonNegative(
                control.next(DerReader.INTEGER, "sequence number"), "sequence number", Long.MAX_VALUE);
        Long newFloor = null;
        if (control.nextHasTag(CONTEXT_PRIMITIVE | NEW_FLOOR_TAG)) {
            newFloor = control.nonNegative(control.next("new floor"), "new floor", Long.MAX_VALUE);
        }
        if (control.hasNext()) {
            throw new IllegalArgumentException(
                    "the Authorising Remote Party Control has a field this simulation"
                            + " does not model after the sequence number ([5] specialist floors or [6] other parties' changes)");
        }

        List<Replacement> replacements = new ArrayList<>();
        DerReader replacementList = body.contents(body.next(DerReader.SEQUENCE, "replacements"));
        while (replacementList.hasNext()) {
            DerReader replacement = replacementList.contents(replacementList.next(DerReader.SEQUENCE, "replacement"));
            DerReader.Tlv certificate = replacement.next(DerReader.SEQUENCE, "replacement certificate");
            TrustAnchorCellId target = cellIdentifier(replacement);
            replacement.expectEnd("replacement");
            replacements.add(Replacement.of(target, replacement.encoding(certificate)));
        }
        List<byte[]> path = new ArrayList<>();
        DerReader pathList = body.contents(body.next(DerReader.SEQUENCE, "certification path"));
        while (pathList.hasNext()) {
            path.add(pathList.encoding(pathList.next(DerReader.SEQUENCE, "certification-path certificate")));
        }
        Instant executionDateTime = null;
        if (body.hasNext()) {
            executionDateTime =
                    generalizedTime(body.encoding(body.next(DerReader.GENERALIZED_TIME, "execution date-time")));
        }
        body.expectEnd("command");
        return new UpdateSecurityCredentials(
                mode,
                symmetricKey,
                sequenceNumber,
                newFloor,
                replacements,
                path,
                executionDateTime,
                enclosing.encoding(bodyTlv));
    }

    private static TrustAnchorCellId cellIdentifier(DerReader enclosing) {
        DerReader cell = enclosing.contents(enclosing.next(DerReader.SEQUENCE, "trust-anchor cell identifier"));
        try {
            RemotePartyRole role = RemotePartyRole.ofCode((int)
                    cell.nonNegative(cell.next(DerReader.INTEGER, "remote party role"), "remote party role", 0xFF));
            AnchorKeyUsage keyUsage = keyUsage(cell.encoding(cell.next(DerReader.BIT_STRING, "cell key usage")));
            CellUsage cellUsage = CellUsage.MANAGEMENT;
            if (cell.hasNext()) {
                cellUsage = CellUsage.ofCode(
                        (int) cell.nonNegative(cell.next(DerReader.INTEGER, "cell usage"), "cell usage", 1));
            }
            cell.expectEnd("trust-anchor cell identifier");
            return new TrustAnchorCellId(role, keyUsage, cellUsage);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trust-anchor cell identifier: " + e.getMessage(), e);
        }
    }

    private static AnchorKeyUsage keyUsage(byte[] bitString) {
        KeyUsage usage;
        try {
            usage = KeyUsage.getInstance(ASN1BitString.getInstance(ASN1Primitive.fromByteArray(bitString)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable key usage: " + e.getMessage(), e);
        }
        if (usage.hasUsages(KeyUsage.keyCertSign)
                && !usage.hasUsages(KeyUsage.digitalSignature)
                && !usage.hasUsages(KeyUsage.keyAgreement)) {
            return AnchorKeyUsage.CERTIFICATE_SIGNING;
        }
        if (Arrays.equals(usage.getBytes(), new KeyUsage(KeyUsage.digitalSignature).getBytes())) {
            return AnchorKeyUsage.DIGITAL_SIGNATURE;
        }
        if (Arrays.equals(usage.getBytes(), new KeyUsage(KeyUsage.keyAgreement).getBytes())) {
            return AnchorKeyUsage.KEY_AGREEMENT;
        }
        throw new IllegalArgumentException(
                "a cell's key usage is exactly one of digitalSignature, keyAgreement or keyCertSign, not " + usage);
    }

    private static Eui64 eui64(DerReader header, String what) {
        DerReader.Tlv tlv = header.next(DerReader.OCTET_STRING, what);
        byte[] octets = header.contentsOf(tlv);
        if (octets.length != 8) {
            throw new IllegalArgumentException("the " + what + " is an EUI-64 of 8 octets, not " + octets.length);
        }
        return Eui64.fromOctets(octets);
    }

    private static Instant generalizedTime(byte[] encoding) {
        try {
            return ASN1GeneralizedTime.getInstance(ASN1Primitive.fromByteArray(encoding))
                    .getDate()
                    .toInstant();
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalArgumentException("the execution date-time is unreadable: " + e.getMessage(), e);
        }
    }
}
