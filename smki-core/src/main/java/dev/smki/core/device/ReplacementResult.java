package dev.smki.core.device;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.identity.Eui64;
import java.util.Objects;
import java.util.Optional;

/**
 * One ReplacementOutcome of a CS02b response as it travels: the affected cell, its status, and the subject unique
 * identifier and subject key identifier the cell held before and holds after (observed in the DCC's Reference
 * Test Data Set; recovery.md §1.6). An identifier the cell does not have (a Root OCA has no unique identifier, a
 * cell the Device lacks has neither) travels as an empty OCTET STRING and is empty here.
 *
 * @param cell the affected cell
 * @param status success, or why this replacement was not made
 * @param existingSubjectUniqueId the unique identifier before
 * @param existingSubjectKeyId the subject key identifier before
 * @param replacingSubjectUniqueId the unique identifier after (the existing one when not replaced)
 * @param replacingSubjectKeyId the subject key identifier after (the existing one when not replaced)
 */
public record ReplacementResult(
        TrustAnchorCellId cell,
        StatusCode status,
        Optional<Eui64> existingSubjectUniqueId,
        Optional<KeyIdentifier> existingSubjectKeyId,
        Optional<Eui64> replacingSubjectUniqueId,
        Optional<KeyIdentifier> replacingSubjectKeyId) {

    /**
     * Checks the components.
     *
     * @param cell the affected cell
     * @param status success, or why this replacement was not made
     * @param existingSubjectUniqueId the unique identifier before
     * @param existingSubjectKeyId the subject key identifier before
     * @param replacingSubjectUniqueId the unique identifier after (the existing one when not replaced)
     * @param replacingSubjectKeyId the subject key identifier after (the existing one when not replaced)
     * @throws NullPointerException when a component is null
     */
    public ReplacementResult {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(existingSubjectUniqueId, "existingSubjectUniqueId");
        Objects.requireNonNull(existingSubjectKeyId, "existingSubjectKeyId");
        Objects.requireNonNull(replacingSubjectUniqueId, "replacingSubjectUniqueId");
        Objects.requireNonNull(replacingSubjectKeyId, "replacingSubjectKeyId");
    }

    /** Returns the result of a replacement the Device made. */
    static ReplacementResult of(ReplacementOutcome outcome) {
        return new ReplacementResult(
                outcome.cell(),
                StatusCode.SUCCESS,
                outcome.existingSubjectUniqueId(),
                Optional.of(outcome.existingSubjectKeyId()),
                outcome.replacingSubjectUniqueId(),
                Optional.of(outcome.replacingSubjectKeyId()));
    }

    /** Returns the result of a replacement of {@code cell}, which holds {@code current}, refused with {@code status}. */
    static ReplacementResult refused(TrustAnchorCellId cell, Optional<TrustAnchorCell> current, StatusCode status) {
        Optional<Eui64> uid = current.flatMap(TrustAnchorCell::subjectUniqueId);
        Optional<KeyIdentifier> ski = current.map(TrustAnchorCell::subjectKeyId);
        return new ReplacementResult(cell, status, uid, ski, uid, ski);
    }
}
