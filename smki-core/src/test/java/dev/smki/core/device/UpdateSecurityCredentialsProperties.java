package dev.smki.core.device;

import static dev.smki.core.device.DeviceFixtures.PKI;
import static dev.smki.core.device.DeviceFixtures.RECOVERED;
import static dev.smki.core.device.DeviceFixtures.freshCertificate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.gbcs.CraFlag;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.testing.SmkiGen;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Every field of a CS02b command and response reads back from the bytes it is written as. */
class UpdateSecurityCredentialsProperties implements WithQuickTheories {

    private static final List<SmkiCertificate> CERTIFICATES = Stream.of(
                    PKI.rootOca(),
                    PKI.issuingOca(),
                    RECOVERED.rootOca(),
                    freshCertificate(TrustAnchorCellId.SUPPLIER_DS),
                    freshCertificate(TrustAnchorCellId.ACB_KA))
            .map(IssuedCertificate::parsed)
            .toList();

    private static final List<SymmetricKey> KEYS =
            List.of(PKI.contingency().symmetricKey(), RECOVERED.contingency().symmetricKey());

    private static Gen<Replacement> replacements() {
        return Generate.pick(TrustAnchorCellId.KNOWN).zip(Generate.pick(CERTIFICATES), Replacement::of);
    }

    private static Gen<Long> counters() {
        return Generate.frequency(
                org.quicktheories.api.Pair.of(3, Generate.longRange(0, 300)),
                org.quicktheories.api.Pair.of(1, Generate.longRange(0, Long.MAX_VALUE)));
    }

    private static Gen<List<SpecialistFloor>> specialistFloors() {
        return lists(counters().map(SpecialistFloor::prepaymentTopUp), 2);
    }

    private static Gen<PartyFloorChange> floorChanges() {
        return Generate.enumValues(RemotePartyRole.class).zip(counters(), specialistFloors(), PartyFloorChange::new);
    }

    /** Who the command names as authorising cell: nobody, or any cell. */
    private static Gen<Optional<TrustAnchorCellId>> namedCells() {
        return Generate.pick(TrustAnchorCellId.KNOWN).toOptionals(70);
    }

    static Gen<UpdateSecurityCredentials> commands() {
        Gen<Optional<SymmetricKey>> keys = Generate.pick(KEYS).toOptionals(50);
        Gen<Optional<Long>> floors = counters().toOptionals(50);
        Gen<Optional<CpvTimeChecks>> checks =
                Generate.enumValues(CpvTimeChecks.class).toOptionals(30);
        Gen<Optional<Instant>> times = Generate.longRange(0, 253_402_300_799L)
                .map((Long seconds) -> Instant.ofEpochSecond(seconds))
                .toOptionals(50);
        Gen<List<Replacement>> replacementLists = lists(replacements(), 3);
        Gen<List<SmkiCertificate>> paths = lists(Generate.pick(CERTIFICATES), 3);
        return Generate.enumValues(CredentialsReplacementMode.class)
                .zip(keys, counters(), floors, (mode, key, seq, floor) -> {
                    UpdateSecurityCredentials.Builder b =
                            UpdateSecurityCredentials.builder(mode).sequenceNumber(seq);
                    key.ifPresent(b::symmetricKey);
                    floor.ifPresent(b::newFloor);
                    return b;
                })
                .zip(checks, namedCells(), specialistFloors(), (b, check, cell, specialist) -> {
                    check.ifPresent(b::timeBasedChecks);
                    cell.ifPresentOrElse(b::authorisingCell, b::withoutAuthorisingCell);
                    specialist.forEach(b::specialistFloor);
                    return b;
                })
                .zip(lists(floorChanges(), 2), replacementLists, (b, changes, replacements) -> {
                    changes.forEach(b::otherPartyFloor);
                    replacements.forEach(b::replace);
                    return b;
                })
                .zip(paths, times, (b, path, time) -> {
                    path.forEach(b::pathCertificate);
                    time.ifPresent(b::executionDateTime);
                    return b.build();
                });
    }

    private static <T> Gen<List<T>> lists(Gen<T> elements, int max) {
        return SourceDSL.lists().of(elements).ofSizeBetween(0, max);
    }

