package dev.smki.core.device;

import static dev.smki.core.device.AcceptanceRule.ADDRESSED_TO_DEVICE;
import static dev.smki.core.device.AcceptanceRule.AUTHORISING_ANCHOR_HELD;
import static dev.smki.core.device.AcceptanceRule.CERTIFICATION_PATH_VALID;
import static dev.smki.core.device.AcceptanceRule.FRESH_CONTINGENCY_KEY;
import static dev.smki.core.device.AcceptanceRule.KEY_USAGE_FITS_CELL;
import static dev.smki.core.device.AcceptanceRule.MODE_MAY_REPLACE_CELL;
import static dev.smki.core.device.AcceptanceRule.NO_ABNORMAL_ROOT_BY_RECOVERY;
import static dev.smki.core.device.AcceptanceRule.ONE_REMOTE_PARTY;
import static dev.smki.core.device.AcceptanceRule.SEQUENCE_NUMBER_ABOVE_FLOOR;
import static dev.smki.core.device.AcceptanceRule.SIGNATURE_VERIFIES;
import static dev.smki.core.device.AcceptanceRule.SYMMETRIC_KEY_ONLY_FOR_CONTINGENCY;
import static dev.smki.core.device.AcceptanceRule.TARGET_CELL_EXISTS;
import static dev.smki.core.device.AcceptanceRule.WELL_FORMED;
import static dev.smki.core.device.AcceptanceRule.WITHIN_CAPACITY;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.SymmetricKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what one Device does with one Update Security Credentials command: checks the {@link AcceptanceRule}s
 * in order and, when all hold, computes the Device's next credentials. A pure function of the settings, the
 * Device's identity, its current credentials and the command (and the settings' clock); it changes nothing.
 */
final class Acceptance {

    /** What to answer, and the credentials the Device holds afterwards (its current ones when refused). */
    record Decision(CommandOutcome outcome, DeviceCredentials next) {}

    private Acceptance() {}

