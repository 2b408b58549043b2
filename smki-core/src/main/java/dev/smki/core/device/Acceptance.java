package dev.smki.core.device;

import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decides what one Device does with one Update Security Credentials command: the table of {@link AcceptanceRule}s
 * and their checks, evaluated in order; the first rule a command breaks refuses it, and when all hold the command's
 * effect gives the Device's next credentials. A pure function of the settings, the Device's identity, type and
 * current credentials, and the command (and the settings' clock); it changes nothing.
 */
final class Acceptance {

    /** What to answer, and the credentials the Device holds afterwards (its current ones when refused). */
    record Decision(CommandOutcome outcome, DeviceCredentials next) {}

    /**
     * One acceptance criterion, a row of the table: a DEV rule and its check, which returns why a command breaks the
     * rule, or null when the rule holds.
     */
    record Criterion(AcceptanceRule rule, Function<Evaluation, @Nullable String> broken) {}

    /** The table: every rule with its check, in the order a Device applies them ({@link AcceptanceRule#ALL}). */
    static final List<Criterion> TABLE = List.of(
            new Criterion(AcceptanceRule.WELL_FORMED, Acceptance::wellFormed),
            new Criterion(AcceptanceRule.ADDRESSED_TO_DEVICE, Acceptance::addressedToDevice),
            new Criterion(AcceptanceRule.WITHIN_CAPACITY, Acceptance::withinCapacity),
            new Criterion(
                    AcceptanceRule.SYMMETRIC_KEY_ONLY_FOR_CONTINGENCY, Acceptance::symmetricKeyOnlyForContingency),
            new Criterion(AcceptanceRule.AUTHORISING_CELL_NAMED, Acceptance::authorisingCellNamed),
            new Criterion(AcceptanceRule.AUTHORISING_ANCHOR_HELD, Acceptance::authorisingAnchorHeld),
            new Criterion(AcceptanceRule.ORIGINATOR_IS_AUTHORISER, Acceptance::originatorIsAuthoriser),
            new Criterion(AcceptanceRule.SIGNATURE_VERIFIES, Acceptance::signatureVerifies),
            new Criterion(AcceptanceRule.COUNTER_IS_SEQUENCE_NUMBER, Acceptance::counterIsSequenceNumber),
            new Criterion(AcceptanceRule.SEQUENCE_NUMBER_ABOVE_FLOOR, Acceptance::sequenceNumberAboveFloor),
            new Criterion(AcceptanceRule.MODE_MAY_REPLACE_CELL, Acceptance::modeMayReplaceCell),
            new Criterion(AcceptanceRule.ONE_REMOTE_PARTY, Acceptance::oneRemoteParty),
            new Criterion(AcceptanceRule.TARGET_CELL_EXISTS, Acceptance::targetCellExists),
            new Criterion(AcceptanceRule.KEY_USAGE_FITS_CELL, Acceptance::keyUsageFitsCell),
            new Criterion(AcceptanceRule.CERTIFICATION_PATH_VALID, Acceptance::certificationPathValid),
            new Criterion(AcceptanceRule.NO_ABNORMAL_ROOT_BY_RECOVERY, Acceptance::noAbnormalRootByRecovery),
            new Criterion(AcceptanceRule.FRESH_CONTINGENCY_KEY, Acceptance::freshContingencyKey));

    /** The command and the Device, and what the checks learn for the checks after them. */
    static final class Evaluation {
        final DeviceSettings settings;
        final Eui64 self;
        final DeviceType type;
        final DeviceCredentials current;
        final SignedCommand signed;
        final UpdateSecurityCredentials command;
        final CredentialsReplacementMode mode;
        final List<Replacement> replacements;
        final Optional<TrustAnchorCell> root;
        VerificationKey authorisingKey;
        TrustAnchorCell authorisingCell;
        String anchorName;
        Instant now;
        final List<CertificationPaths.PathVerdict> verdicts = new ArrayList<>();

        Evaluation(
                DeviceSettings settings, Eui64 self, DeviceType type, DeviceCredentials current, SignedCommand signed) {
            this.settings = settings;
            this.self = self;
            this.type = type;
            this.current = current;
            this.signed = signed;
            this.command = signed.command();
            this.mode = command.mode();
            this.replacements = command.replacements();
            this.root = current.cell(TrustAnchorCellId.ROOT);
        }
    }

    private Acceptance() {}

    static Decision evaluate(
            DeviceSettings settings, Eui64 self, DeviceType type, DeviceCredentials current, SignedCommand signed) {
        Evaluation e = new Evaluation(settings, self, type, current, signed);
        for (Criterion criterion : TABLE) {
            String broken = criterion.broken().apply(e);
            if (broken != null) {
                return new Decision(CommandOutcome.refused(criterion.rule(), broken), current);
            }
        }
        return execute(e);
    }

    // ---- the checks, in table order ----

    private static @Nullable String wellFormed(Evaluation e) {
        if (e.signed.message().macLayer().isPresent()) {
            return "it comes in a MAC Header, whose ACB-SMD MAC the simulation cannot check (the ACB-Device key"
                    + " agreement is not modelled)";
        }
        if (e.replacements.isEmpty()) {
            return "the command replaces no cell";
        }
        Set<TrustAnchorCellId> targets = new HashSet<>();
        for (Replacement replacement : e.replacements) {
            if (!targets.add(replacement.target())) {
                return "cell " + replacement.target() + " is targeted twice";
            }
        }
        return null;
    }

    private static @Nullable String addressedToDevice(Evaluation e) {
        return e.signed.recipient().equals(e.self)
                ? null
                : "addressed to " + e.signed.recipient() + ", not to this Device " + e.self;
    }

    private static @Nullable String withinCapacity(Evaluation e) {
        int pathSize = e.command.certificationPathBytes().size();
        return pathSize <= e.settings.maxPathCertificates()
                ? null
                : pathSize + " certification-path certificates; the Device holds at most "
                        + e.settings.maxPathCertificates();
    }

    private static @Nullable String symmetricKeyOnlyForContingency(Evaluation e) {
        boolean present = e.command.symmetricKey().isPresent();
        return present == e.mode.isContingency()
                ? null
                : e.mode.gbcsName() + (present ? " with" : " without") + " a plaintext Symmetric Key";
    }

    private static @Nullable String authorisingCellNamed(Evaluation e) {
        Optional<TrustAnchorCellId> named = e.command.authorisingCell();
        if (named.isEmpty()) {
            return e.mode.namesAuthorisingCell(e.type)
                    ? e.mode.gbcsName() + " on a " + e.type + " names its authorising cell, and the command does not"
                    : null;
        }
        TrustAnchorCellId expected = e.mode.authorisingTrustAnchorCell();
        return named.get().equals(expected)
                ? null
                : "the command names " + named.get() + " as authorising cell; " + e.mode.gbcsName()
                        + " is authorised by " + expected;
    }

    private static @Nullable String authorisingAnchorHeld(Evaluation e) {
        if (e.mode.isContingency()) {
            if (e.root.isEmpty() || e.root.get().wrappedContingencyKey().isEmpty()) {
                return "the Device holds no wrapped contingency key";
            }
            SymmetricKey symmetricKey = e.command.symmetricKey().orElseThrow();
            Optional<VerificationKey> unwrapped = e.root.get().contingencyKey(symmetricKey);
            if (unwrapped.isEmpty()) {
                return "the supplied Symmetric Key does not unwrap the contingency key of the current Root";
            }
            e.authorisingKey = unwrapped.get();
            e.anchorName = "the contingency key";
            return null;
        }
        TrustAnchorCellId cellId = e.mode.authorisingCell().orElseThrow();
        Optional<TrustAnchorCell> cell = e.current.cell(cellId);
        if (cell.isEmpty()) {
            return e.mode.gbcsName() + " needs the " + cellId + " cell, not held";
        }
        e.authorisingCell = cell.get();
        e.authorisingKey = cell.get().key();
        e.anchorName = "the " + cellId + " cell's key";
        return null;
    }

    private static @Nullable String originatorIsAuthoriser(Evaluation e) {
        if (e.authorisingCell == null || e.authorisingCell.subjectUniqueId().isEmpty()) {
            return null;
        }
        Eui64 expected = e.authorisingCell.subjectUniqueId().get();
        return e.signed.originator().equals(expected)
                ? null
                : "Business Originator ID " + e.signed.originator() + " is not " + expected + ", the party in the "
                        + e.authorisingCell.id() + " cell";
    }

    private static @Nullable String signatureVerifies(Evaluation e) {
        if (e.signed.message().signature().isEmpty()) {
            return "the command carries no KRP Signature";
        }
        return e.authorisingKey.verifies(e.signed.message())
                ? null
                : "the KRP Signature does not verify with " + e.anchorName;
    }

    private static @Nullable String counterIsSequenceNumber(Evaluation e) {
        return e.signed.originatorCounter() == e.command.sequenceNumber()
                ? null
                : "Originator Counter " + e.signed.originatorCounter() + " is not the sequence number "
                        + e.command.sequenceNumber();
    }

    private static @Nullable String sequenceNumberAboveFloor(Evaluation e) {
        RemotePartyRole role = e.mode.authorisingRole();
        long floor = e.current.floor(role);
        return e.command.sequenceNumber() > floor
                ? null
                : "sequence number " + e.command.sequenceNumber() + " is not above the " + role.slug() + " floor "
                        + floor;
    }

    private static @Nullable String modeMayReplaceCell(Evaluation e) {
        for (Replacement replacement : e.replacements) {
            if (!e.mode.mayReplace(replacement.target())) {
                return e.mode.gbcsName() + " may not replace the " + replacement.target() + " cell";
            }
        }
        return null;
    }

    private static @Nullable String oneRemoteParty(Evaluation e) {
        RemotePartyRole replaced = e.replacements.get(0).target().role();
        for (Replacement replacement : e.replacements) {
            if (replacement.target().role() != replaced) {
                return "cells of " + replaced.slug() + " and "
                        + replacement.target().role().slug() + " in one command";
            }
        }
        return null;
    }

    private static @Nullable String targetCellExists(Evaluation e) {
        for (Replacement replacement : e.replacements) {
            if (!e.current.has(replacement.target())) {
                return "this Device has no " + replacement.target() + " cell";
            }
        }
        return null;
    }

    /** Also validates the certificates and their paths, keeping the verdicts for the checks after it. */
    private static @Nullable String keyUsageFitsCell(Evaluation e) {
        e.now = e.settings.clock().instant();
        for (Replacement replacement : e.replacements) {
            TrustAnchorCellId target = replacement.target();
            if (e.root.isEmpty()) {
                e.verdicts.add(null);
                continue;
            }
            CertificationPaths.PathVerdict verdict = e.settings
                    .paths()
                    .check(
                            replacement.certificateBytes(),
                            e.command.certificationPathBytes(),
                            e.root.get(),
                            target.isRoot(),
                            e.now);
            e.verdicts.add(verdict);
            if (verdict.isCertificate() && verdict.keyUsage() != target.keyUsage()) {
                return "the certificate for " + target + " has key usage "
                        + (verdict.keyUsage() == null
                                ? "other than one of ds, ka, cert-sign"
                                : verdict.keyUsage().abbreviation());
            }
        }
        return null;
    }

    private static @Nullable String certificationPathValid(Evaluation e) {
        for (int i = 0; i < e.replacements.size(); i++) {
            TrustAnchorCellId target = e.replacements.get(i).target();
            CertificationPaths.PathVerdict verdict = e.verdicts.get(i);
            if (verdict == null) {
                return "the Device holds no Root to validate " + target;
            }
            if (verdict.problem() != null) { // bytes that are not a certificate have one too
                return "the certificate for " + target + ": " + verdict.problem();
            }
            if (e.command.checksValidityPeriods() && !verdict.isValidAt(e.now.getEpochSecond())) {
                return "the certificate for " + target + " or its path is not within its validity period at " + e.now;
            }
        }
        return null;
    }

    private static @Nullable String noAbnormalRootByRecovery(Evaluation e) {
        for (int i = 0; i < e.replacements.size(); i++) {
            CertificationPaths.PathVerdict verdict = e.verdicts.get(i);
            if (e.replacements.get(i).target().isRoot()
                    && e.mode == CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY
                    && !verdict.certifiedByRoot()) {
                return "the current Root does not certify the new Root " + verdict.describe();
            }
        }
        return null;
    }

    private static @Nullable String freshContingencyKey(Evaluation e) {
        for (int i = 0; i < e.replacements.size(); i++) {
            if (e.replacements.get(i).target().isRoot()
                    && e.mode.isContingency()
                    && e.verdicts
                            .get(i)
                            .cell(TrustAnchorCellId.ROOT, e.settings.contingencyKeyExtension())
                            .wrappedContingencyKey()
                            .equals(e.root.get().wrappedContingencyKey())) {
                return "the new Root carries the same wrapped contingency key as the current one";
            }
        }
        return null;
    }

    // ---- the effect ----

    /**
     * Replaces the targeted cells and sets the floors: the replaced party's new floor, the other parties' new
     * floors, then the authorising party's floor raised to the command's sequence number. Specialist floors are
     * carried but not held by simulated Devices.
     */
    private static Decision execute(Evaluation e) {
        DeviceCredentials next = e.current;
        List<ReplacementOutcome> outcomes = new ArrayList<>(e.replacements.size());
        for (int i = 0; i < e.replacements.size(); i++) {
            TrustAnchorCellId target = e.replacements.get(i).target();
            TrustAnchorCell after = e.verdicts.get(i).cell(target, e.settings.contingencyKeyExtension());
            outcomes.add(ReplacementOutcome.of(e.current.cell(target).orElseThrow(), after));
            next = next.withCell(after);
        }
        RemotePartyRole replaced = e.replacements.get(0).target().role();
        if (e.command.newFloor().isPresent()) {
            next = next.withFloor(replaced, e.command.newFloor().getAsLong());
        }
        for (PartyFloorChange change : e.command.otherPartyChanges()) {
            next = next.withFloor(change.role(), change.floor());
        }
        RemotePartyRole authorising = e.mode.authorisingRole();
        next = next.withFloor(authorising, Math.max(next.floor(authorising), e.command.sequenceNumber()));
        return new Decision(CommandOutcome.executed(outcomes), next);
    }
}