    @Test
    void everyFieldOfACommandReadsBackFromItsDer() {
        qt().withExamples(1_000).forAll(commands()).checkAssert(command -> {
            UpdateSecurityCredentials read = UpdateSecurityCredentials.parse(command.toDer());

            assertThat(read).isEqualTo(command);
            assertThat(read.toDer()).isEqualTo(command.toDer());
            assertThat(read.mode()).isEqualTo(command.mode());
            assertThat(read.symmetricKey()).isEqualTo(command.symmetricKey());
            assertThat(read.timeBasedChecks()).isEqualTo(command.timeBasedChecks());
            assertThat(read.authorisingCell()).isEqualTo(command.authorisingCell());
            assertThat(read.sequenceNumber()).isEqualTo(command.sequenceNumber());
            assertThat(read.newFloor()).isEqualTo(command.newFloor());
            assertThat(read.specialistFloors()).isEqualTo(command.specialistFloors());
            assertThat(read.otherPartyChanges()).isEqualTo(command.otherPartyChanges());
            assertThat(read.replacements()).isEqualTo(command.replacements());
            assertThat(read.certificationPath()).containsExactlyElementsOf(command.certificationPath());
            assertThat(read.executionDateTime()).isEqualTo(command.executionDateTime());
        });
    }

    @Test
    void aSignedCommandReadsBackWithItsHeaderAndSignature() {
        Authoriser supplier = DeviceFixtures.authoriser(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER);
        qt().withExamples(300)
                .forAll(commands(), SmkiGen.eui64s(), counters())
                .checkAssert((command, recipient, counter) -> {
                    SignedCommand signed = command.sign(supplier, recipient, counter);

                    SignedCommand read = SignedCommand.parse(signed.toBytes());

                    assertThat(read).isEqualTo(signed);
                    assertThat(read.toBytes()).isEqualTo(signed.toBytes());
                    assertThat(read.header().craFlag()).isEqualTo(CraFlag.COMMAND);
                    assertThat(read.header().dateTime()).isEmpty();
                    assertThat(read.recipient()).isEqualTo(recipient);
                    assertThat(read.originator()).isEqualTo(supplier.originator());
                    assertThat(read.originatorCounter()).isEqualTo(counter);
                    assertThat(read.command()).isEqualTo(command);
                    assertThat(read.messageCode())
                            .isEqualTo(0x0100 + command.mode().value());
                    assertThat(read.signature().orElseThrow())
                            .isEqualTo(signed.signature().orElseThrow());
                    assertThat(read.message().payload()).isEqualTo(command.toDer());
                    assertThat(command.sign(supplier, recipient, counter))
                            .as("deterministic signature")
                            .isEqualTo(signed);
                    assertThat(command.sign(supplier, Eui64.of(recipient.value() ^ 1), counter))
                            .isNotEqualTo(signed);
                });
    }

    private static Gen<ReplacementResult> results() {
        Gen<Optional<Eui64>> uids = SmkiGen.eui64s().toOptionals(70);
        Gen<Optional<KeyIdentifier>> keys = Generate.pick(CERTIFICATES)
                .map(c -> c.subjectKeyIdentifier().orElseThrow())
                .toOptionals(80);
        return Generate.pick(TrustAnchorCellId.KNOWN)
                .zip(Generate.enumValues(StatusCode.class), uids, keys, (cell, status, uid, key) ->
                        new Object[] {cell, status, uid, key})
                .zip(
                        uids,
                        keys,
                        (a, uid, key) -> new ReplacementResult(
                                (TrustAnchorCellId) a[0], (StatusCode) a[1], cast(a[2]), cast(a[3]), uid, key));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    @Test
    void everyFieldOfAResponseReadsBackFromItsBytes() {
        Gen<UpdateSecurityCredentialsResponse.ExecutionOutcome> outcomes = counters()
                .zip(
                        Generate.enumValues(CredentialsReplacementMode.class),
                        lists(floorChanges(), 2),
                        lists(results(), 3),
                        UpdateSecurityCredentialsResponse.ExecutionOutcome::new);
        qt().withExamples(300)
                .forAll(outcomes.toOptionals(90), SmkiGen.eui64s(), counters())
                .checkAssert((outcome, device, counter) -> {
                    CredentialsReplacementMode mode =
                            outcome.map(o -> o.mode()).orElse(CredentialsReplacementMode.ANY_BY_CONTINGENCY);
                    UpdateSecurityCredentialsResponse written =
                            DeviceFixtures.response(device, counter, mode, outcome.orElse(null));

                    UpdateSecurityCredentialsResponse read = UpdateSecurityCredentialsResponse.parse(written.toBytes());

                    assertThat(read).isEqualTo(written);
                    assertThat(read.header()).isEqualTo(written.header());
                    assertThat(read.executionOutcome()).isEqualTo(outcome);
                    assertThat(read.status())
                            .isEqualTo(outcome.map(o -> o.status()).orElse(StatusCode.SUCCESS));
                });
    }
}
