package dev.smki.core.device;

import static dev.smki.core.device.DeviceFixtures.PKI;
import static dev.smki.core.device.DeviceFixtures.RECOVERED;
import static dev.smki.core.device.DeviceFixtures.freshCertificate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.SymmetricKey;
import dev.smki.core.testing.SmkiGen;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class UpdateSecurityCredentialsProperties implements WithQuickTheories {

    private static final List<IssuedCertificate> CERTIFICATES = List.of(
            PKI.rootOca(),
            PKI.issuingOca(),
            RECOVERED.rootOca(),
            freshCertificate(TrustAnchorCellId.SUPPLIER_DS),
            freshCertificate(TrustAnchorCellId.ACB_KA));

    private static final List<SymmetricKey> KEYS =
            List.of(PKI.contingency().symmetricKey(), RECOVERED.contingency().symmetricKey());

    private static Gen<Replacement> replacements() {
        return Generate.pick(TrustAnchorCellId.KNOWN).zip(Generate.pick(CERTIFICATES), Replacement::of);
    }

    private static Gen<UpdateSecurityCredentials> commands() {
        Gen<Optional<SymmetricKey>> keys = Generate.pick(KEYS).toOptionals(50);
        Gen<Optional<Long>> floors = Generate.longRange(0, Long.MAX_VALUE).toOptionals(50);
        Gen<Optional<Instant>> times = Generate.longRange(0, 253_402_300_799L)
                .map((Long seconds) -> Instant.ofEpochSecond(seconds))
                .toOptionals(50);
        Gen<List<Replacement>> replacementLists = lists(replacements(), 3);
        Gen<List<IssuedCertificate>> paths = lists(Generate.pick(CERTIFICATES), 3);
        Gen<Long> sequenceNumbers = Generate.longRange(0, Long.MAX_VALUE);
        return Generate.enumValues(CredentialsReplacementMode.class)
                .zip(keys, sequenceNumbers, floors, (mode, key, seq, floor) -> {
                    UpdateSecurityCredentials.Builder b =
                            UpdateSecurityCredentials.builder(mode).sequenceNumber(seq);
                    key.ifPresent(b::symmetricKey);
                    floor.ifPresent(b::newFloor);
                    return b;
                })
                .zip(replacementLists, paths, times, (b, replacements, path, time) -> {
                    replacements.forEach(b::replace);
                    path.forEach(b::pathCertificate);
                    time.ifPresent(b::executionDateTime);
                    return b.build();
                });
    }

    private static <T> Gen<List<T>> lists(Gen<T> elements, int max) {
        return SourceDSL.lists().of(elements).ofSizeBetween(0, max);
    }

    @Test
    void aCommandReadsBackFromItsDerEncoding() {
        qt().withExamples(1_000).forAll(commands()).checkAssert(command -> {
            UpdateSecurityCredentials read = UpdateSecurityCredentials.parse(command.toDer());

            assertThat(read).isEqualTo(command);
            assertThat(read.mode()).isEqualTo(command.mode());
            assertThat(read.symmetricKey()).isEqualTo(command.symmetricKey());
            assertThat(read.sequenceNumber()).isEqualTo(command.sequenceNumber());
            assertThat(read.newFloor()).isEqualTo(command.newFloor());
            assertThat(read.replacements()).isEqualTo(command.replacements());
            assertThat(read.certificationPath()).containsExactlyElementsOf(command.certificationPath());
            assertThat(read.executionDateTime()).isEqualTo(command.executionDateTime());
        });
    }

    @Test
    void aSignedCommandReadsBackWithItsHeaderAndSignature() {
        Authoriser supplier = DeviceFixtures.authoriser(CredentialsReplacementMode.SUPPLIER_BY_SUPPLIER);
        qt().withExamples(300).forAll(commands(), SmkiGen.eui64s()).checkAssert((command, recipient) -> {
            SignedCommand signed = command.sign(supplier, recipient);

            SignedCommand read = SignedCommand.parse(signed.toDer());

            assertThat(read).isEqualTo(signed);
            assertThat(read.toDer()).isEqualTo(signed.toDer());
            assertThat(read.recipient()).isEqualTo(recipient);
            assertThat(read.originator()).isEqualTo(supplier.originator());
            assertThat(read.command()).isEqualTo(command);
            assertThat(read.messageCode()).isEqualTo(0x0100 + command.mode().value());
            assertThat(read.signature()).isEqualTo(signed.signature());
            assertThat(command.sign(supplier, recipient))
                    .as("deterministic signature")
                    .isEqualTo(signed);
            assertThat(command.sign(supplier, Eui64.of(recipient.value() ^ 1))).isNotEqualTo(signed);
        });
    }
}
