package dev.smki.core.device;

import static dev.smki.core.device.DeviceFixtures.METER;
import static dev.smki.core.device.DeviceFixtures.PKI;
import static dev.smki.core.device.DeviceFixtures.authoriser;
import static dev.smki.core.device.DeviceFixtures.command;
import static dev.smki.core.device.DeviceFixtures.device;
import static dev.smki.core.device.DeviceFixtures.replacing;
import static dev.smki.core.device.DeviceFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.gbcs.CraFlag;
import dev.smki.core.gbcs.GbcsFormatException;
import dev.smki.core.gbcs.HexText;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a Device answers: a CS02b response signed with its Digital Signing key. */
class UpdateSecurityCredentialsResponseTests {

    private static SmkiCertificate deviceKey() {
        return PKI.deviceCertificate(METER, CertificateUsage.DIGITAL_SIGNATURE).parsed();
    }

    @Test
    void anExecutedCommandIsAnsweredWithEveryReplacementAndTheFloorsItSet() {
        Device esme = device(DeviceType.ESME);
        DeviceCredentials before = esme.credentials();
        SignedCommand command = replacing(
                        command(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER),
                        TrustAnchorCellId.SUPPLIER_DS,
                        TrustAnchorCellId.SUPPLIER_KA)
                .sequenceNumber(6)
                .newFloor(40)
                .specialistFloor(SpecialistFloor.prepaymentTopUp(3))
                .build()
                .sign(authoriser(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER), METER);

        Device.Answer answer = esme.answer(command);

        assertThat(answer.outcome().isAccepted()).isTrue();
        UpdateSecurityCredentialsResponse response = answer.response().orElseThrow();
        assertThat(response.header().craFlag()).isEqualTo(CraFlag.RESPONSE);
        assertThat(response.header().originatorCounter()).isEqualTo(6);
        assertThat(response.header().businessOriginator()).isEqualTo(METER);
        assertThat(response.header().businessTarget()).isEqualTo(command.originator());
        assertThat(response.header().messageCode()).isEqualTo(0x0102);
        assertThat(response.header().dateTime()).contains(PKI.clock().instant());
        assertThat(response.verifies(deviceKey())).isTrue();
        assertThat(response.status()).isEqualTo(StatusCode.SUCCESS);
        UpdateSecurityCredentialsResponse.ExecutionOutcome outcome =
                response.executionOutcome().orElseThrow();
        assertThat(outcome.authorisingSeqNumber()).isEqualTo(6);
        assertThat(outcome.mode()).isEqualTo(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER);
        assertThat(outcome.floorChanges())
                .containsExactly(new PartyFloorChange(
                        RemotePartyRole.SUPPLIER, 40, List.of(SpecialistFloor.prepaymentTopUp(3))));
        assertThat(outcome.replacements())
                .extracting(ReplacementResult::cell)
                .containsExactly(TrustAnchorCellId.SUPPLIER_DS, TrustAnchorCellId.SUPPLIER_KA);
        ReplacementResult first = outcome.replacements().get(0);
        assertThat(first.status()).isEqualTo(StatusCode.SUCCESS);
        assertThat(first.existingSubjectKeyId())
                .contains(
                        before.cell(TrustAnchorCellId.SUPPLIER_DS).orElseThrow().subjectKeyId());
        assertThat(first.replacingSubjectKeyId())
                .contains(esme.credentials()
                        .cell(TrustAnchorCellId.SUPPLIER_DS)
                        .orElseThrow()
                        .subjectKeyId());
        assertThat(first.replacingSubjectUniqueId()).contains(PKI.parties().of(RemotePartyRole.SUPPLIER));
        assertThat(UpdateSecurityCredentialsResponse.parse(response.toBytes())).isEqualTo(response);
    }

