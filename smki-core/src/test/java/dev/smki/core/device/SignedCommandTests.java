package dev.smki.core.device;

import static dev.smki.core.device.DeviceFixtures.METER;
import static dev.smki.core.device.DeviceFixtures.PKI;
import static dev.smki.core.device.DeviceFixtures.RECOVERED;
import static dev.smki.core.device.DeviceFixtures.authoriser;
import static dev.smki.core.device.DeviceFixtures.freshCertificate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.gbcs.CraFlag;
import dev.smki.core.gbcs.DerWriter;
import dev.smki.core.gbcs.FieldTree;
import dev.smki.core.gbcs.GbcsFormatException;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.GroupingHeader;
import dev.smki.core.gbcs.HexText;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.testing.TestKeys;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bytes of a CS02b command, field by field, and every way reading them refuses malformed ones. */
class SignedCommandTests {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final IssuedCertificate SUPPLIER_DS = freshCertificate(TrustAnchorCellId.SUPPLIER_DS);

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static SignedCommand recovery(UpdateSecurityCredentials.Builder builder) {
        return builder.build().sign(authoriser(CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY), METER);
    }

    private static UpdateSecurityCredentials.Builder recoveryBuilder() {
        return UpdateSecurityCredentials.builder(CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY)
                .sequenceNumber(1)
                .replace(TrustAnchorCellId.SUPPLIER_DS, SUPPLIER_DS.parsed())
                .pathCertificate(PKI.issuingOca().parsed());
    }

    @Test
    void aRecoveryCommandIsGroupingHeaderPayloadAndKrpSignature() {
        SignedCommand command = recovery(recoveryBuilder());
        byte[] bytes = command.toBytes();
        GroupingHeader header = command.header();

        assertThat(header)
                .isEqualTo(new GroupingHeader(
                        CraFlag.COMMAND,
                        1,
                        PKI.parties().of(RemotePartyRole.RECOVERY),
                        METER,
                        Optional.empty(),
                        0x0108));
        byte[] head = header.encode(command.command().toDer().length);
        assertThat(Arrays.copyOfRange(bytes, 0, head.length)).isEqualTo(head);
        assertThat(command.message().payload()).isEqualTo(command.command().toDer());
        assertThat(bytes[bytes.length - 65]).isEqualTo((byte) 0x40);
        assertThat(command.message()
                        .verifies(DeviceFixtures.currentCertificate(TrustAnchorCellId.RECOVERY)
                                .certificate()
                                .getSubjectPublicKeyInfo()))
                .isTrue();
    }

    @Test
    void thePayloadLaysOutTheControlTheReplacementsAndThePathAsGbcsDoes() {
        byte[] der = recoveryBuilder().build().toDer();
        byte[] certificate = SUPPLIER_DS.toDer();
        byte[] path = PKI.issuingOca().toDer();

        byte[] control = bytes("300F" + "020108" + "A207" + "020101" + "03020780" + "830101");
        byte[] replacement = DerWriter.tlv(0x30, certificate, bytes("3007" + "020102" + "03020780"));
        assertThat(der)
                .isEqualTo(DerWriter.tlv(0x30, control, DerWriter.tlv(0x30, replacement), DerWriter.tlv(0x30, path)));
    }

