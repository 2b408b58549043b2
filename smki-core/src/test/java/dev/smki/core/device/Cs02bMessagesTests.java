package dev.smki.core.device;

import static dev.smki.core.device.DeviceFixtures.METER;
import static dev.smki.core.device.DeviceFixtures.PKI;
import static dev.smki.core.device.DeviceFixtures.RECOVERED;
import static dev.smki.core.device.DeviceFixtures.authoriser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.gbcs.CraFlag;
import dev.smki.core.gbcs.Field;
import dev.smki.core.gbcs.FieldTree;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.GroupingHeader;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.testing.TestKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Cs02bMessagesTests {

    private static List<Field> flatten(List<Field> fields) {
        List<Field> all = new ArrayList<>();
        for (Field field : fields) {
            all.add(field);
            all.addAll(flatten(field.fields()));
        }
        return all;
    }

    @Test
    void decodingACommandShowsEveryFieldWithinItsParent() {
        SignedCommand command = UpdateSecurityCredentials.builder(CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                .symmetricKey(PKI.contingency().symmetricKey())
                .timeBasedChecks(CpvTimeChecks.DISAPPLY)
                .sequenceNumber(12)
                .newFloor(3)
                .specialistFloor(SpecialistFloor.prepaymentTopUp(4))
                .otherPartyFloor(
                        new PartyFloorChange(RemotePartyRole.SUPPLIER, 5, List.of(SpecialistFloor.prepaymentTopUp(6))))
                .replace(TrustAnchorCellId.ROOT, RECOVERED.rootOca().parsed())
                .pathCertificate(PKI.issuingOca().parsed())
                .executionDateTime(Instant.parse("2030-01-15T00:00:00Z"))
                .build()
                .sign(authoriser(CredentialsReplacementMode.ANY_BY_CONTINGENCY), METER);
        FieldTree tree = new FieldTree();

        Object payload = Cs02bMessages.decode(command.toBytes(), tree).payload();

        assertThat(payload).isEqualTo(command.command());
        List<Field> all = flatten(tree.fields());
        assertThat(all)
                .extracting(Field::name)
                .contains(
                        "General Signing tag",
                        "CRA Flag",
                        "Originator Counter",
                        "Business Originator ID",
                        "Business Target ID",
                        "Date-Time",
                        "Message Code",
                        "Content Length",
                        "Credentials Replacement Mode",
                        "Plaintext Symmetric Key",
                        "Apply Time Based CPV Checks",
                        "Authorising Remote Party TA Cell Identifier",
                        "Authorising Remote Party Seq Number",
                        "New Remote Party Floor Seq Number",
                        "New Remote Party Specialist Floor Seq Number",
                        "Other Remote Party Seq Number Changes",
                        "Specialist Floor Seq Number",
                        "Replacement Certificate",
                        "Target Trust Anchor Cell",
                        "Certificate",
                        "Execution Date Time",
                        "r",
                        "s");
        assertFieldsNest(tree.fields(), 0, command.toBytes().length);
        assertThat(all)
                .filteredOn(f -> f.name().equals("Execution Date Time"))
                .extracting(Field::value)
                .containsExactly("2030-01-15T00:00:00Z");
    }

    /** Asserts that each field lies within its parent and its siblings follow one another. */
    private static void assertFieldsNest(List<Field> fields, int from, int to) {
        int previousEnd = from;
        for (Field field : fields) {
            assertThat(field.offset()).as(field.name()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(field.end()).as(field.name()).isLessThanOrEqualTo(to);
            assertFieldsNest(field.fields(), field.offset(), field.end());
            previousEnd = field.end();
        }
    }

    @Test
    void decodingAResponseShowsItsOutcomes() {
        UpdateSecurityCredentialsResponse response = DeviceFixtures.device(DeviceType.ESME)
                .answer(DeviceFixtures.signed(
                        CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER, TrustAnchorCellId.SUPPLIER_DS))
                .response()
                .orElseThrow();
        FieldTree tree = new FieldTree();

        Cs02bMessages.decode(response.toBytes(), tree);

        assertThat(flatten(tree.fields()))
                .extracting(Field::name)
                .contains(
                        "Command Accepted",
                        "Execution Outcome",
                        "Replacement Outcome",
                        "Status Code",
                        "Existing Subject Key ID",
                        "Replacing Subject Unique ID");
    }

    @Test
    void anotherMessageCodesPayloadIsShownAsBytes() {
        GroupingHeader header = new GroupingHeader(CraFlag.COMMAND, 1, METER, METER, Optional.empty(), 0x0008);
        byte[] message = GbcsMessage.signed(header, new byte[] {0x30, 0x00}, SigningKey.of(TestKeys.key(2)))
                .toBytes();
        FieldTree tree = new FieldTree();

        Object payload = Cs02bMessages.decode(message, tree).payload();

        assertThat(payload).isEqualTo(new byte[] {0x30, 0x00});
        assertThat(flatten(tree.fields()))
                .filteredOn(f -> f.name().equals("Payload") && f.fields().isEmpty())
                .extracting(Field::value)
                .containsExactly("2 bytes, not read: only CS02b commands and responses (0x0100 to 0x0109) are");
    }
}
