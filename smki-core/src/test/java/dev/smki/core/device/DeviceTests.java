package dev.smki.core.device;

import static dev.smki.core.device.CredentialsReplacementMode.ACCESS_CONTROL_BROKER_BY_ACB;
import static dev.smki.core.device.CredentialsReplacementMode.ANY_BY_CONTINGENCY;
import static dev.smki.core.device.CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY;
import static dev.smki.core.device.CredentialsReplacementMode.NETWORK_OPERATOR_BY_NETWORK_OPERATOR;
import static dev.smki.core.device.CredentialsReplacementMode.ROOT_BY_SUPPLIER;
import static dev.smki.core.device.CredentialsReplacementMode.ROOT_BY_WAN_PROVIDER;
import static dev.smki.core.device.CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER;
import static dev.smki.core.device.CredentialsReplacementMode.SUPPLIER_BY_TRANSITIONAL_COS;
import static dev.smki.core.device.CredentialsReplacementMode.TRANSITIONAL_COS_BY_TRANSITIONAL_COS;
import static dev.smki.core.device.CredentialsReplacementMode.WAN_PROVIDER_BY_WAN_PROVIDER;
import static dev.smki.core.device.DeviceFixtures.LINK;
import static dev.smki.core.device.DeviceFixtures.METER;
import static dev.smki.core.device.DeviceFixtures.OTHER_METER;
import static dev.smki.core.device.DeviceFixtures.PKI;
import static dev.smki.core.device.DeviceFixtures.RECOVERED;
import static dev.smki.core.device.DeviceFixtures.SETTINGS;
import static dev.smki.core.device.DeviceFixtures.authoriser;
import static dev.smki.core.device.DeviceFixtures.command;
import static dev.smki.core.device.DeviceFixtures.currentCertificate;
import static dev.smki.core.device.DeviceFixtures.device;
import static dev.smki.core.device.DeviceFixtures.freshCertificate;
import static dev.smki.core.device.DeviceFixtures.replacing;
import static dev.smki.core.device.DeviceFixtures.signed;
import static dev.smki.core.device.TrustAnchorCellId.ACB_KA;
import static dev.smki.core.device.TrustAnchorCellId.NETWORK_OPERATOR_DS;
import static dev.smki.core.device.TrustAnchorCellId.NETWORK_OPERATOR_KA;
import static dev.smki.core.device.TrustAnchorCellId.RECOVERY;
import static dev.smki.core.device.TrustAnchorCellId.ROOT;
import static dev.smki.core.device.TrustAnchorCellId.SUPPLIER_DS;
import static dev.smki.core.device.TrustAnchorCellId.SUPPLIER_KA;
import static dev.smki.core.device.TrustAnchorCellId.SUPPLIER_KA_TOP_UP;
import static dev.smki.core.device.TrustAnchorCellId.TRANSITIONAL_COS_DS;
import static dev.smki.core.device.TrustAnchorCellId.WAN_PROVIDER_DS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.gbcs.DerWriter;
import dev.smki.core.gbcs.GbcsFormatException;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.testing.TestKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeviceTests {

    /** Applies {@code command} and asserts it was executed. */
    private static CommandOutcome assertAccepted(Device device, SignedCommand command) {
        CommandOutcome outcome = device.apply(command);
        assertThat(outcome.isAccepted()).as("%s", outcome).isTrue();
        assertThat(outcome.status()).isEqualTo(StatusCode.SUCCESS);
        return outcome;
    }

    /** Applies {@code command} and asserts {@code rule} refused it and nothing changed. */
    private static CommandOutcome assertRefused(Device device, SignedCommand command, AcceptanceRule rule) {
        DeviceCredentials before = device.credentials();
        CommandOutcome outcome = device.apply(command);
        assertThat(outcome.refusedBy()).as("%s", outcome).contains(rule);
        assertThat(outcome.status()).isEqualTo(rule.refusal());
        assertThat(outcome.replacements()).isEmpty();
        assertThat(device.credentials()).isSameAs(before);
        return outcome;
    }

    private static KeyIdentifier ski(TrustAnchorCell cell) {
        return cell.subjectKeyId();
    }

    private static KeyIdentifier cellKey(Device device, TrustAnchorCellId cell) {
        return ski(device.credentials().cell(cell).orElseThrow());
    }

    @Nested
    class EveryMode {

        @Test
        void rootBySupplierPutsTheNewRootOcaInTheRootCellOfAnEsme() {
            Device esme = device(DeviceType.ESME);
            SignedCommand command = signed(ROOT_BY_SUPPLIER, ROOT);

            CommandOutcome outcome = assertAccepted(esme, command);

            TrustAnchorCell root = esme.credentials().cell(ROOT).orElseThrow();
            assertThat(root.subjectKeyId())
                    .isEqualTo(
                            RECOVERED.rootOca().parsed().subjectKeyIdentifier().orElseThrow());
            assertThat(root.wrappedContingencyKey())
                    .contains(RECOVERED.contingency().wrappedKey());
            assertThat(root.subjectUniqueId()).isEmpty();
            assertThat(esme.credentials().floor(RemotePartyRole.SUPPLIER)).isEqualTo(1);
            assertThat(outcome.replacements())
                    .containsExactly(new ReplacementOutcome(
                            ROOT,
                            java.util.Optional.empty(),
                            PKI.rootOca().parsed().subjectKeyIdentifier().orElseThrow(),
                            java.util.Optional.empty(),
                            RECOVERED.rootOca().parsed().subjectKeyIdentifier().orElseThrow()));
        }

        @Test
        void rootByWanProviderReplacesTheRootOfACommsHubButFindsNoWanProviderCellOnAMeter() {
            SignedCommand forHub = signed(ROOT_BY_WAN_PROVIDER, ROOT);

            Device hub = device(DeviceType.CHF);
            assertAccepted(hub, forHub);
            assertThat(cellKey(hub, ROOT))
                    .isEqualTo(
                            RECOVERED.rootOca().parsed().subjectKeyIdentifier().orElseThrow());
            assertThat(hub.credentials().floor(RemotePartyRole.WAN_PROVIDER)).isEqualTo(1);

            assertRefused(device(DeviceType.ESME), forHub, AcceptanceRule.AUTHORISING_ANCHOR_HELD);
        }

        @Test
        void supplierBySupplierReplacesTheThreeSupplierCellsAndTheNewKeyTakesOverAtTheNewFloor() {
            Device esme = device(DeviceType.ESME);
            SignedCommand command = replacing(
                            command(SUPPLIER_BY_SUPPLIER).sequenceNumber(5).newFloor(10),
                            SUPPLIER_DS,
                            SUPPLIER_KA,
                            SUPPLIER_KA_TOP_UP)
                    .build()
                    .sign(authoriser(SUPPLIER_BY_SUPPLIER), METER);

            CommandOutcome outcome = assertAccepted(esme, command);

            assertThat(outcome.replacements())
                    .extracting(ReplacementOutcome::cell)
                    .containsExactly(SUPPLIER_DS, SUPPLIER_KA, SUPPLIER_KA_TOP_UP);
            assertThat(outcome.replacements().get(0).existingSubjectKeyId())
                    .isEqualTo(currentCertificate(SUPPLIER_DS)
                            .parsed()
                            .subjectKeyIdentifier()
                            .orElseThrow());
            assertThat(outcome.replacements().get(0).replacingSubjectKeyId())
                    .isEqualTo(freshCertificate(SUPPLIER_DS)
                            .parsed()
                            .subjectKeyIdentifier()
                            .orElseThrow());
            assertThat(esme.credentials().floor(RemotePartyRole.SUPPLIER)).isEqualTo(10);

            Authoriser newSupplier = DeviceFixtures.authoriser(freshCertificate(SUPPLIER_DS));
            UpdateSecurityCredentials.Builder next = replacing(command(SUPPLIER_BY_SUPPLIER), SUPPLIER_KA);
            assertRefused(
                    esme,
                    next.sequenceNumber(10).build().sign(newSupplier, METER),
                    AcceptanceRule.SEQUENCE_NUMBER_ABOVE_FLOOR);
            assertRefused(
                    esme,
                    next.sequenceNumber(11).build().sign(authoriser(SUPPLIER_BY_SUPPLIER), METER),
                    AcceptanceRule.SIGNATURE_VERIFIES);
            assertAccepted(esme, next.sequenceNumber(11).build().sign(newSupplier, METER));
        }

        @Test
        void networkOperatorByNetworkOperatorReplacesBothNetworkOperatorCellsOfAGasMeter() {
            Device gsme = device(DeviceType.GSME);
            SignedCommand command =
                    signed(NETWORK_OPERATOR_BY_NETWORK_OPERATOR, NETWORK_OPERATOR_DS, NETWORK_OPERATOR_KA);

            assertAccepted(gsme, command);

            assertThat(cellKey(gsme, NETWORK_OPERATOR_DS))
                    .isEqualTo(freshCertificate(NETWORK_OPERATOR_DS)
                            .parsed()
                            .subjectKeyIdentifier()
                            .orElseThrow());
            assertThat(cellKey(gsme, NETWORK_OPERATOR_KA))
                    .isEqualTo(freshCertificate(NETWORK_OPERATOR_KA)
                            .parsed()
                            .subjectKeyIdentifier()
                            .orElseThrow());
            assertThat(gsme.credentials().floor(RemotePartyRole.NETWORK_OPERATOR))
                    .isEqualTo(1);
        }

        @Test
        void accessControlBrokerByAcbIsVerifiedWithTheAcbKeyAgreementCell() {
            Device esme = device(DeviceType.ESME);
            SignedCommand command = signed(ACCESS_CONTROL_BROKER_BY_ACB, ACB_KA);

            assertAccepted(esme, command);

            assertThat(cellKey(esme, ACB_KA))
                    .isEqualTo(freshCertificate(ACB_KA)
                            .parsed()
                            .subjectKeyIdentifier()
                            .orElseThrow());
        }

        @Test
        void wanProviderByWanProviderReplacesTheWanProviderCellOfACommsHub() {
            Device hub = device(DeviceType.CHF);
            SignedCommand command = signed(WAN_PROVIDER_BY_WAN_PROVIDER, WAN_PROVIDER_DS);

            assertAccepted(hub, command);

            assertThat(cellKey(hub, WAN_PROVIDER_DS))
                    .isEqualTo(freshCertificate(WAN_PROVIDER_DS)
                            .parsed()
                            .subjectKeyIdentifier()
                            .orElseThrow());
        }

        @Test
        void transCosByTransCosReplacesTheTransitionalCosCell() {
            Device esme = device(DeviceType.ESME);
            SignedCommand command = signed(TRANSITIONAL_COS_BY_TRANSITIONAL_COS, TRANSITIONAL_COS_DS);

            assertAccepted(esme, command);

            assertThat(cellKey(esme, TRANSITIONAL_COS_DS))
                    .isEqualTo(freshCertificate(TRANSITIONAL_COS_DS)
                            .parsed()
                            .subjectKeyIdentifier()
                            .orElseThrow());
        }

        @Test
        void supplierByTransCosRaisesTheTransCosFloorAndSetsTheNewSupplierFloor() {
            Device esme = device(DeviceType.ESME);
            SignedCommand command = replacing(
                            command(SUPPLIER_BY_TRANSITIONAL_COS)
                                    .sequenceNumber(3)
                                    .newFloor(7),
                            SUPPLIER_DS)
                    .build()
                    .sign(authoriser(SUPPLIER_BY_TRANSITIONAL_COS), METER);

            assertAccepted(esme, command);

            assertThat(cellKey(esme, SUPPLIER_DS))
                    .isEqualTo(freshCertificate(SUPPLIER_DS)
                            .parsed()
                            .subjectKeyIdentifier()
                            .orElseThrow());
            assertThat(esme.credentials().floor(RemotePartyRole.TRANSITIONAL_COS))
                    .isEqualTo(3);
            assertThat(esme.credentials().floor(RemotePartyRole.SUPPLIER)).isEqualTo(7);
        }

        @Test
        void recoveryMethodThreePutsTheSubscribersNewCertificatesInItsCells() {
            Device esme = device(DeviceType.ESME);
            SignedCommand command = replacing(
                            command(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY).newFloor(0), SUPPLIER_DS, SUPPLIER_KA)
                    .build()
                    .sign(authoriser(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY), METER);

            assertAccepted(esme, command);

            assertThat(cellKey(esme, SUPPLIER_DS))
                    .isEqualTo(freshCertificate(SUPPLIER_DS)
                            .parsed()
                            .subjectKeyIdentifier()
                            .orElseThrow());
            assertThat(esme.credentials().floor(RemotePartyRole.RECOVERY)).isEqualTo(1);
            assertThat(esme.credentials().floor(RemotePartyRole.SUPPLIER)).isZero();
        }

        @Test
        void recoveryMethodTwoPutsTheDccAcbCertificateInTheCompromisedSuppliersCell() {
            Device esme = device(DeviceType.ESME);
            IssuedCertificate acb = currentCertificate(ACB_KA);
            SignedCommand command = command(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY)
                    .replace(SUPPLIER_KA, acb.parsed())
                    .pathCertificate(PKI.issuingOca().parsed())
                    .build()
                    .sign(authoriser(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY), METER);

            assertAccepted(esme, command);

            TrustAnchorCell cell = esme.credentials().cell(SUPPLIER_KA).orElseThrow();
            assertThat(cell.subjectKeyId())
                    .isEqualTo(acb.parsed().subjectKeyIdentifier().orElseThrow());
            assertThat(cell.subjectUniqueId()).contains(PKI.parties().of(RemotePartyRole.ACCESS_CONTROL_BROKER));
        }

        @Test
        void recoveryReplacesTheRootWhenTheCurrentRootCertifiesTheNewOne() {
            Device esme = device(DeviceType.ESME);
            SignedCommand command = command(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY)
                    .replace(ROOT, RECOVERED.rootOca().parsed())
                    .pathCertificate(LINK.parsed())
                    .build()
                    .sign(authoriser(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY), METER);

            assertAccepted(esme, command);

            assertThat(cellKey(esme, ROOT))
                    .isEqualTo(
                            RECOVERED.rootOca().parsed().subjectKeyIdentifier().orElseThrow());
        }

        @Test
        void recoveryNeverReplacesARootTheCurrentRootDoesNotCertify() {
            Device esme = device(DeviceType.ESME);
            SignedCommand command = signed(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY, ROOT);

            assertRefused(esme, command, AcceptanceRule.NO_ABNORMAL_ROOT_BY_RECOVERY);
        }

        @Test
        void contingencyReplacesTheRootAfterWhichTheOldSymmetricKeyUnwrapsNothingAndTheCommandCannotBeReplayed() {
            Device esme = device(DeviceType.ESME);
            SymmetricKey released = PKI.contingency().symmetricKey();
            SignedCommand command = signed(ANY_BY_CONTINGENCY, ROOT);
            assertThat(esme.credentials()
                            .cell(ROOT)
                            .orElseThrow()
                            .wrappedContingencyKey()
                            .orElseThrow()
                            .unwrap(released))
                    .isPresent();

            assertAccepted(esme, command);

            TrustAnchorCell root = esme.credentials().cell(ROOT).orElseThrow();
            assertThat(root.subjectKeyId())
                    .isEqualTo(
                            RECOVERED.rootOca().parsed().subjectKeyIdentifier().orElseThrow());
            assertThat(root.wrappedContingencyKey().orElseThrow().unwrap(released))
                    .isEmpty();
            assertThat(esme.credentials().floor(RemotePartyRole.ROOT)).isEqualTo(1);
            assertRefused(esme, command, AcceptanceRule.AUTHORISING_ANCHOR_HELD);
            assertRefused(
                    esme,
                    replacing(command(ANY_BY_CONTINGENCY).sequenceNumber(2), SUPPLIER_DS)
                            .build()
                            .sign(authoriser(ANY_BY_CONTINGENCY), METER),
                    AcceptanceRule.AUTHORISING_ANCHOR_HELD);
        }

        @Test
        void theNewContingencyMaterialAuthorisesTheNextContingencyCommandAboveTheRootFloor() {
            Device esme = device(DeviceType.ESME);
            assertAccepted(esme, signed(ANY_BY_CONTINGENCY, ROOT));
            Authoriser next = RECOVERED.contingencyAuthoriser();
            UpdateSecurityCredentials.Builder builder = UpdateSecurityCredentials.builder(ANY_BY_CONTINGENCY)
                    .symmetricKey(RECOVERED.contingency().symmetricKey())
                    .replace(
                            RECOVERY,
                            RECOVERED
                                    .organisationCertificate(
                                            RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE)
                                    .parsed())
                    .pathCertificate(RECOVERED.issuingOca().parsed());

            assertRefused(
                    esme,
                    builder.sequenceNumber(1).build().sign(next, METER),
                    AcceptanceRule.SEQUENCE_NUMBER_ABOVE_FLOOR);
            assertAccepted(esme, builder.sequenceNumber(2).build().sign(next, METER));

            assertThat(cellKey(esme, RECOVERY))
                    .isEqualTo(RECOVERED
                            .organisationCertificate(RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE)
                            .parsed()
                            .subjectKeyIdentifier()
                            .orElseThrow());
        }
    }

    @Nested
    class EveryStatusCode {

        @Test
        void otherForBytesThatAreNotACommand() {
            Device esme = device(DeviceType.ESME);
            byte[] good = signed(SUPPLIER_BY_SUPPLIER, SUPPLIER_DS).toBytes();
            DeviceCredentials before = esme.credentials();

            for (byte[] bad : List.of(new byte[0], new byte[] {0x30, 0x00}, Arrays.copyOf(good, good.length - 1))) {
                CommandOutcome outcome = esme.apply(bad);
                assertThat(outcome.refusedBy()).contains(AcceptanceRule.WELL_FORMED);
                assertThat(outcome.status()).isEqualTo(StatusCode.OTHER);
            }
            assertThat(esme.credentials()).isSameAs(before);
        }

        @Test
        void otherForACommandWithNoReplacementOrACellTargetedTwice() {
            Device esme = device(DeviceType.ESME);
            Authoriser supplier = authoriser(SUPPLIER_BY_SUPPLIER);

            assertRefused(
                    esme, command(SUPPLIER_BY_SUPPLIER).build().sign(supplier, METER), AcceptanceRule.WELL_FORMED);
            assertRefused(
                    esme,
                    command(SUPPLIER_BY_SUPPLIER)
                            .replace(SUPPLIER_DS, freshCertificate(SUPPLIER_DS).parsed())
                            .replace(
                                    SUPPLIER_DS, currentCertificate(SUPPLIER_DS).parsed())
                            .pathCertificate(PKI.issuingOca().parsed())
                            .build()
                            .sign(supplier, METER),
                    AcceptanceRule.WELL_FORMED);
        }

        @Test
        void otherForACommandSignedForAnotherDevice() {
            SignedCommand command = replacing(command(SUPPLIER_BY_SUPPLIER), SUPPLIER_DS)
                    .build()
                    .sign(authoriser(SUPPLIER_BY_SUPPLIER), OTHER_METER);

            assertRefused(device(DeviceType.ESME), command, AcceptanceRule.ADDRESSED_TO_DEVICE);
            assertAccepted(Device.of(SETTINGS, OTHER_METER, DeviceType.ESME, true), command);
        }

        @Test
        void otherWhenTheSymmetricKeyIsPresentOutsideTheContingencyModeOrMissingInIt() {
            Device esme = device(DeviceType.ESME);
            SignedCommand withKey = replacing(
                            command(SUPPLIER_BY_SUPPLIER)
                                    .symmetricKey(PKI.contingency().symmetricKey()),
                            SUPPLIER_DS)
                    .build()
                    .sign(authoriser(SUPPLIER_BY_SUPPLIER), METER);
            SignedCommand withoutKey = replacing(
                            UpdateSecurityCredentials.builder(ANY_BY_CONTINGENCY)
                                    .sequenceNumber(1),
                            ROOT)
                    .build()
                    .sign(authoriser(ANY_BY_CONTINGENCY), METER);

            assertRefused(esme, withKey, AcceptanceRule.SYMMETRIC_KEY_ONLY_FOR_CONTINGENCY);
            assertRefused(esme, withoutKey, AcceptanceRule.SYMMETRIC_KEY_ONLY_FOR_CONTINGENCY);
        }

        @Test
        void otherWhenTheSignatureIsNotTheAuthorisingPartys() {
            Device esme = device(DeviceType.ESME);
            UpdateSecurityCredentials command =
                    replacing(command(SUPPLIER_BY_SUPPLIER), SUPPLIER_DS).build();

            assertRefused(
                    esme,
                    command.sign(
                            Authoriser.of(
                                    PKI.parties().of(RemotePartyRole.SUPPLIER),
                                    SigningKey.of(currentCertificate(NETWORK_OPERATOR_DS))),
                            METER),
                    AcceptanceRule.SIGNATURE_VERIFIES);
            assertRefused(
                    esme,
                    command.sign(
                            Authoriser.of(PKI.parties().of(RemotePartyRole.SUPPLIER), SigningKey.of(TestKeys.key(40))),
                            METER),
                    AcceptanceRule.SIGNATURE_VERIFIES);
            assertRefused(
                    esme,
                    command.sign(DeviceFixtures.authoriser(currentCertificate(SUPPLIER_KA)), METER),
                    AcceptanceRule.SIGNATURE_VERIFIES);
        }

        @Test
        void otherWhenTheSequenceNumberIsNotAboveTheFloor() {
            Device esme = device(DeviceType.ESME);
            UpdateSecurityCredentials.Builder builder = replacing(command(SUPPLIER_BY_SUPPLIER), SUPPLIER_DS);

            assertRefused(
                    esme,
                    builder.sequenceNumber(0).build().sign(authoriser(SUPPLIER_BY_SUPPLIER), METER),
                    AcceptanceRule.SEQUENCE_NUMBER_ABOVE_FLOOR);
            assertAccepted(esme, builder.sequenceNumber(4).build().sign(authoriser(SUPPLIER_BY_SUPPLIER), METER));
        }

        @Test
        void otherWhenTheModeMayNotReplaceTheCell() {
            Device esme = device(DeviceType.ESME);

            assertRefused(
                    esme, signed(SUPPLIER_BY_SUPPLIER, NETWORK_OPERATOR_DS), AcceptanceRule.MODE_MAY_REPLACE_CELL);
            assertRefused(esme, signed(ROOT_BY_SUPPLIER, SUPPLIER_DS), AcceptanceRule.MODE_MAY_REPLACE_CELL);
        }

        @Test
        void otherWhenOneCommandReplacesCellsOfTwoParties() {
            SignedCommand command = signed(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY, SUPPLIER_DS, NETWORK_OPERATOR_DS);

            assertRefused(device(DeviceType.ESME), command, AcceptanceRule.ONE_REMOTE_PARTY);
        }

        @Test
        void noTrustAnchorWhenTheSymmetricKeyDoesNotUnwrapTheRootsContingencyKey() {
            SignedCommand command = replacing(
                            UpdateSecurityCredentials.builder(ANY_BY_CONTINGENCY)
                                    .sequenceNumber(1)
                                    .symmetricKey(RECOVERED.contingency().symmetricKey()),
                            ROOT)
                    .build()
                    .sign(authoriser(ANY_BY_CONTINGENCY), METER);

            assertRefused(device(DeviceType.ESME), command, AcceptanceRule.AUTHORISING_ANCHOR_HELD);
        }

        @Test
        void noTrustAnchorOnATypeTwoDeviceWhichHoldsNoCell() {
            Device display = device(DeviceType.TYPE2);
            assertThat(display.credentials().cells()).isEmpty();

            assertRefused(display, signed(ANY_BY_CONTINGENCY, ROOT), AcceptanceRule.AUTHORISING_ANCHOR_HELD);
            assertRefused(display, signed(SUPPLIER_BY_SUPPLIER, SUPPLIER_DS), AcceptanceRule.AUTHORISING_ANCHOR_HELD);
        }

        @Test
        void insufficientMemoryWhenThePathHasMoreCertificatesThanTheDeviceHolds() {
            UpdateSecurityCredentials.Builder builder = replacing(command(SUPPLIER_BY_SUPPLIER), SUPPLIER_DS);
            for (int i = 1; i < DeviceSettings.DEFAULT_MAX_PATH_CERTIFICATES; i++) {
                builder.pathCertificate(PKI.rootOca().parsed());
            }
            Device esme = device(DeviceType.ESME);
            SignedCommand full = builder.build().sign(authoriser(SUPPLIER_BY_SUPPLIER), METER);
            SignedCommand tooMany = builder.pathCertificate(PKI.rootOca().parsed())
                    .sequenceNumber(2)
                    .build()
                    .sign(authoriser(SUPPLIER_BY_SUPPLIER), METER);

            assertRefused(esme, tooMany, AcceptanceRule.WITHIN_CAPACITY);
            assertAccepted(esme, full);
        }

        @Test
        void trustAnchorNotFoundWhenTheTargetCellIsNotOnThisDeviceType() {
            SignedCommand command = signed(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY, WAN_PROVIDER_DS);

            assertRefused(device(DeviceType.ESME), command, AcceptanceRule.TARGET_CELL_EXISTS);
            assertAccepted(device(DeviceType.CHF), command);
        }

        @Test
        void badCertificateWhenTheKeyUsageDoesNotFitTheCell() {
            Device esme = device(DeviceType.ESME);
            Authoriser supplier = authoriser(SUPPLIER_BY_SUPPLIER);

            assertRefused(
                    esme,
                    command(SUPPLIER_BY_SUPPLIER)
                            .replace(SUPPLIER_DS, freshCertificate(SUPPLIER_KA).parsed())
                            .pathCertificate(PKI.issuingOca().parsed())
                            .build()
                            .sign(supplier, METER),
                    AcceptanceRule.KEY_USAGE_FITS_CELL);
            assertRefused(
                    esme,
                    command(ROOT_BY_SUPPLIER)
                            .replace(ROOT, freshCertificate(SUPPLIER_DS).parsed())
                            .pathCertificate(PKI.issuingOca().parsed())
                            .build()
                            .sign(authoriser(ROOT_BY_SUPPLIER), METER),
                    AcceptanceRule.KEY_USAGE_FITS_CELL);
        }

        @Test
        void badCertificateWhenTheCertificateDoesNotChainToTheDevicesRoot() {
            Device esme = device(DeviceType.ESME);
            Authoriser supplier = authoriser(SUPPLIER_BY_SUPPLIER);
            IssuedCertificate underNewRoot =
                    RECOVERED.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);

            CommandOutcome outcome = assertRefused(
                    esme,
                    command(SUPPLIER_BY_SUPPLIER)
                            .replace(SUPPLIER_DS, underNewRoot.parsed())
                            .pathCertificate(RECOVERED.issuingOca().parsed())
                            .build()
                            .sign(supplier, METER),
                    AcceptanceRule.CERTIFICATION_PATH_VALID);
            assertThat(outcome.detail()).contains("not signed by the Device's Root");
            assertRefused(
                    esme,
                    command(SUPPLIER_BY_SUPPLIER)
                            .replace(SUPPLIER_DS, freshCertificate(SUPPLIER_DS).parsed())
                            .build()
                            .sign(supplier, METER),
                    AcceptanceRule.CERTIFICATION_PATH_VALID);
            assertRefused(
                    esme,
                    command(SUPPLIER_BY_SUPPLIER)
                            .replace(SUPPLIER_DS, new byte[] {0x30, 0x03, 0x02, 0x01, 0x05})
                            .pathCertificate(PKI.issuingOca().parsed())
                            .build()
                            .sign(supplier, METER),
                    AcceptanceRule.CERTIFICATION_PATH_VALID);
        }

        @Test
        void badCertificateWhenTheNewRootIsNotAConformingRootOca() {
            Device esme = device(DeviceType.ESME);

            CommandOutcome outcome = assertRefused(
                    esme,
                    command(ANY_BY_CONTINGENCY)
                            .replace(ROOT, PKI.rootDca().parsed())
                            .build()
                            .sign(authoriser(ANY_BY_CONTINGENCY), METER),
                    AcceptanceRule.CERTIFICATION_PATH_VALID);
            assertThat(outcome.detail()).contains("not a conforming Root OCA");
        }

        @Test
        void badCertificateWhenTheDevicesClockIsOutsideTheValidityPeriod() {
            DeviceSettings late = DeviceSettings.builder(PKI.deviceProvisioning())
                    .clock(Clock.fixed(Instant.parse("2099-01-01T00:00:00Z"), ZoneOffset.UTC))
                    .build();
            Device esme = Device.of(late, METER, DeviceType.ESME, true);

            CommandOutcome outcome = assertRefused(
                    esme, signed(SUPPLIER_BY_SUPPLIER, SUPPLIER_DS), AcceptanceRule.CERTIFICATION_PATH_VALID);
            assertThat(outcome.detail()).contains("validity period");
        }

        @Test
        void aDisappliedTimeCheckLetsACertificateOutsideItsValidityPeriodIn() {
            DeviceSettings late = DeviceSettings.builder(PKI.deviceProvisioning())
                    .clock(Clock.fixed(Instant.parse("2099-01-01T00:00:00Z"), ZoneOffset.UTC))
                    .build();
            Device esme = Device.of(late, METER, DeviceType.ESME, true);
            UpdateSecurityCredentials.Builder builder = replacing(command(SUPPLIER_BY_SUPPLIER), SUPPLIER_DS);

            assertAccepted(
                    esme,
                    builder.timeBasedChecks(CpvTimeChecks.DISAPPLY)
                            .build()
                            .sign(authoriser(SUPPLIER_BY_SUPPLIER), METER));
            Device other = Device.of(late, METER, DeviceType.ESME, true);
            assertRefused(
                    other,
                    builder.timeBasedChecks(CpvTimeChecks.APPLY).build().sign(authoriser(SUPPLIER_BY_SUPPLIER), METER),
                    AcceptanceRule.CERTIFICATION_PATH_VALID);
        }

        @Test
        void otherWhenTheCommandNamesNoOrAnotherAuthorisingCell() {
            Device esme = device(DeviceType.ESME);
            UpdateSecurityCredentials.Builder builder = replacing(command(SUPPLIER_BY_SUPPLIER), SUPPLIER_DS);

            CommandOutcome none = assertRefused(
                    esme,
                    builder.withoutAuthorisingCell().build().sign(authoriser(SUPPLIER_BY_SUPPLIER), METER),
                    AcceptanceRule.AUTHORISING_CELL_NAMED);
            assertThat(none.detail()).contains("names its authorising cell");
            CommandOutcome other = assertRefused(
                    esme,
                    builder.authorisingCell(RECOVERY).build().sign(authoriser(SUPPLIER_BY_SUPPLIER), METER),
                    AcceptanceRule.AUTHORISING_CELL_NAMED);
            assertThat(other.detail()).contains("names recovery-ds").contains("supplier-ds");
            assertAccepted(
                    esme, builder.authorisingCell(SUPPLIER_DS).build().sign(authoriser(SUPPLIER_BY_SUPPLIER), METER));
        }

        @Test
        void theAcbNamesItsCellOnACommsHubButNeedNotOnAMeter() {
            UpdateSecurityCredentials unnamed =
                    replacing(command(ACCESS_CONTROL_BROKER_BY_ACB), ACB_KA).build();

            assertAccepted(device(DeviceType.ESME), unnamed.sign(authoriser(ACCESS_CONTROL_BROKER_BY_ACB), METER));
            assertRefused(
                    device(DeviceType.CHF),
                    unnamed.sign(authoriser(ACCESS_CONTROL_BROKER_BY_ACB), METER),
                    AcceptanceRule.AUTHORISING_CELL_NAMED);
        }

        @Test
        void otherWhenTheOriginatorIsNotThePartyInTheAuthorisingCell() {
            Device esme = device(DeviceType.ESME);
            UpdateSecurityCredentials command =
                    replacing(command(SUPPLIER_BY_SUPPLIER), SUPPLIER_DS).build();
            Authoriser supplierKeyOtherName = Authoriser.of(
                    PKI.parties().of(RemotePartyRole.NETWORK_OPERATOR), SigningKey.of(currentCertificate(SUPPLIER_DS)));

            CommandOutcome outcome = assertRefused(
                    esme, command.sign(supplierKeyOtherName, METER), AcceptanceRule.ORIGINATOR_IS_AUTHORISER);
            assertThat(outcome.detail())
                    .contains(PKI.parties().of(RemotePartyRole.NETWORK_OPERATOR).toString())
                    .contains("supplier-ds");
        }

        @Test
        void otherWhenTheOriginatorCounterIsNotTheSequenceNumber() {
            Device esme = device(DeviceType.ESME);
            UpdateSecurityCredentials command = replacing(command(SUPPLIER_BY_SUPPLIER), SUPPLIER_DS)
                    .sequenceNumber(3)
                    .build();

            assertRefused(
                    esme,
                    command.sign(authoriser(SUPPLIER_BY_SUPPLIER), METER, 4),
                    AcceptanceRule.COUNTER_IS_SEQUENCE_NUMBER);
            assertAccepted(esme, command.sign(authoriser(SUPPLIER_BY_SUPPLIER), METER, 3));
        }

        @Test
        void otherWhenTheCommandCarriesNoSignatureOrComesInAMacHeader() {
            Device esme = device(DeviceType.ESME);
            SignedCommand signed = signed(SUPPLIER_BY_SUPPLIER, SUPPLIER_DS);
            byte[] unsigned = GbcsMessage.unsigned(
                            signed.header(), signed.command().toDer())
                    .toBytes();

            CommandOutcome none = esme.apply(unsigned);
            assertThat(none.refusedBy()).contains(AcceptanceRule.SIGNATURE_VERIFIES);
            assertThat(none.detail()).contains("no KRP Signature");

            byte[] inner = signed.toBytes();
            byte[] ciphered = DerWriter.concat(new byte[] {0x11, 0, 0, 0, 1}, inner, new byte[12]);
            byte[] macd = DerWriter.concat(
                    new byte[] {(byte) 0xDD, 0, 0, 0, 0, 0, 0}, DerWriter.length(ciphered.length), ciphered);
            CommandOutcome inMacHeader = esme.apply(macd);
            assertThat(inMacHeader.refusedBy()).contains(AcceptanceRule.WELL_FORMED);
            assertThat(inMacHeader.detail()).contains("MAC Header");
            assertThat(esme.apply(inner).isAccepted()).isTrue();
        }

        @Test
        void badCertificateWhenAContingencyRootBringsBackTheReleasedContingencyKey() {
            SignedCommand command = command(ANY_BY_CONTINGENCY)
                    .replace(ROOT, PKI.rootOca().parsed())
                    .build()
                    .sign(authoriser(ANY_BY_CONTINGENCY), METER);

            assertRefused(device(DeviceType.ESME), command, AcceptanceRule.FRESH_CONTINGENCY_KEY);
        }
    }

    @Nested
    class Behaviour {

        @Test
        void aDeviceDerivesItsOwnDeviceCertificatesFromThePki() {
            Device esme = device(DeviceType.ESME);

            assertThat(esme.deviceCertificate(CertificateUsage.DIGITAL_SIGNATURE))
                    .isEqualTo(PKI.deviceCertificate(METER, CertificateUsage.DIGITAL_SIGNATURE)
                            .parsed());
            assertThat(esme.deviceCertificate(CertificateUsage.KEY_AGREEMENT))
                    .isEqualTo(esme.deviceCertificate(CertificateUsage.KEY_AGREEMENT));
            assertThat(esme.deviceCertificate(CertificateUsage.KEY_AGREEMENT))
                    .isNotEqualTo(esme.deviceCertificate(CertificateUsage.DIGITAL_SIGNATURE));
            assertThatThrownBy(() -> device(DeviceType.TYPE2).deviceCertificate(CertificateUsage.KEY_AGREEMENT))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aCommandAppliedAsBytesHasTheSameOutcomeAsTheParsedCommand() {
            SignedCommand command = signed(ANY_BY_CONTINGENCY, ROOT);
            Device fromBytes = device(DeviceType.GSME);
            Device fromObject = device(DeviceType.GSME);

            assertThat(fromBytes.apply(command.toBytes())).isEqualTo(fromObject.apply(command));
            assertThat(fromBytes.credentials()).isSameAs(fromObject.credentials());
        }

        @Test
        void flippingAnyByteOfTheSignedPartBreaksTheSignatureGetsTheCommandRefusedAndChangesNothing() {
            SignedCommand command = signed(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY, SUPPLIER_DS);
            byte[] bytes = command.toBytes();
            Device esme = device(DeviceType.ESME);
            DeviceCredentials before = esme.credentials();

            SubjectPublicKeyInfo recoveryKey =
                    currentCertificate(RECOVERY).certificate().getSubjectPublicKeyInfo();
            for (int i = 0; i < bytes.length - 1 - 64; i++) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= (byte) 0x5A;
                CommandOutcome outcome = esme.apply(flipped);
                assertThat(outcome.isAccepted()).as("byte %d: %s", i, outcome).isFalse();
                boolean verifies;
                try {
                    verifies = GbcsMessage.read(flipped).verifies(recoveryKey);
                } catch (GbcsFormatException e) {
                    verifies = false;
                }
                assertThat(verifies).as("byte %d verifies", i).isFalse();
            }
            assertThat(esme.credentials()).isSameAs(before);
            assertThat(esme.apply(bytes).isAccepted())
                    .as("the unflipped command")
                    .isTrue();
        }

        @Test
        void otherPartiesFloorsTheCommandCarriesAreSetWhenItIsExecuted() {
            Device esme = device(DeviceType.ESME);
            SignedCommand command = replacing(command(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY), SUPPLIER_DS)
                    .newFloor(50)
                    .otherPartyFloor(PartyFloorChange.of(RemotePartyRole.NETWORK_OPERATOR, 70))
                    .specialistFloor(SpecialistFloor.prepaymentTopUp(9))
                    .build()
                    .sign(authoriser(ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY), METER);

            assertAccepted(esme, command);

            assertThat(esme.credentials().floors())
                    .containsEntry(RemotePartyRole.SUPPLIER, 50L)
                    .containsEntry(RemotePartyRole.NETWORK_OPERATOR, 70L)
                    .containsEntry(RemotePartyRole.RECOVERY, 1L);
        }

        @Test
        void devicesInTheSameStateShareOneCredentialsInstance() {
            Device a = device(DeviceType.ESME);
            Device b = Device.of(SETTINGS, OTHER_METER, DeviceType.ESME, false);
            assertThat(a.credentials()).isSameAs(b.credentials());

            UpdateSecurityCredentials command =
                    replacing(command(ANY_BY_CONTINGENCY), ROOT).build();
            assertAccepted(a, command.sign(authoriser(ANY_BY_CONTINGENCY), METER));
            assertThat(a.credentials()).isNotSameAs(b.credentials());
            assertAccepted(b, command.sign(authoriser(ANY_BY_CONTINGENCY), OTHER_METER));
            assertThat(a.credentials()).isSameAs(b.credentials());
        }

        @Test
        void concurrentCopiesOfOneCommandAreExecutedExactlyOnce() throws Exception {
            Device esme = device(DeviceType.ESME);
            SignedCommand command = signed(ANY_BY_CONTINGENCY, ROOT);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<CommandOutcome>> tasks = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    tasks.add(() -> esme.apply(command));
                }
                List<CommandOutcome> outcomes = new ArrayList<>();
                for (Future<CommandOutcome> f : pool.invokeAll(tasks)) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).filteredOn(CommandOutcome::isAccepted).hasSize(1);
                assertThat(outcomes)
                        .filteredOn(o -> !o.isAccepted())
                        .allSatisfy(o -> assertThat(o.refusedBy()).contains(AcceptanceRule.AUTHORISING_ANCHOR_HELD));
            } finally {
                pool.shutdown();
            }
            assertThat(cellKey(esme, ROOT))
                    .isEqualTo(
                            RECOVERED.rootOca().parsed().subjectKeyIdentifier().orElseThrow());
        }
    }
}
