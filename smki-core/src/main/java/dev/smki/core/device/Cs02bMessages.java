package dev.smki.core.device;

import static dev.smki.core.gbcs.GbcsReader.BIT_STRING;
import static dev.smki.core.gbcs.GbcsReader.ENUMERATED;
import static dev.smki.core.gbcs.GbcsReader.GENERALIZED_TIME;
import static dev.smki.core.gbcs.GbcsReader.INTEGER;
import static dev.smki.core.gbcs.GbcsReader.NULL;
import static dev.smki.core.gbcs.GbcsReader.OCTET_STRING;
import static dev.smki.core.gbcs.GbcsReader.SEQUENCE;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.certificate.MalformedCertificateException;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.gbcs.CraFlag;
import dev.smki.core.gbcs.DerWriter;
import dev.smki.core.gbcs.GbcsFormatException;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.GbcsReader;
import dev.smki.core.gbcs.GbcsReader.Tlv;
import dev.smki.core.gbcs.GroupingHeader;
import dev.smki.core.gbcs.HexText;
import dev.smki.core.gbcs.Trace;
import dev.smki.core.identity.CellUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes and reads the DER payloads of CS02b messages: the {@link UpdateSecurityCredentials} command and the
 * Device's {@link UpdateSecurityCredentialsResponse} (layouts at those classes). Writing copies certificates in as
 * the exact bytes they are. Reading is strict DER, walks the payload in place ({@link GbcsReader}), keeps the
 * payload and the certificates as the exact bytes received, and names the offset and the field of anything
 * malformed. It also reads any GBCS message for display ({@link #decode}).
 */
public final class Cs02bMessages {

    /** The message code of the first CS02b mode; the others follow it. */
    static final int FIRST_CODE = CredentialsReplacementMode.FIRST_MESSAGE_CODE;

    static final int LAST_CODE = FIRST_CODE + 9;

    private static final int SYMMETRIC_KEY = 0x80;
    private static final int TIME_CHECKS = 0x81;
    private static final int AUTHORISING_CELL = 0xA2;
    private static final int SEQUENCE_NUMBER = 0x83;
    private static final int NEW_FLOOR = 0x84;
    private static final int SPECIALIST_FLOORS = 0xA5;
    private static final int OTHER_CHANGES = 0xA6;
    private static final int ROLE_MAX = 0x7F;
    private static final int EUI64_OCTETS = 8;
    private static final int MAX_KEY_ID_OCTETS = 32;

    /** The DER contents of the single-bit keyUsage BIT STRINGs a cell identifier carries. */
    private static final byte[] DIGITAL_SIGNATURE_BITS = {0x07, (byte) 0x80};

    private static final byte[] KEY_AGREEMENT_BITS = {0x03, 0x08};
    private static final byte[] CERTIFICATE_SIGNING_BITS = {0x02, 0x04};

    private static final DateTimeFormatter GENERALIZED_TIME_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Cs02bMessages() {}

    /**
     * Reads any GBCS message for display, recording every field in {@code trace}: the payload of a CS02b command
     * or response is read field by field; any other payload is shown as bytes.
     *
     * @param bytes the whole GBCS message
     * @param trace where the fields read are recorded
     * @return the message read, with its payload as read for display
     * @throws GbcsFormatException naming the offset and the field of anything malformed
     */
    public static GbcsMessage.Parsed<Object> decode(byte[] bytes, Trace trace) {
        return GbcsMessage.read(bytes, Cs02bMessages::readAny, trace);
    }

    private static Object readAny(GroupingHeader.Read head, GbcsReader payload, Trace trace) {
        int code = head.header().messageCode();
        if (code < FIRST_CODE || code > LAST_CODE || head.header().craFlag() == CraFlag.ALERT) {
            int at = payload.position();
            byte[] bytes = payload.octets(payload.remaining(), "Payload");
            trace.field(
                    "Payload",
                    at,
                    bytes.length,
                    bytes.length + " bytes, not read: only CS02b commands and responses (0x0100 to 0x0109) are");
            return bytes;
        }
        return head.header().craFlag() == CraFlag.COMMAND
                ? readCommand(head, payload, trace)
                : readResponse(head, payload, trace);
    }

    // ---- the command ----

    static byte[] encodeCommand(UpdateSecurityCredentials command) {
        List<byte[]> control = new ArrayList<>();
        control.add(DerWriter.integer(INTEGER, command.mode().value()));
        command.symmetricKey().ifPresent(key -> control.add(DerWriter.tlv(SYMMETRIC_KEY, key.toOctets())));
        command.timeBasedChecks().ifPresent(checks -> control.add(DerWriter.integer(TIME_CHECKS, checks.code())));
        command.authorisingCell().ifPresent(cell -> control.add(cellIdentifier(AUTHORISING_CELL, cell)));
        control.add(DerWriter.integer(SEQUENCE_NUMBER, command.sequenceNumber()));
        command.newFloor().ifPresent(floor -> control.add(DerWriter.integer(NEW_FLOOR, floor)));
        if (!command.specialistFloors().isEmpty()) {
            control.add(DerWriter.tlv(SPECIALIST_FLOORS, specialistFloors(command.specialistFloors())));
        }
        if (!command.otherPartyChanges().isEmpty()) {
            List<byte[]> changes = new ArrayList<>();
            command.otherPartyChanges().forEach(change -> changes.add(floorChange(change)));
            control.add(DerWriter.tlv(OTHER_CHANGES, changes));
        }
        List<byte[]> replacements = new ArrayList<>();
        for (Replacement replacement : command.replacements()) {
            byte[] certificate = replacement.certificateBytes();
            checkCertificate(certificate, "the replacement certificate for " + replacement.target());
            replacements.add(DerWriter.tlv(SEQUENCE, certificate, cellIdentifier(SEQUENCE, replacement.target())));
        }
        List<byte[]> path = new ArrayList<>();
        for (byte[] certificate : command.certificationPathBytes()) {
            checkCertificate(certificate, "a certification-path certificate");
            path.add(certificate);
        }
        List<byte[]> body = new ArrayList<>();
        body.add(DerWriter.tlv(SEQUENCE, control));
        body.add(DerWriter.tlv(SEQUENCE, replacements));
        body.add(DerWriter.tlv(SEQUENCE, path));
        command.executionDateTime().ifPresent(at -> body.add(generalizedTime(at)));
        return DerWriter.tlv(SEQUENCE, body);
    }

    /** Reads a command payload after checking that the header is a CS02b command's. */
    static UpdateSecurityCredentials readCommand(GroupingHeader.Read head, GbcsReader payload, Trace trace) {
        if (head.header().craFlag() != CraFlag.COMMAND) {
            throw GbcsReader.error(
                    head.craFlagOffset(),
                    "CRA Flag",
                    "a CS02b command has CRA Flag command (0x01), not "
                            + head.header().craFlag());
        }
        checkMessageCode(head);
        return readCommandPayload(payload, head, trace);
    }

    /** Reads one command payload from {@code in}; when {@code head} is given, its mode must be the header's. */
    static UpdateSecurityCredentials readCommandPayload(GbcsReader in, GroupingHeader.Read head, Trace trace) {
        Tlv bodyTlv = in.der(SEQUENCE, "Update Security Credentials");
        trace.open("Update Security Credentials", bodyTlv.offset(), bodyTlv.length(), "");
        GbcsReader body = in.inside(bodyTlv);

        Tlv controlTlv = body.der(SEQUENCE, "Authorising Remote Party Control");
        trace.open("Authorising Remote Party Control", controlTlv.offset(), controlTlv.length(), "");
        GbcsReader control = body.inside(controlTlv);
        Tlv modeTlv = control.der(INTEGER, "Credentials Replacement Mode");
        CredentialsReplacementMode mode = CredentialsReplacementMode.ofValue(
                (int) control.nonNegative(modeTlv, "Credentials Replacement Mode", 9));
        if (head != null && mode.messageCode() != head.header().messageCode()) {
            throw GbcsReader.error(
                    modeTlv.offset(),
                    "Credentials Replacement Mode",
                    String.format(
                            Locale.ROOT,
                            "%s (%d) does not match the header's message code 0x%04X",
                            mode.gbcsName(),
                            mode.value(),
                            head.header().messageCode()));
        }
        trace.field(
                "Credentials Replacement Mode",
                modeTlv.offset(),
                modeTlv.length(),
                mode.gbcsName() + " (" + mode.value() + ")");
        UpdateSecurityCredentials.Builder b = new UpdateSecurityCredentials.Builder(mode);
        b.authorisingCell = null;
        if (control.nextIs(SYMMETRIC_KEY)) {
            Tlv key = control.der(SYMMETRIC_KEY, "Plaintext Symmetric Key");
            try {
                b.symmetricKey = SymmetricKey.of(control.contents(key));
            } catch (IllegalArgumentException e) {
                throw GbcsReader.error(key.offset(), "Plaintext Symmetric Key", e.getMessage());
            }
            trace.field(
                    "Plaintext Symmetric Key", key.offset(), key.length(), key.contentLength() + " octets (not shown)");
        }
        if (control.nextIs(TIME_CHECKS)) {
            Tlv checks = control.der(TIME_CHECKS, "Apply Time Based CPV Checks");
            b.timeChecks = CpvTimeChecks.ofCode(control.nonNegative(checks, "Apply Time Based CPV Checks", 1));
            trace.field("Apply Time Based CPV Checks", checks.offset(), checks.length(), b.timeChecks.toString());
        }
        if (control.nextIs(AUTHORISING_CELL)) {
            b.authorisingCell =
                    cellIdentifier(control, AUTHORISING_CELL, "Authorising Remote Party TA Cell Identifier", trace);
        }
        Tlv seq = control.der(SEQUENCE_NUMBER, "Authorising Remote Party Seq Number");
        b.sequenceNumber = control.nonNegative(seq, "Authorising Remote Party Seq Number", Long.MAX_VALUE);
        trace.number("Authorising Remote Party Seq Number", seq.offset(), seq.length(), b.sequenceNumber);
        if (control.nextIs(NEW_FLOOR)) {
            Tlv floor = control.der(NEW_FLOOR, "New Remote Party Floor Seq Number");
            b.newFloor = control.nonNegative(floor, "New Remote Party Floor Seq Number", Long.MAX_VALUE);
            trace.number("New Remote Party Floor Seq Number", floor.offset(), floor.length(), b.newFloor);
        }
        if (control.nextIs(SPECIALIST_FLOORS)) {
            b.specialistFloors.addAll(specialistFloors(
                    control, SPECIALIST_FLOORS, "New Remote Party Specialist Floor Seq Number", false, trace));
        }
        if (control.nextIs(OTHER_CHANGES)) {
            Tlv changes = control.der(OTHER_CHANGES, "Other Remote Party Seq Number Changes");
            b.otherPartyChanges.addAll(
                    floorChanges(control, changes, "Other Remote Party Seq Number Changes", false, trace));
        }
        control.expectEnd("Authorising Remote Party Control");
        trace.close();

        Tlv replacementsTlv = body.der(SEQUENCE, "Replacements");
        trace.open("Replacements", replacementsTlv.offset(), replacementsTlv.length(), "");
        GbcsReader replacements = body.inside(replacementsTlv);
        while (replacements.hasMore()) {
            Tlv one = replacements.der(SEQUENCE, "Trust Anchor Replacement");
            trace.open("Trust Anchor Replacement", one.offset(), one.length(), "");
            GbcsReader replacement = replacements.inside(one);
            Tlv certificate = replacement.der(SEQUENCE, "Replacement Certificate");
            traceCertificate(replacement, certificate, "Replacement Certificate", trace);
            TrustAnchorCellId target = cellIdentifier(replacement, SEQUENCE, "Target Trust Anchor Cell", trace);
            replacement.expectEnd("Trust Anchor Replacement");
            trace.close();
            b.replacements.add(Replacement.of(target, replacement.encoding(certificate)));
        }
        trace.close();

        Tlv pathTlv = body.der(SEQUENCE, "Certification Path Certificates");
        trace.open("Certification Path Certificates", pathTlv.offset(), pathTlv.length(), "");
        GbcsReader path = body.inside(pathTlv);
        while (path.hasMore()) {
            Tlv certificate = path.der(SEQUENCE, "Certificate");
            traceCertificate(path, certificate, "Certificate", trace);
            b.certificationPath.add(path.encoding(certificate));
        }
        trace.close();

        if (body.hasMore()) {
            Tlv time = body.der(GENERALIZED_TIME, "Execution Date Time");
            b.executionDateTime = generalizedTime(body, time);
            trace.field("Execution Date Time", time.offset(), time.length(), b.executionDateTime.toString());
        }
        body.expectEnd("Update Security Credentials");
        trace.close();
        return new UpdateSecurityCredentials(b, in.encoding(bodyTlv));
    }

    // ---- the response ----

    static byte[] encodeResponse(UpdateSecurityCredentialsResponse.ExecutionOutcome outcome) {
        byte[] accepted = DerWriter.tlv(NULL);
        if (outcome == null) {
            return DerWriter.tlv(SEQUENCE, accepted);
        }
        List<byte[]> changes = new ArrayList<>();
        outcome.floorChanges().forEach(change -> changes.add(floorChange(change)));
        List<byte[]> results = new ArrayList<>();
        for (ReplacementResult result : outcome.replacements()) {
            results.add(DerWriter.tlv(
                    SEQUENCE,
                    cellIdentifier(SEQUENCE, result.cell()),
                    DerWriter.integer(ENUMERATED, result.status().code()),
                    DerWriter.tlv(OCTET_STRING, uniqueId(result.existingSubjectUniqueId())),
                    DerWriter.tlv(OCTET_STRING, keyId(result.existingSubjectKeyId())),
                    DerWriter.tlv(OCTET_STRING, uniqueId(result.replacingSubjectUniqueId())),
                    DerWriter.tlv(OCTET_STRING, keyId(result.replacingSubjectKeyId()))));
        }
        return DerWriter.tlv(
                SEQUENCE,
                accepted,
                DerWriter.tlv(
                        SEQUENCE,
                        DerWriter.integer(INTEGER, outcome.authorisingSeqNumber()),
                        DerWriter.integer(INTEGER, outcome.mode().value()),
                        DerWriter.tlv(SEQUENCE, changes),
                        DerWriter.tlv(SEQUENCE, results)));
    }

    /** Reads a response payload after checking that the header is a CS02b response's. */
    static Optional<UpdateSecurityCredentialsResponse.ExecutionOutcome> readResponse(
            GroupingHeader.Read head, GbcsReader payload, Trace trace) {
        if (head.header().craFlag() != CraFlag.RESPONSE) {
            throw GbcsReader.error(
                    head.craFlagOffset(),
                    "CRA Flag",
                    "a CS02b response has CRA Flag response (0x02), not "
                            + head.header().craFlag());
        }
        checkMessageCode(head);
        GbcsReader in = payload.acceptPaddedLengths();
        Tlv responseTlv = in.der(SEQUENCE, "Update Security Credentials Response");
        trace.open("Update Security Credentials Response", responseTlv.offset(), responseTlv.length(), "");
        GbcsReader response = in.inside(responseTlv);
        Tlv accepted = response.der(NULL, "Command Accepted");
        if (accepted.contentLength() != 0) {
            throw GbcsReader.error(accepted.offset(), "Command Accepted", "a NULL has no content octets");
        }
        trace.field("Command Accepted", accepted.offset(), accepted.length(), "NULL");
        UpdateSecurityCredentialsResponse.ExecutionOutcome outcome = null;
        if (response.hasMore()) {
            Tlv outcomeTlv = response.der(SEQUENCE, "Execution Outcome");
            trace.open("Execution Outcome", outcomeTlv.offset(), outcomeTlv.length(), "");
            GbcsReader o = response.inside(outcomeTlv);
            Tlv seqTlv = o.der(INTEGER, "Authorising Remote Party Seq Number");
            long seq = o.nonNegative(seqTlv, "Authorising Remote Party Seq Number", Long.MAX_VALUE);
            trace.number("Authorising Remote Party Seq Number", seqTlv.offset(), seqTlv.length(), seq);
            Tlv modeTlv = o.der(INTEGER, "Credentials Replacement Mode");
            CredentialsReplacementMode mode =
                    CredentialsReplacementMode.ofValue((int) o.nonNegative(modeTlv, "Credentials Replacement Mode", 9));
            if (mode.messageCode() != head.header().messageCode()) {
                throw GbcsReader.error(
                        modeTlv.offset(),
                        "Credentials Replacement Mode",
                        String.format(
                                Locale.ROOT,
                                "%s does not match the header's message code 0x%04X",
                                mode.gbcsName(),
                                head.header().messageCode()));
            }
            trace.field("Credentials Replacement Mode", modeTlv.offset(), modeTlv.length(), mode.gbcsName());
            Tlv changesTlv = o.der(SEQUENCE, "Remote Party Seq Number Changes");
            List<PartyFloorChange> changes =
                    floorChanges(o, changesTlv, "Remote Party Seq Number Changes", true, trace);
            Tlv resultsTlv = o.der(SEQUENCE, "Replacement Outcomes");
            trace.open("Replacement Outcomes", resultsTlv.offset(), resultsTlv.length(), "");
            GbcsReader results = o.inside(resultsTlv);
            List<ReplacementResult> list = new ArrayList<>();
            while (results.hasMore()) {
                list.add(replacementResult(results, trace));
            }
            trace.close();
            o.expectEnd("Execution Outcome");
            trace.close();
            outcome = new UpdateSecurityCredentialsResponse.ExecutionOutcome(seq, mode, changes, list);
        }
        response.expectEnd("Update Security Credentials Response");
        trace.close();
        return Optional.ofNullable(outcome);
    }

    private static ReplacementResult replacementResult(GbcsReader in, Trace trace) {
        Tlv tlv = in.der(SEQUENCE, "Replacement Outcome");
        trace.open("Replacement Outcome", tlv.offset(), tlv.length(), "");
        GbcsReader r = in.inside(tlv);
        TrustAnchorCellId cell = cellIdentifier(r, SEQUENCE, "Affected Trust Anchor Cell", trace);
        Tlv statusTlv = r.der(ENUMERATED, "Status Code");
        StatusCode status;
        try {
            status = StatusCode.ofCode((int) r.nonNegative(statusTlv, "Status Code", 0xFF));
        } catch (IllegalArgumentException e) {
            throw GbcsReader.error(statusTlv.offset(), "Status Code", e.getMessage());
        }
        trace.field(
                "Status Code", statusTlv.offset(), statusTlv.length(), status.gbcsName() + " (" + status.code() + ")");
        Optional<Eui64> existingUid = uniqueId(r, "Existing Subject Unique ID", trace);
        Optional<KeyIdentifier> existingKey = keyId(r, "Existing Subject Key ID", trace);
        Optional<Eui64> replacingUid = uniqueId(r, "Replacing Subject Unique ID", trace);
        Optional<KeyIdentifier> replacingKey = keyId(r, "Replacing Subject Key ID", trace);
        r.expectEnd("Replacement Outcome");
        trace.close();
        return new ReplacementResult(cell, status, existingUid, existingKey, replacingUid, replacingKey);
    }

    // ---- shared structures ----

    private static void checkMessageCode(GroupingHeader.Read head) {
        int code = head.header().messageCode();
        if (code < FIRST_CODE || code > LAST_CODE) {
            throw GbcsReader.error(
                    head.messageCodeOffset(),
                    "Message Code",
                    String.format(
                            Locale.ROOT,
                            "0x%04X is not a CS02b Update Security Credentials code (0x0100 to 0x0109)",
                            code));
        }
    }

    private static byte[] cellIdentifier(int tag, TrustAnchorCellId cell) {
        byte[] bits = switch (cell.keyUsage()) {
            case DIGITAL_SIGNATURE -> DIGITAL_SIGNATURE_BITS;
            case KEY_AGREEMENT -> KEY_AGREEMENT_BITS;
            case CERTIFICATE_SIGNING -> CERTIFICATE_SIGNING_BITS;
        };
        byte[] role = DerWriter.integer(INTEGER, cell.role().code());
        byte[] usage = DerWriter.tlv(BIT_STRING, bits);
        return cell.cellUsage() == CellUsage.MANAGEMENT
                ? DerWriter.tlv(tag, role, usage)
                : DerWriter.tlv(
                        tag,
                        role,
                        usage,
                        DerWriter.integer(INTEGER, cell.cellUsage().code()));
    }

    private static TrustAnchorCellId cellIdentifier(GbcsReader in, int tag, String field, Trace trace) {
        Tlv tlv = in.der(tag, field);
        GbcsReader c = in.inside(tlv);
        Tlv roleTlv = c.der(INTEGER, "Remote Party Role");
        RemotePartyRole role;
        try {
            role = RemotePartyRole.ofCode((int) c.nonNegative(roleTlv, "Remote Party Role", ROLE_MAX));
        } catch (IllegalArgumentException e) {
            if (e instanceof GbcsFormatException f) {
                throw f;
            }
            throw GbcsReader.error(roleTlv.offset(), "Remote Party Role", e.getMessage());
        }
        Tlv usageTlv = c.der(BIT_STRING, "Key Usage");
        byte[] bits = c.contents(usageTlv);
        AnchorKeyUsage usage;
        if (Arrays.equals(bits, DIGITAL_SIGNATURE_BITS)) {
            usage = AnchorKeyUsage.DIGITAL_SIGNATURE;
        } else if (Arrays.equals(bits, KEY_AGREEMENT_BITS)) {
            usage = AnchorKeyUsage.KEY_AGREEMENT;
        } else if (Arrays.equals(bits, CERTIFICATE_SIGNING_BITS)) {
            usage = AnchorKeyUsage.CERTIFICATE_SIGNING;
        } else {
            throw GbcsReader.error(
                    usageTlv.offset(),
                    "Key Usage",
                    "BIT STRING " + HexText.hex(bits) + " is not exactly one of digitalSignature (07 80),"
                            + " keyAgreement (03 08) or keyCertSign (02 04) in DER");
        }
        CellUsage cellUsage = CellUsage.MANAGEMENT;
        Tlv cellUsageTlv = null;
        if (c.hasMore()) {
            cellUsageTlv = c.der(INTEGER, "Cell Usage");
            long value = c.nonNegative(cellUsageTlv, "Cell Usage", 1);
            if (value == CellUsage.MANAGEMENT.code()) {
                throw GbcsReader.error(
                        cellUsageTlv.offset(), "Cell Usage", "management (0) is the DEFAULT, which DER leaves out");
            }
            cellUsage = CellUsage.PREPAYMENT_TOP_UP;
        }
        c.expectEnd(field);
        TrustAnchorCellId cell;
        try {
            cell = new TrustAnchorCellId(role, usage, cellUsage);
        } catch (IllegalArgumentException e) {
            throw GbcsReader.error(tlv.offset(), field, e.getMessage());
        }
        trace.open(field, tlv.offset(), tlv.length(), cell.toString());
        trace.field("Remote Party Role", roleTlv.offset(), roleTlv.length(), role.slug() + " (" + role.code() + ")");
        trace.field("Key Usage", usageTlv.offset(), usageTlv.length(), usage.abbreviation());
        if (cellUsageTlv != null) {
            trace.field("Cell Usage", cellUsageTlv.offset(), cellUsageTlv.length(), "prePaymentTopUp (1)");
        }
        trace.close();
        return cell;
    }

    private static byte[] specialistFloors(List<SpecialistFloor> floors) {
        List<byte[]> parts = new ArrayList<>();
        for (SpecialistFloor floor : floors) {
            parts.add(DerWriter.tlv(
                    SEQUENCE,
                    DerWriter.integer(INTEGER, floor.usage().code()),
                    DerWriter.integer(INTEGER, floor.floor())));
        }
        return DerWriter.concat(parts.toArray(byte[][]::new));
    }

    private static List<SpecialistFloor> specialistFloors(
            GbcsReader in, int tag, String field, boolean emptyAllowed, Trace trace) {
        Tlv tlv = in.der(tag, field);
        if (tlv.contentLength() == 0 && !emptyAllowed) {
            throw GbcsReader.error(tlv.offset(), field, "present but empty: leave it out instead");
        }
        trace.open(field, tlv.offset(), tlv.length(), "");
        GbcsReader list = in.inside(tlv);
        List<SpecialistFloor> floors = new ArrayList<>();
        while (list.hasMore()) {
            Tlv one = list.der(SEQUENCE, "Specialist Seq Number");
            GbcsReader s = list.inside(one);
            Tlv usageTlv = s.der(INTEGER, "Seq Number Usage");
            SpecialistFloor.Usage usage;
            try {
                usage = SpecialistFloor.Usage.ofCode(s.nonNegative(usageTlv, "Seq Number Usage", Long.MAX_VALUE));
            } catch (GbcsFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw GbcsReader.error(usageTlv.offset(), "Seq Number Usage", e.getMessage());
            }
            Tlv seqTlv = s.der(INTEGER, "Seq Number");
            long seq = s.nonNegative(seqTlv, "Seq Number", Long.MAX_VALUE);
            s.expectEnd("Specialist Seq Number");
            trace.open("Specialist Seq Number", one.offset(), one.length(), "");
            trace.field("Seq Number Usage", usageTlv.offset(), usageTlv.length(), "prepaymentTopUp (0)");
            trace.field("Seq Number", seqTlv.offset(), seqTlv.length(), Long.toString(seq));
            trace.close();
            floors.add(new SpecialistFloor(usage, seq));
        }
        trace.close();
        return floors;
    }

    private static byte[] floorChange(PartyFloorChange change) {
        byte[] role = DerWriter.integer(INTEGER, change.role().code());
        byte[] floor = DerWriter.integer(INTEGER, change.floor());
        return change.specialistFloors().isEmpty()
                ? DerWriter.tlv(SEQUENCE, role, floor)
                : DerWriter.tlv(
                        SEQUENCE, role, floor, DerWriter.tlv(SEQUENCE, specialistFloors(change.specialistFloors())));
    }

    private static List<PartyFloorChange> floorChanges(
            GbcsReader in, Tlv tlv, String field, boolean emptyAllowed, Trace trace) {
        if (tlv.contentLength() == 0 && !emptyAllowed) {
            throw GbcsReader.error(tlv.offset(), field, "present but empty: leave it out instead");
        }
        trace.open(field, tlv.offset(), tlv.length(), "");
        GbcsReader list = in.inside(tlv);
        List<PartyFloorChange> changes = new ArrayList<>();
        while (list.hasMore()) {
            Tlv one = list.der(SEQUENCE, "Remote Party Seq Number Change");
            trace.open("Remote Party Seq Number Change", one.offset(), one.length(), "");
            GbcsReader c = list.inside(one);
            Tlv roleTlv = c.der(INTEGER, "Remote Party Role");
            RemotePartyRole role;
            try {
                role = RemotePartyRole.ofCode((int) c.nonNegative(roleTlv, "Remote Party Role", ROLE_MAX));
            } catch (GbcsFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw GbcsReader.error(roleTlv.offset(), "Remote Party Role", e.getMessage());
            }
            trace.field(
                    "Remote Party Role", roleTlv.offset(), roleTlv.length(), role.slug() + " (" + role.code() + ")");
            Tlv floorTlv = c.der(INTEGER, "Floor Seq Number");
            long floor = c.nonNegative(floorTlv, "Floor Seq Number", Long.MAX_VALUE);
            trace.field("Floor Seq Number", floorTlv.offset(), floorTlv.length(), Long.toString(floor));
            List<SpecialistFloor> specialist = List.of();
            if (c.hasMore()) {
                specialist = specialistFloors(c, SEQUENCE, "Specialist Floor Seq Number", false, trace);
            }
            c.expectEnd("Remote Party Seq Number Change");
            trace.close();
            changes.add(new PartyFloorChange(role, floor, specialist));
        }
        trace.close();
        return changes;
    }

    private static void checkCertificate(byte[] certificate, String what) {
        try {
            GbcsReader in = GbcsReader.of(certificate);
            in.der(SEQUENCE, "Certificate");
            in.expectEnd("Certificate");
        } catch (GbcsFormatException e) {
            throw new IllegalArgumentException(
                    "The " + what.substring(what.startsWith("the ") ? 4 : 0) + " is not one DER SEQUENCE: "
                            + e.getMessage(),
                    e);
        }
    }

    private static void traceCertificate(GbcsReader in, Tlv certificate, String field, Trace trace) {
        if (!trace.enabled()) {
            return;
        }
        String value;
        try {
            SmkiCertificate parsed = SmkiCertificate.parse(in.encoding(certificate));
            value = parsed.describe() + ", issuer " + parsed.describeIssuer();
        } catch (MalformedCertificateException e) {
            value = certificate.length() + " bytes, not an X.509 certificate a Device could use";
        }
        trace.field(field, certificate.offset(), certificate.length(), value);
    }

    private static byte[] generalizedTime(Instant at) {
        String text;
        try {
            text = GENERALIZED_TIME_FORMAT.format(at);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Cannot write " + at + " as a GeneralizedTime: " + e.getMessage(), e);
        }
        if (text.length() != 15) {
            throw new IllegalArgumentException("A GeneralizedTime holds years 0000 to 9999, not " + at);
        }
        return DerWriter.tlv(GENERALIZED_TIME, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static Instant generalizedTime(GbcsReader in, Tlv tlv) {
        String text = new String(in.contents(tlv), StandardCharsets.US_ASCII);
        if (!text.matches("[0-9]{14}Z")) {
            throw GbcsReader.error(
                    tlv.offset(), "Execution Date Time", "'" + text + "' is not a DER GeneralizedTime YYYYMMDDHHMMSSZ");
        }
        try {
            return LocalDateTime.parse(text.substring(0, 14), DateTimeFormatter.ofPattern("uuuuMMddHHmmss"))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw GbcsReader.error(tlv.offset(), "Execution Date Time", "'" + text + "' is not a date and time");
        }
    }

    private static byte[] uniqueId(Optional<Eui64> id) {
        return id.map(Eui64::toOctets).orElse(new byte[0]);
    }

    private static byte[] keyId(Optional<KeyIdentifier> id) {
        return id.map(KeyIdentifier::toOctets).orElse(new byte[0]);
    }

    private static Optional<Eui64> uniqueId(GbcsReader in, String field, Trace trace) {
        Tlv tlv = in.der(OCTET_STRING, field);
        int length = tlv.contentLength();
        if (length != 0 && length != EUI64_OCTETS) {
            throw GbcsReader.error(tlv.offset(), field, "an EUI-64 of 8 octets (or none), not " + length);
        }
        Optional<Eui64> id = length == 0 ? Optional.empty() : Optional.of(Eui64.fromOctets(in.contents(tlv)));
        trace.field(field, tlv.offset(), tlv.length(), id.map(Eui64::toString).orElse("none"));
        return id;
    }

    private static Optional<KeyIdentifier> keyId(GbcsReader in, String field, Trace trace) {
        Tlv tlv = in.der(OCTET_STRING, field);
        int length = tlv.contentLength();
        if (length > MAX_KEY_ID_OCTETS) {
            throw GbcsReader.error(tlv.offset(), field, "a key identifier of at most 32 octets, not " + length);
        }
        Optional<KeyIdentifier> id = length == 0 ? Optional.empty() : Optional.of(KeyIdentifier.of(in.contents(tlv)));
        trace.field(
                field,
                tlv.offset(),
                tlv.length(),
                id.map(KeyIdentifier::toString).orElse("none"));
        return id;
    }
}