    @Test
    void aContingencyCommandCarriesTheSymmetricKeyAndNamesTheRootCell() {
        UpdateSecurityCredentials command = UpdateSecurityCredentials.builder(
                        CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                .symmetricKey(PKI.contingency().symmetricKey())
                .sequenceNumber(5)
                .replace(TrustAnchorCellId.ROOT, RECOVERED.rootOca().parsed())
                .build();

        String key = PKI.contingency().symmetricKey().toHex().toUpperCase(java.util.Locale.ROOT);
        assertThat(hex(command.toDer())).contains("020109" + "8010" + key + "A207" + "020100" + "03020204" + "830105");
        SignedCommand signed = command.sign(PKI.contingencyAuthoriser(), METER);
        assertThat(signed.messageCode()).isEqualTo(0x0109);
        assertThat(signed.originator()).isEqualTo(PKI.parties().of(RemotePartyRole.ROOT));
    }

    @Test
    void theOptionalControlElementsHaveTheirTagsInGbcsOrder() {
        UpdateSecurityCredentials command = recoveryBuilder()
                .timeBasedChecks(CpvTimeChecks.DISAPPLY)
                .newFloor(300)
                .specialistFloor(SpecialistFloor.prepaymentTopUp(7))
                .otherPartyFloor(PartyFloorChange.of(RemotePartyRole.SUPPLIER, 9))
                .executionDateTime(Instant.parse("2030-01-15T00:00:00Z"))
                .build();

        String der = hex(command.toDer());
        assertThat(der)
                .startsWith("3082")
                .contains("020108" + "810101" + "A207020101030207808301" + "01" + "84020" + "12C"
                        + "A5083006020100020107" + "A608300602010202010" + "9");
        assertThat(der).endsWith("180F" + hex("20300115000000Z".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void aCellUsageIsWrittenOnlyForThePrepaymentTopUpCell() {
        String der = hex(UpdateSecurityCredentials.builder(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER)
                .sequenceNumber(1)
                .replace(
                        TrustAnchorCellId.SUPPLIER_KA_TOP_UP,
                        freshCertificate(TrustAnchorCellId.SUPPLIER_KA_TOP_UP).parsed())
                .replace(
                        TrustAnchorCellId.SUPPLIER_KA,
                        freshCertificate(TrustAnchorCellId.SUPPLIER_KA).parsed())
                .build()
                .toDer());

        assertThat(der).contains("300A" + "020102" + "03020308" + "020101").contains("3007" + "020102" + "03020308");
    }

    @Test
    void theAcbsOwnModeLeavesTheAuthorisingCellOutByDefault() {
        UpdateSecurityCredentials command = UpdateSecurityCredentials.builder(
                        CredentialsReplacementMode.ACCESS_CONTROL_BROKER_BY_ACB)
                .sequenceNumber(1)
                .build();

        assertThat(command.authorisingCell()).isEmpty();
        assertThat(hex(command.toDer())).isEqualTo("300C" + "3006" + "020104" + "830101" + "3000" + "3000");
    }

    // ---- strict reading ----

    /** Returns the message around {@code payload} with message code {@code code}, signed by a test key. */
    private static byte[] message(CraFlag flag, int code, byte[] payload) {
        GroupingHeader header =
                new GroupingHeader(flag, 1, PKI.parties().of(RemotePartyRole.RECOVERY), METER, Optional.empty(), code);
        return GbcsMessage.signed(header, payload, SigningKey.of(TestKeys.key(1)))
                .toBytes();
    }

    /** Returns where the payload of {@code message} starts: before it, a signature and its length octet. */
    private static int payloadOffset(byte[] message, byte[] payload) {
        return message.length - 65 - payload.length;
    }

    private static GbcsFormatException failure(byte[] message) {
        try {
            SignedCommand.parse(message);
        } catch (GbcsFormatException e) {
            return e;
        }
        throw new AssertionError("parsed: " + hex(message));
    }

    /** Returns a recovery payload whose control holds {@code control} and which replaces {@code replacement}. */
    private static byte[] payload(String control, byte[] replacement, String tail) {
        return DerWriter.tlv(0x30, bytes(control), DerWriter.tlv(0x30, replacement), bytes("3000" + tail));
    }

    private static byte[] replacement(String cell) {
        return DerWriter.tlv(0x30, SUPPLIER_DS.toDer(), bytes(cell));
    }

    private static final String CONTROL = "300F020108A20702010103020780830101";
    private static final String SUPPLIER_DS_CELL = "300702010203020780";

    @Test
    void readsAHandWrittenCommandOfTheSameBytes() {
        byte[] payload = payload(CONTROL, replacement(SUPPLIER_DS_CELL), "");

        SignedCommand read = SignedCommand.parse(message(CraFlag.COMMAND, 0x0108, payload));

        assertThat(read.command().toDer()).isEqualTo(payload);
        assertThat(read.command().replacements())
                .containsExactly(Replacement.of(TrustAnchorCellId.SUPPLIER_DS, SUPPLIER_DS.parsed()));
        assertThat(read.command().authorisingCell()).contains(TrustAnchorCellId.RECOVERY);
    }

    @Test
    void refusesAHeaderThatIsNotACs02bCommandsNamingTheField() {
        byte[] payload = payload(CONTROL, replacement(SUPPLIER_DS_CELL), "");

        assertThat(failure(message(CraFlag.RESPONSE, 0x0108, payload)))
                .extracting(GbcsFormatException::offset, GbcsFormatException::field)
                .containsExactly(2, "CRA Flag");
        assertThat(failure(message(CraFlag.COMMAND, 0x0200, payload)))
                .extracting(GbcsFormatException::offset, GbcsFormatException::field)
                .containsExactly(31, "Message Code");
        byte[] mismatched = message(CraFlag.COMMAND, 0x0109, payload);
        GbcsFormatException mismatch = failure(mismatched);
        assertThat(mismatch.field()).isEqualTo("Credentials Replacement Mode");
        assertThat(mismatch.offset()).isEqualTo(payloadOffset(mismatched, payload) + 4 + 2);
        assertThat(mismatch.problem())
                .contains("anyExceptAbnormalRootByRecovery (8)")
                .contains("0x0109");
    }

    @Test
    void refusesControlElementsOutOfOrderUnknownOrEmpty() {
        byte[] cell = replacement(SUPPLIER_DS_CELL);
        assertThat(failure(message(CraFlag.COMMAND, 0x0108, payload("3006020108840101", cell, "")))
                        .problem())
                .isEqualTo("expected tag 0x83, found 0x84");
        assertThat(failure(message(CraFlag.COMMAND, 0x0108, payload("3009020108830101870100", cell, "")))
                        .field())
                .isEqualTo("Authorising Remote Party Control");
        assertThat(failure(message(CraFlag.COMMAND, 0x0108, payload("3008020108830101A500", cell, "")))
                        .field())
                .isEqualTo("New Remote Party Specialist Floor Seq Number");
        assertThat(failure(message(CraFlag.COMMAND, 0x0108, payload("3008020108830101A600", cell, "")))
                        .field())
                .isEqualTo("Other Remote Party Seq Number Changes");
        assertThat(failure(message(CraFlag.COMMAND, 0x0108, payload("3009020108810102830101", cell, "")))
                        .field())
                .isEqualTo("Apply Time Based CPV Checks");
        assertThat(failure(message(CraFlag.COMMAND, 0x0109, payload("300A0201098003010203830101", cell, "")))
                        .field())
                .isEqualTo("Plaintext Symmetric Key");
        assertThat(failure(message(CraFlag.COMMAND, 0x0108, payload("300702010883020001", cell, "")))
                        .problem())
                .contains("redundant leading octets");
    }

    @Test
    void refusesCellIdentifiersThatAreNotExactlyOneCellInDer() {
        assertThat(failure(message(
                                CraFlag.COMMAND, 0x0108, payload(CONTROL, replacement("300A02010203020780020100"), "")))
                        .field())
                .isEqualTo("Cell Usage");
        assertThat(failure(message(CraFlag.COMMAND, 0x0108, payload(CONTROL, replacement("300702010203020080"), "")))
                        .problem())
                .contains("is not exactly one of");
        assertThat(failure(message(CraFlag.COMMAND, 0x0108, payload(CONTROL, replacement("300702010003020780"), "")))
                        .field())
                .isEqualTo("Target Trust Anchor Cell");
        assertThat(failure(message(CraFlag.COMMAND, 0x0108, payload(CONTROL, replacement("300702010903020780"), "")))
                        .field())
                .isEqualTo("Remote Party Role");
        assertThat(failure(message(
                                CraFlag.COMMAND, 0x0108, payload(CONTROL, replacement("300A02010203020780020101"), "")))
                        .problem())
                .contains("prepayment top-up");
    }

    @Test
    void refusesABadCertificateTagABadExecutionTimeAndTrailingBytes() {
        byte[] notACertificate = DerWriter.tlv(0x30, bytes("0400"), bytes(SUPPLIER_DS_CELL));
        assertThat(failure(message(CraFlag.COMMAND, 0x0108, payload(CONTROL, notACertificate, "")))
                        .field())
                .isEqualTo("Replacement Certificate");
        String badTime = hex("20301301000000Z".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(failure(message(
                                CraFlag.COMMAND,
                                0x0108,
                                payload(CONTROL, replacement(SUPPLIER_DS_CELL), "180F" + badTime)))
                        .field())
                .isEqualTo("Execution Date Time");
        byte[] good = payload(CONTROL, replacement(SUPPLIER_DS_CELL), "");
        byte[] longer = DerWriter.concat(good, bytes("00"));
        byte[] withTrailing = message(CraFlag.COMMAND, 0x0108, longer);
        GbcsFormatException trailing = failure(withTrailing);
        assertThat(trailing.field()).isEqualTo("Payload");
        assertThat(trailing.offset()).isEqualTo(payloadOffset(withTrailing, longer) + good.length);
        assertThat(failure(message(CraFlag.COMMAND, 0x0108, bytes("0400"))).field())
                .isEqualTo("Update Security Credentials");
    }

    @Test
    void anUpdateSecurityCredentialsPayloadAloneReadsStrictlyToo() {
        byte[] good = payload(CONTROL, replacement(SUPPLIER_DS_CELL), "");

        assertThat(UpdateSecurityCredentials.parse(good).toDer()).isEqualTo(good);
        assertThatThrownBy(() -> UpdateSecurityCredentials.parse(DerWriter.concat(good, bytes("00"))))
                .isInstanceOf(GbcsFormatException.class)
                .hasMessageContaining("(Update Security Credentials)");
    }

    @Test
    void neverShowsTheSymmetricKey() {
        SignedCommand command = UpdateSecurityCredentials.builder(CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                .symmetricKey(PKI.contingency().symmetricKey())
                .sequenceNumber(1)
                .replace(TrustAnchorCellId.ROOT, RECOVERED.rootOca().parsed())
                .build()
                .sign(PKI.contingencyAuthoriser(), METER);
        String key = PKI.contingency().symmetricKey().toHex();
        FieldTree tree = new FieldTree();

        SignedCommand.read(command.toBytes(), tree);

        assertThat(command.toString()).doesNotContainIgnoringCase(key).contains("with Symmetric Key");
        assertThat(tree.fields().toString()).doesNotContainIgnoringCase(key).contains("16 octets (not shown)");
        assertThat(HexText.format(command.toBytes()).replace("\n", "")).containsIgnoringCase(key);
    }

    @Test
    void needsASequenceNumberAndCertificatesThatAreOneDerSequence() {
        assertThatThrownBy(() -> UpdateSecurityCredentials.builder(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER)
                        .build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> UpdateSecurityCredentials.builder(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER)
                        .sequenceNumber(1)
                        .replace(TrustAnchorCellId.SUPPLIER_DS, new byte[] {0x04, 0x00})
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replacement certificate for supplier-ds is not one DER SEQUENCE");
        assertThatThrownBy(() -> UpdateSecurityCredentials.builder(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER)
                        .sequenceNumber(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