    static Decision evaluate(DeviceSettings settings, Eui64 self, DeviceCredentials current, SignedCommand signed) {
        UpdateSecurityCredentials command = signed.command();
        CredentialsReplacementMode mode = command.mode();
        List<Replacement> replacements = command.replacements();

        if (replacements.isEmpty()) {
            return refuse(current, WELL_FORMED, "the command replaces no cell");
        }
        Set<TrustAnchorCellId> targets = new HashSet<>();
        for (Replacement replacement : replacements) {
            if (!targets.add(replacement.target())) {
                return refuse(current, WELL_FORMED, "cell " + replacement.target() + " is targeted twice");
            }
        }
        if (!signed.recipient().equals(self)) {
            return refuse(
                    current,
                    ADDRESSED_TO_DEVICE,
                    "addressed to " + signed.recipient() + ", not to this Device " + self);
        }
        int pathSize = command.certificationPathBytes().size();
        if (pathSize > settings.maxPathCertificates()) {
            return refuse(
                    current,
                    WITHIN_CAPACITY,
                    pathSize + " certification-path certificates; the Device holds at most "
                            + settings.maxPathCertificates());
        }
        Optional<SymmetricKey> symmetricKey = command.symmetricKey();
        if (symmetricKey.isPresent() != mode.isContingency()) {
            return refuse(
                    current,
                    SYMMETRIC_KEY_ONLY_FOR_CONTINGENCY,
                    mode.gbcsName() + (symmetricKey.isPresent() ? " with" : " without") + " a plaintext Symmetric Key");
        }

        VerificationKey authorisingKey;
        String anchorName;
        if (mode.isContingency()) {
            Optional<TrustAnchorCell> root = current.cell(TrustAnchorCellId.ROOT);
            if (root.isEmpty() || root.get().wrappedContingencyKey().isEmpty()) {
                return refuse(current, AUTHORISING_ANCHOR_HELD, "the Device holds no wrapped contingency key");
            }
            Optional<VerificationKey> unwrapped = root.get().contingencyKey(symmetricKey.get());
            if (unwrapped.isEmpty()) {
                return refuse(
                        current,
                        AUTHORISING_ANCHOR_HELD,
                        "the supplied Symmetric Key does not unwrap the contingency key of the current Root");
            }
            authorisingKey = unwrapped.get();
            anchorName = "the contingency key";
        } else {
            TrustAnchorCellId cellId = mode.authorisingCell().orElseThrow();
            Optional<TrustAnchorCell> cell = current.cell(cellId);
            if (cell.isEmpty()) {
                return refuse(
                        current, AUTHORISING_ANCHOR_HELD, mode.gbcsName() + " needs the " + cellId + " cell, not held");
            }
            authorisingKey = cell.get().key();
            anchorName = "the " + cellId + " cell's key";
        }
        if (!authorisingKey.verifies(signed.signedPartBytes(), signed.signatureBytes())) {
            return refuse(current, SIGNATURE_VERIFIES, "the signature does not verify with " + anchorName);
        }
        RemotePartyRole authorisingRole = mode.authorisingRole();
        long floor = current.floor(authorisingRole);
        if (command.sequenceNumber() <= floor) {
            return refuse(
                    current,
                    SEQUENCE_NUMBER_ABOVE_FLOOR,
                    "sequence number " + command.sequenceNumber() + " is not above the " + authorisingRole.slug()
                            + " floor " + floor);
        }

        for (Replacement replacement : replacements) {
            if (!mode.mayReplace(replacement.target())) {
                return refuse(
                        current,
                        MODE_MAY_REPLACE_CELL,
                        mode.gbcsName() + " may not replace the " + replacement.target() + " cell");
            }
        }
        RemotePartyRole replacedRole = replacements.get(0).target().role();
        for (Replacement replacement : replacements) {
            if (replacement.target().role() != replacedRole) {
                return refuse(
                        current,
                        ONE_REMOTE_PARTY,
                        "cells of " + replacedRole.slug() + " and "
                                + replacement.target().role().slug() + " in one command");
            }
        }
        for (Replacement replacement : replacements) {
            if (!current.has(replacement.target())) {
                return refuse(current, TARGET_CELL_EXISTS, "this Device has no " + replacement.target() + " cell");
            }
        }

        Optional<TrustAnchorCell> root = current.cell(TrustAnchorCellId.ROOT);
        Instant now = settings.clock().instant();
        List<CertificationPaths.Verdict> verdicts = new ArrayList<>(replacements.size());
        for (Replacement replacement : replacements) {
            TrustAnchorCellId target = replacement.target();
            if (root.isEmpty()) {
                return refuse(current, CERTIFICATION_PATH_VALID, "the Device holds no Root to validate " + target);
            }
            CertificationPaths.Verdict verdict = settings.paths()
                    .check(
                            replacement.certificateBytes(),
                            command.certificationPathBytes(),
                            root.get(),
                            target.isRoot(),
                            now);
            if (verdict.facts() == null) {
                return refuse(
                        current,
                        CERTIFICATION_PATH_VALID,
                        "the certificate for " + target + " is " + verdict.problem());
            }
            if (verdict.facts().keyUsage != target.keyUsage()) {
                return refuse(
                        current,
                        KEY_USAGE_FITS_CELL,
                        "the certificate for " + target + " has key usage "
                                + (verdict.facts().keyUsage == null
                                        ? "other than one of ds, ka, cert-sign"
                                        : verdict.facts().keyUsage.abbreviation()));
            }
            if (verdict.problem() != null) {
                return refuse(
                        current, CERTIFICATION_PATH_VALID, "the certificate for " + target + ": " + verdict.problem());
            }
            if (!verdict.isValidAt(now.getEpochSecond())) {
                return refuse(
                        current,
                        CERTIFICATION_PATH_VALID,
                        "the certificate for " + target + " or its path is not within its validity period at " + now);
            }
            verdicts.add(verdict);
        }
        for (int i = 0; i < replacements.size(); i++) {
            TrustAnchorCellId target = replacements.get(i).target();
            CertificationPaths.Verdict verdict = verdicts.get(i);
            if (target.isRoot()
                    && mode == CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY
                    && !verdict.certifiedByRoot()) {
                return refuse(
                        current,
                        NO_ABNORMAL_ROOT_BY_RECOVERY,
                        "the current Root does not certify the new Root "
                                + verdict.facts().describe());
            }
            if (target.isRoot()
                    && mode.isContingency()
                    && Objects.equals(
                            verdict.facts().wrappedContingencyKey,
                            root.get().wrappedContingencyKey().orElse(null))) {
                return refuse(
                        current,
                        FRESH_CONTINGENCY_KEY,
                        "the new Root carries the same wrapped contingency key as the current one");
            }
        }

        DeviceCredentials next = current;
        List<ReplacementOutcome> outcomes = new ArrayList<>(replacements.size());
        for (int i = 0; i < replacements.size(); i++) {
            TrustAnchorCellId target = replacements.get(i).target();
            TrustAnchorCell after = verdicts.get(i).cell(target);
            outcomes.add(ReplacementOutcome.of(current.cell(target).orElseThrow(), after));
            next = next.withCell(after);
        }
        if (command.newFloor().isPresent()) {
            next = next.withFloor(replacedRole, command.newFloor().getAsLong());
        }
        next = next.withFloor(authorisingRole, Math.max(next.floor(authorisingRole), command.sequenceNumber()));
        return new Decision(CommandOutcome.executed(outcomes), next);
    }

    private static Decision refuse(DeviceCredentials current, AcceptanceRule rule, String detail) {
        return new Decision(CommandOutcome.refused(rule, detail), current);
    }
}
