package dev.smki.core.device;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.identity.Eui64;
import java.util.Objects;
import java.util.Optional;

/**
 * What one replacement of an executed command changed, as the GBCS Execution Outcome's Replacement Outcome
 * reports it: the affected cell with its existing and its replacing subject unique identifier and subject key
 * identifier (recovery.md §1.6). The simulation executes a command whole or not at all, so every reported
 * replacement succeeded.
 *
 * @param cell the affected cell
 * @param existingSubjectUniqueId the unique identifier the cell held before; empty for a Root
 * @param existingSubjectKeyId the subject key identifier the cell held before
 * @param replacingSubjectUniqueId the unique identifier it holds now; empty for a Root
 * @param replacingSubjectKeyId the subject key identifier it holds now
 */
public record ReplacementOutcome(
        TrustAnchorCellId cell,
        Optional<Eui64> existingSubjectUniqueId,
        KeyIdentifier existingSubjectKeyId,
        Optional<Eui64> replacingSubjectUniqueId,
        KeyIdentifier replacingSubjectKeyId) {

    /**
     * Checks the components.
     *
     * @param cell the affected cell
     * @param existingSubjectUniqueId the unique identifier the cell held before; empty for a Root
     * @param existingSubjectKeyId the subject key identifier the cell held before
     * @param replacingSubjectUniqueId the unique identifier it holds now; empty for a Root
     * @param replacingSubjectKeyId the subject key identifier it holds now
     * @throws NullPointerException when a component is null
     */
    public ReplacementOutcome {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(existingSubjectUniqueId, "existingSubjectUniqueId");
        Objects.requireNonNull(existingSubjectKeyId, "existingSubjectKeyId");
        Objects.requireNonNull(replacingSubjectUniqueId, "replacingSubjectUniqueId");
        Objects.requireNonNull(replacingSubjectKeyId, "replacingSubjectKeyId");
    }

    /** Returns the outcome of {@code before} being replaced by {@code after}. */
    static ReplacementOutcome of(TrustAnchorCell before, TrustAnchorCell after) {
        return new ReplacementOutcome(
                after.id(),
                before.subjectUniqueId(),
                before.subjectKeyId(),
                after.subjectUniqueId(),
                after.subjectKeyId());
    }
}
