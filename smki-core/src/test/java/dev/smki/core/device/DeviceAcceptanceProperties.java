package dev.smki.core.device;

import static dev.smki.core.device.DeviceFixtures.LINK;
import static dev.smki.core.device.DeviceFixtures.METER;
import static dev.smki.core.device.DeviceFixtures.OTHER_METER;
import static dev.smki.core.device.DeviceFixtures.PKI;
import static dev.smki.core.device.DeviceFixtures.RECOVERED;
import static dev.smki.core.device.DeviceFixtures.SETTINGS;
import static dev.smki.core.device.DeviceFixtures.currentCertificate;
import static dev.smki.core.device.DeviceFixtures.freshCertificate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.gbcs.KrpSignature;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.testing.SmkiGen;
import dev.smki.core.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The acceptance oracle of recovery.md §6.4: for random combinations of mode, signer, device cells, Symmetric
 * Key, sequence number and target, a Device accepts exactly when a simple model of the rules says it should, and
 * refuses with the rule the model names; and no forged, replayed or mis-addressed command is ever accepted.
 *
 * <p>The model below is written from the rules' statements, independently of the implementation: it knows the
 * default trust-anchor table (data) but not the mode enum's own scopes or authorising cells.
 */
class DeviceAcceptanceProperties implements WithQuickTheories {

    /** Who signs: the mode's rightful authoriser, another Party, the contingency key, or a key nobody anchors. */
    enum Signer {
        RIGHTFUL,
        OTHER_PARTY,
        CONTINGENCY_KEY,
        STRANGER
    }

    /** Which plaintext Symmetric Key the command carries. */
    enum KeyChoice {
        ABSENT,
        RELEASED,
        OTHER
    }

    /** What certificate replaces the target cell. */
    enum CertificateChoice {
        FITTING,
        WRONG_USAGE,
        OTHER_ROOT
    }

    /** How the command names its authorising cell: rightly, not at all, or naming another cell. */
    enum Naming {
        RIGHT,
        ABSENT,
        WRONG
    }

    record Authorisation(
            CredentialsReplacementMode mode,
            Signer signer,
            KeyChoice key,
            Naming naming,
            long floor,
            long sequenceNumber) {}

    record Target(
            DeviceType type, TrustAnchorCellId cell, CertificateChoice certificate, boolean link, boolean addressed) {}

    // ---- the model, written from the rule statements ----

    private static TrustAnchorCellId modelAuthorisingCell(CredentialsReplacementMode mode) {
        return switch (mode) {
            case ROOT_BY_SUPPLIER, SUPPLIER_BY_SUPPLIER -> TrustAnchorCellId.SUPPLIER_DS;
            case ROOT_BY_WAN_PROVIDER, WAN_PROVIDER_BY_WAN_PROVIDER -> TrustAnchorCellId.WAN_PROVIDER_DS;
            case NETWORK_OPERATOR_BY_NETWORK_OPERATOR -> TrustAnchorCellId.NETWORK_OPERATOR_DS;
            case ACCESS_CONTROL_BROKER_BY_ACB -> TrustAnchorCellId.ACB_KA;
            case TRANSITIONAL_COS_BY_TRANSITIONAL_COS, SUPPLIER_BY_TRANSITIONAL_COS ->
                TrustAnchorCellId.TRANSITIONAL_COS_DS;
            case ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY -> TrustAnchorCellId.RECOVERY;
            case ANY_BY_CONTINGENCY -> TrustAnchorCellId.ROOT;
        };
    }

    private static RemotePartyRole modelAuthorisingRole(CredentialsReplacementMode mode) {
        return modelAuthorisingCell(mode).role();
    }

    private static boolean modelMayReplace(CredentialsReplacementMode mode, TrustAnchorCellId cell) {
        return switch (mode) {
            case ROOT_BY_SUPPLIER, ROOT_BY_WAN_PROVIDER -> cell.equals(TrustAnchorCellId.ROOT);
            case SUPPLIER_BY_SUPPLIER, SUPPLIER_BY_TRANSITIONAL_COS -> cell.role() == RemotePartyRole.SUPPLIER;
            case NETWORK_OPERATOR_BY_NETWORK_OPERATOR -> cell.role() == RemotePartyRole.NETWORK_OPERATOR;
            case ACCESS_CONTROL_BROKER_BY_ACB -> cell.role() == RemotePartyRole.ACCESS_CONTROL_BROKER;
            case WAN_PROVIDER_BY_WAN_PROVIDER -> cell.role() == RemotePartyRole.WAN_PROVIDER;
            case TRANSITIONAL_COS_BY_TRANSITIONAL_COS -> cell.role() == RemotePartyRole.TRANSITIONAL_COS;
            case ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY, ANY_BY_CONTINGENCY -> true;
        };
    }