    @Test
    void aRefusedCommandIsAnsweredWithTheRulesStatusForEveryReplacementAndNothingChanged() {
        Device esme = device(DeviceType.ESME);
        DeviceCredentials before = esme.credentials();
        SignedCommand command = replacing(
                        command(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER), TrustAnchorCellId.SUPPLIER_DS)
                .build()
                .sign(authoriser(CredentialsReplacementMode.NETWORK_OPERATOR_BY_NETWORK_OPERATOR), METER);

        Device.Answer answer = esme.answer(command);

        assertThat(answer.outcome().refusedBy()).contains(AcceptanceRule.ORIGINATOR_IS_AUTHORISER);
        UpdateSecurityCredentialsResponse response = answer.response().orElseThrow();
        assertThat(response.status()).isEqualTo(StatusCode.OTHER);
        assertThat(response.verifies(deviceKey())).isTrue();
        ReplacementResult result =
                response.executionOutcome().orElseThrow().replacements().get(0);
        assertThat(result.status()).isEqualTo(StatusCode.OTHER);
        assertThat(result.replacingSubjectKeyId()).isEqualTo(result.existingSubjectKeyId());
        assertThat(result.existingSubjectKeyId())
                .contains(
                        before.cell(TrustAnchorCellId.SUPPLIER_DS).orElseThrow().subjectKeyId());
        assertThat(response.executionOutcome().orElseThrow().floorChanges()).isEmpty();
        assertThat(esme.credentials()).isSameAs(before);
    }

    @Test
    void aRootReplacementReportsTheRootsMissingUniqueIdentifierAsEmpty() {
        Device.Answer answer = device(DeviceType.GSME)
                .answer(signed(CredentialsReplacementMode.ANY_BY_CONTINGENCY, TrustAnchorCellId.ROOT));

        ReplacementResult root = answer.response()
                .orElseThrow()
                .executionOutcome()
                .orElseThrow()
                .replacements()
                .get(0);
        assertThat(root.cell()).isEqualTo(TrustAnchorCellId.ROOT);
        assertThat(root.existingSubjectUniqueId()).isEmpty();
        assertThat(root.replacingSubjectUniqueId()).isEmpty();
        assertThat(HexText.hex(answer.response().orElseThrow().toBytes())).contains("04000408");
    }

    @Test
    void bytesThatAreNotACommandGetNoResponse() {
        Device.Answer answer = device(DeviceType.ESME).answer(new byte[] {(byte) 0xDF, 0x09});

        assertThat(answer.outcome().refusedBy()).contains(AcceptanceRule.WELL_FORMED);
        assertThat(answer.outcome().detail()).startsWith("byte 2 (CRA Flag)");
        assertThat(answer.response()).isEmpty();
    }

    @Test
    void aTypeTwoDeviceAnswersUnsigned() {
        Device.Answer answer = device(DeviceType.TYPE2)
                .answer(signed(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER, TrustAnchorCellId.SUPPLIER_DS));

        assertThat(answer.response().orElseThrow().message().signature()).isEmpty();
        assertThat(answer.response().orElseThrow().status()).isEqualTo(StatusCode.NO_TRUST_ANCHOR);
    }

    @Test
    void readsAResponseWhoseDerLengthsArePaddedAsTheDccReferenceResponsesAre() {
        UpdateSecurityCredentialsResponse.ExecutionOutcome outcome =
                new UpdateSecurityCredentialsResponse.ExecutionOutcome(
                        1000, CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER, List.of(), List.of());
        UpdateSecurityCredentialsResponse padded = DeviceFixtures.response(
                METER, 1000, CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER, outcome, "3082000F");

        assertThat(UpdateSecurityCredentialsResponse.parse(padded.toBytes()).executionOutcome())
                .contains(outcome);
    }

    @Test
    void refusesAResponseToAnotherMessageOrWithAnUnknownStatus() {
        byte[] command = signed(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER, TrustAnchorCellId.SUPPLIER_DS)
                .toBytes();
        assertThatThrownBy(() -> UpdateSecurityCredentialsResponse.parse(command))
                .isInstanceOf(GbcsFormatException.class)
                .hasMessageStartingWith("byte 2 (CRA Flag)");
        UpdateSecurityCredentialsResponse response = device(DeviceType.ESME)
                .answer(signed(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER, TrustAnchorCellId.SUPPLIER_DS))
                .response()
                .orElseThrow();
        String hex = HexFormat.of().withUpperCase().formatHex(response.toBytes());
        byte[] unknownStatus = HexFormat.of().parseHex(hex.replaceFirst("0A0100", "0A0163"));
        assertThatThrownBy(() -> UpdateSecurityCredentialsResponse.parse(unknownStatus))
                .isInstanceOf(GbcsFormatException.class)
                .hasMessageContaining("(Status Code): No GBCS StatusCode has value 99");
        assertThat(Optional.of(response)).isPresent();
    }
}