    /** Returns the rule the model expects to refuse the command, or empty when it expects acceptance. */
    private static Optional<AcceptanceRule> modelRefusal(Authorisation a, Target t) {
        boolean contingency = a.mode() == CredentialsReplacementMode.ANY_BY_CONTINGENCY;
        Set<TrustAnchorCellId> cells = TrustAnchorTable.DEFAULT.cells(t.type());
        if (!t.addressed()) {
            return Optional.of(AcceptanceRule.ADDRESSED_TO_DEVICE);
        }
        if ((a.key() != KeyChoice.ABSENT) != contingency) {
            return Optional.of(AcceptanceRule.SYMMETRIC_KEY_ONLY_FOR_CONTINGENCY);
        }
        boolean namingOptional =
                a.mode() == CredentialsReplacementMode.ACCESS_CONTROL_BROKER_BY_ACB && t.type() != DeviceType.CHF;
        if (a.naming() == Naming.WRONG || (a.naming() == Naming.ABSENT && !namingOptional)) {
            return Optional.of(AcceptanceRule.AUTHORISING_CELL_NAMED);
        }
        if (!cells.contains(modelAuthorisingCell(a.mode())) || (contingency && a.key() != KeyChoice.RELEASED)) {
            return Optional.of(AcceptanceRule.AUTHORISING_ANCHOR_HELD);
        }
        if (!contingency && !modelOriginator(a).equals(PKI.parties().of(modelAuthorisingRole(a.mode())))) {
            return Optional.of(AcceptanceRule.ORIGINATOR_IS_AUTHORISER);
        }
        boolean rightSigner = contingency
                ? a.signer() == Signer.CONTINGENCY_KEY || a.signer() == Signer.RIGHTFUL
                : a.signer() == Signer.RIGHTFUL;
        if (!rightSigner) {
            return Optional.of(AcceptanceRule.SIGNATURE_VERIFIES);
        }
        if (a.sequenceNumber() <= a.floor()) {
            return Optional.of(AcceptanceRule.SEQUENCE_NUMBER_ABOVE_FLOOR);
        }
        if (!modelMayReplace(a.mode(), t.cell())) {
            return Optional.of(AcceptanceRule.MODE_MAY_REPLACE_CELL);
        }
        if (!cells.contains(t.cell())) {
            return Optional.of(AcceptanceRule.TARGET_CELL_EXISTS);
        }
        if (t.certificate() == CertificateChoice.WRONG_USAGE) {
            return Optional.of(AcceptanceRule.KEY_USAGE_FITS_CELL);
        }
        if (t.certificate() == CertificateChoice.OTHER_ROOT) {
            return Optional.of(AcceptanceRule.CERTIFICATION_PATH_VALID);
        }
        if (a.mode() == CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY
                && t.cell().isRoot()
                && !t.link()) {
            return Optional.of(AcceptanceRule.NO_ABNORMAL_ROOT_BY_RECOVERY);
        }
        return Optional.empty();
    }

    /** Returns the EUI-64 the signer writes as Business Originator ID. */
    private static Eui64 modelOriginator(Authorisation a) {
        return switch (a.signer()) {
            case RIGHTFUL -> PKI.parties().of(modelAuthorisingRole(a.mode()));
            case OTHER_PARTY ->
                PKI.parties()
                        .of(
                                a.mode() == CredentialsReplacementMode.NETWORK_OPERATOR_BY_NETWORK_OPERATOR
                                        ? RemotePartyRole.SUPPLIER
                                        : RemotePartyRole.NETWORK_OPERATOR);
            case CONTINGENCY_KEY -> PKI.parties().of(RemotePartyRole.ROOT);
            case STRANGER -> PKI.parties().of(RemotePartyRole.SUPPLIER);
        };
    }

    // ---- turning the choices into a Device and a signed command ----

    private static Authoriser signer(Authorisation a) {
        return switch (a.signer()) {
            case RIGHTFUL -> DeviceFixtures.authoriser(a.mode());
            case OTHER_PARTY ->
                DeviceFixtures.authoriser(currentCertificate(
                        a.mode() == CredentialsReplacementMode.NETWORK_OPERATOR_BY_NETWORK_OPERATOR
                                ? TrustAnchorCellId.SUPPLIER_DS
                                : TrustAnchorCellId.NETWORK_OPERATOR_DS));
            case CONTINGENCY_KEY -> PKI.contingencyAuthoriser();
            case STRANGER -> Authoriser.of(PKI.parties().of(RemotePartyRole.SUPPLIER), SigningKey.of(TestKeys.key(50)));
        };
    }

    private static IssuedCertificate certificate(Target t) {
        TrustAnchorCellId cell = t.cell();
        return switch (t.certificate()) {
            case FITTING -> freshCertificate(cell);
            case WRONG_USAGE ->
                cell.keyUsage() == AnchorKeyUsage.KEY_AGREEMENT
                        ? currentCertificate(TrustAnchorCellId.SUPPLIER_DS)
                        : currentCertificate(TrustAnchorCellId.SUPPLIER_KA);
            case OTHER_ROOT ->
                cell.isRoot()
                        ? PKI.rootDca()
                        : RECOVERED.organisationCertificate(
                                RemotePartyRole.SUPPLIER,
                                cell.keyUsage().toKeyUsage().orElseThrow());
        };
    }

    private static SignedCommand signedCommand(Authorisation a, Target t) {
        UpdateSecurityCredentials.Builder builder =
                UpdateSecurityCredentials.builder(a.mode()).sequenceNumber(a.sequenceNumber());
        switch (a.key()) {
            case RELEASED -> builder.symmetricKey(PKI.contingency().symmetricKey());
            case OTHER -> builder.symmetricKey(RECOVERED.contingency().symmetricKey());
            case ABSENT -> {}
        }
        TrustAnchorCellId authorising = modelAuthorisingCell(a.mode());
        switch (a.naming()) {
            case RIGHT -> builder.authorisingCell(authorising);
            case ABSENT -> builder.withoutAuthorisingCell();
            case WRONG ->
                builder.authorisingCell(
                        authorising.equals(TrustAnchorCellId.SUPPLIER_KA)
                                ? TrustAnchorCellId.SUPPLIER_DS
                                : TrustAnchorCellId.SUPPLIER_KA);
        }
        builder.replace(t.cell(), certificate(t).parsed());
        if (!t.cell().isRoot()) {
            builder.pathCertificate(
                    (t.certificate() == CertificateChoice.OTHER_ROOT ? RECOVERED.issuingOca() : PKI.issuingOca())
                            .parsed());
        }
        if (t.link()) {
            builder.pathCertificate(LINK.parsed());
        }
        return builder.build().sign(signer(a), t.addressed() ? METER : OTHER_METER);
    }

    private static Device device(Authorisation a, Target t) {
        return Device.of(
                SETTINGS,
                METER,
                t.type(),
                true,
                SETTINGS.initialCredentials(t.type()).withFloor(modelAuthorisingRole(a.mode()), a.floor()));
    }

    // ---- generators, biased so that a good share of the commands should be accepted ----

    private static Gen<Authorisation> authorisations() {
        Gen<CredentialsReplacementMode> modes = Generate.enumValues(CredentialsReplacementMode.class);
        Gen<Signer> signers = Generate.frequency(
                org.quicktheories.api.Pair.of(6, Generate.constant(Signer.RIGHTFUL)),
                org.quicktheories.api.Pair.of(1, Generate.enumValues(Signer.class)));
        Gen<Optional<KeyChoice>> keys = Generate.frequency(
                org.quicktheories.api.Pair.of(5, Generate.constant(Optional.<KeyChoice>empty())),
                org.quicktheories.api.Pair.of(
                        1, Generate.enumValues(KeyChoice.class).map(Optional::of)));
        Gen<Naming> namings = Generate.frequency(
                org.quicktheories.api.Pair.of(8, Generate.constant(Naming.RIGHT)),
                org.quicktheories.api.Pair.of(1, Generate.enumValues(Naming.class)));
        return modes.zip(
                        signers,
                        keys,
                        namings,
                        (mode, signer, key, naming) -> new Authorisation(
                                mode,
                                signer,
                                key.orElse(mode.isContingency() ? KeyChoice.RELEASED : KeyChoice.ABSENT),
                                naming,
                                0,
                                1))
                .zip(
                        Generate.range(0, 2),
                        Generate.range(0, 4),
                        (a, floor, seq) -> new Authorisation(a.mode(), a.signer(), a.key(), a.naming(), floor, seq));
    }

    /**
     * Returns targets for commands authorised by {@code a}: mostly a cell the model says the mode may replace on
     * the device type (when there is one), otherwise any known cell.
     */
    private static Gen<Target> targets(Authorisation a) {
        Gen<CertificateChoice> certificates = Generate.frequency(
                org.quicktheories.api.Pair.of(6, Generate.constant(CertificateChoice.FITTING)),
                org.quicktheories.api.Pair.of(1, Generate.enumValues(CertificateChoice.class)));
        Gen<Boolean> addressed = Generate.frequency(
                org.quicktheories.api.Pair.of(9, Generate.constant(true)),
                org.quicktheories.api.Pair.of(1, Generate.constant(false)));
        Gen<Boolean> inScope = Generate.frequency(
                org.quicktheories.api.Pair.of(4, Generate.constant(true)),
                org.quicktheories.api.Pair.of(1, Generate.constant(false)));
        Gen<Integer> cellIndex = Generate.range(0, 1_000);
        return SmkiGen.deviceTypes()
                .zip(cellIndex, inScope, (type, index, scoped) -> {
                    List<TrustAnchorCellId> candidates = TrustAnchorTable.DEFAULT.cells(type).stream()
                            .filter(cell -> modelMayReplace(a.mode(), cell))
                            .toList();
                    List<TrustAnchorCellId> from =
                            scoped && !candidates.isEmpty() ? candidates : TrustAnchorCellId.KNOWN;
                    return new Target(type, from.get(index % from.size()), CertificateChoice.FITTING, false, true);
                })
                .zip(
                        certificates,
                        Generate.booleans(),
                        addressed,
                        (t, certificate, link, to) -> new Target(t.type(), t.cell(), certificate, link, to));
    }

    private static Gen<Case> cases() {
        return authorisations().flatMap(a -> targets(a).map(t -> new Case(a, t)));
    }

    record Case(Authorisation a, Target t) {}

    @Test
    void aDeviceAcceptsExactlyTheCommandsTheRulesAllowAndRefusedOnesChangeNothing() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        qt().withExamples(3_000).forAll(cases()).checkAssert(c -> {
            Authorisation a = c.a();
            Target t = c.t();
            Device device = device(a, t);
            DeviceCredentials before = device.credentials();
            Optional<AcceptanceRule> expected = modelRefusal(a, t);

            CommandOutcome outcome = device.apply(signedCommand(a, t));

            assertThat(outcome.refusedBy()).as("%s %s -> %s", a, t, outcome).isEqualTo(expected);
            if (expected.isPresent()) {
                refused.incrementAndGet();
                assertThat(outcome.status()).isEqualTo(expected.get().refusal());
                assertThat(device.credentials()).isSameAs(before);
            } else {
                accepted.incrementAndGet();
                assertThat(device.credentials().cell(t.cell()).orElseThrow().subjectKeyId())
                        .isEqualTo(
                                certificate(t).parsed().subjectKeyIdentifier().orElseThrow());
                assertThat(device.credentials().floor(modelAuthorisingRole(a.mode())))
                        .isEqualTo(a.sequenceNumber());
            }
        });
        assertThat(accepted.get()).as("accepted examples").isGreaterThan(300);
        assertThat(refused.get()).as("refused examples").isGreaterThan(300);
    }

    // ---- attacks ----

    /** How a legitimate command is turned into an attack. */
    enum Attack {
        FOREIGN_KEY,
        FLIPPED_SIGNATURE_BIT,
        FLIPPED_SIGNED_BIT,
        REPLAY,
        OTHER_RECIPIENT
    }

    /** A command the model accepts: mode, device type and target cell, signed rightfully with a fitting certificate. */
    record Scenario(CredentialsReplacementMode mode, DeviceType type, TrustAnchorCellId cell) {}

    private static final List<Scenario> ACCEPTABLE = acceptableScenarios();

    private static List<Scenario> acceptableScenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        for (CredentialsReplacementMode mode : CredentialsReplacementMode.values()) {
            for (DeviceType type : DeviceType.values()) {
                for (TrustAnchorCellId cell : TrustAnchorCellId.KNOWN) {
                    Authorisation a = rightful(mode);
                    Target t = new Target(type, cell, CertificateChoice.FITTING, true, true);
                    if (modelRefusal(a, t).isEmpty()) {
                        scenarios.add(new Scenario(mode, type, cell));
                    }
                }
            }
        }
        return List.copyOf(scenarios);
    }

    private static final Map<Scenario, SignedCommand> LEGITIMATE = new ConcurrentHashMap<>();

    private static final List<SigningKey> STRANGERS = IntStream.range(40, 56)
            .mapToObj(i -> SigningKey.of(TestKeys.key(i)))
            .toList();

    private static Authorisation rightful(CredentialsReplacementMode mode) {
        return new Authorisation(
                mode,
                Signer.RIGHTFUL,
                mode.isContingency() ? KeyChoice.RELEASED : KeyChoice.ABSENT,
                Naming.RIGHT,
                0,
                1);
    }

    private static Target fitting(Scenario scenario) {
        return new Target(scenario.type(), scenario.cell(), CertificateChoice.FITTING, true, true);
    }

    /** Returns the command the model accepts in {@code scenario}, signed once and kept. */
    private static SignedCommand legitimate(Scenario scenario) {
        return LEGITIMATE.computeIfAbsent(scenario, s -> signedCommand(rightful(s.mode()), fitting(s)));
    }

    @Test
    void noForgedReplayedOrMisaddressedCommandIsEverAccepted() {
        assertThat(ACCEPTABLE).extracting(Scenario::mode).containsAll(List.of(CredentialsReplacementMode.values()));
        AtomicInteger attacks = new AtomicInteger();
        qt().withExamples(10_100)
                .forAll(
                        Generate.pick(ACCEPTABLE),
                        Generate.enumValues(Attack.class),
                        integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert((scenario, attack, position) -> {
                    Device device = device(rightful(scenario.mode()), fitting(scenario));
                    SignedCommand legitimate = legitimate(scenario);
                    CommandOutcome outcome = switch (attack) {
                        case FOREIGN_KEY ->
                            device.apply(legitimate.command().sign(foreignSigner(legitimate, position), METER));
                        case FLIPPED_SIGNATURE_BIT ->
                            device.apply(flipBit(
                                    legitimate.toBytes(), legitimate.toBytes().length - KrpSignature.LENGTH, position));
                        case FLIPPED_SIGNED_BIT -> device.apply(flipBit(legitimate.toBytes(), 0, position));
                        case REPLAY -> {
                            assertThat(device.apply(legitimate).isAccepted())
                                    .as("first delivery")
                                    .isTrue();
                            yield device.apply(legitimate.toBytes());
                        }
                        case OTHER_RECIPIENT ->
                            Device.of(SETTINGS, OTHER_METER, scenario.type(), true)
                                    .apply(legitimate);
                    };
                    attacks.incrementAndGet();
                    assertThat(outcome.isAccepted())
                            .as("%s on %s: %s", attack, scenario, outcome)
                            .isFalse();
                });
        assertThat(attacks.get()).isGreaterThanOrEqualTo(10_000);
    }

    /** Returns a signer whose key the Device does not anchor for the mode: a stranger, or another anchored Party. */
    private static Authoriser foreignSigner(SignedCommand legitimate, int choice) {
        if (choice % (STRANGERS.size() + 1) == STRANGERS.size()) {
            return signer(new Authorisation(
                    legitimate.command().mode(), Signer.OTHER_PARTY, KeyChoice.ABSENT, Naming.RIGHT, 0, 1));
        }
        return Authoriser.of(legitimate.originator(), STRANGERS.get(choice % (STRANGERS.size() + 1)));
    }

    /**
     * Returns {@code message} with one bit flipped in the signed part (the Grouping Header after its tag, and the
     * payload) or, when {@code from} points at the signature, inside the signature octets.
     */
    private static byte[] flipBit(byte[] message, int from, int position) {
        int signedEnd = from > 0 ? message.length : message.length - 1 - KrpSignature.LENGTH;
        int start = from > 0 ? from : 1;
        int span = signedEnd - start;
        int index = start + position % span;
        byte[] flipped = message.clone();
        flipped[index] ^= (byte) (1 << (position / span % 8));
        return flipped;
    }
}
