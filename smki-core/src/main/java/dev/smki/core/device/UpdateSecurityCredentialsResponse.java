package dev.smki.core.device;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.Trace;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Device's answer to a CS02b command, signed with the Device's Digital Signing key:
 *
 * <pre>
 * Grouping Header || UpdateSecurityCredentialsResponse (DER) || 0x40 || Device Signature (r || s)
 *
 * UpdateSecurityCredentialsResponse ::= SEQUENCE {
 *   commandAccepted NULL,
 *   executionOutcome SEQUENCE {
 *     authorisingRemotePartySeqNumber INTEGER,
 *     credentialsReplacementMode      INTEGER,
 *     remotePartySeqNumberChanges     SEQUENCE OF RemotePartySeqNumberChange,
 *     replacementOutcomes SEQUENCE OF SEQUENCE {
 *       affectedTrustAnchorCell TrustAnchorCellIdentifier, statusCode ENUMERATED,
 *       existingSubjectUniqueID OCTET STRING, existingSubjectKeyID OCTET STRING,
 *       replacingSubjectUniqueID OCTET STRING, replacingSubjectKeyID OCTET STRING } } OPTIONAL }
 * </pre>
 *
 * The header has CRA Flag Response, echoes the command's Originator Counter and message code, names the Device as
 * Business Originator and the command's originator as target, and carries the Device's date-time. The layout is
 * observed in the DCC's Reference Test Data Set (CS02b responses, success and error) and the DCC's GBCS parser;
 * GBCS §13.3 was not readable for it. A simulated Device executes a command whole or not at all, and always
 * answers with the execution outcome: every replacement at {@code success}, or, when a DEV rule refuses the
 * command, every replacement at that rule's status with its identifiers unchanged (as the reference error response
 * reports a replacement not made). A real Device may instead discard a command it cannot authenticate, or answer a
 * future-dated one with {@code commandAccepted} alone and an Alert later; neither is modelled. A Type 2 Device holds
 * no signing key and answers unsigned ({@code 0x00}). Immutable.
 */
public final class UpdateSecurityCredentialsResponse extends Cs02bMessage {

    /**
     * The executionOutcome of a response.
     *
     * @param authorisingSeqNumber the command's authorisingRemotePartySeqNumber
     * @param mode the command's credentials replacement mode
     * @param floorChanges the floors the command set, possibly none
     * @param replacements one result per replacement, in command order
     */
    public record ExecutionOutcome(
            long authorisingSeqNumber,
            CredentialsReplacementMode mode,
            List<PartyFloorChange> floorChanges,
            List<ReplacementResult> replacements) {

        /**
         * Checks the components.
         *
         * @param authorisingSeqNumber the command's authorisingRemotePartySeqNumber
         * @param mode the command's credentials replacement mode
         * @param floorChanges the floors the command set, possibly none
         * @param replacements one result per replacement, in command order
         * @throws NullPointerException when a component is null
         * @throws IllegalArgumentException when {@code authorisingSeqNumber} is negative
         */
        public ExecutionOutcome {
            Objects.requireNonNull(mode, "mode");
            floorChanges = List.copyOf(floorChanges);
            replacements = List.copyOf(replacements);
            if (authorisingSeqNumber < 0) {
                throw new IllegalArgumentException("A sequence number is not negative: " + authorisingSeqNumber);
            }
        }

        /** {@return the first replacement status other than success, or success} */
        public StatusCode status() {
            return replacements.stream()
                    .map(ReplacementResult::status)
                    .filter(status -> status != StatusCode.SUCCESS)
                    .findFirst()
                    .orElse(StatusCode.SUCCESS);
        }
    }

    private final ExecutionOutcome outcome;

    UpdateSecurityCredentialsResponse(GbcsMessage message, ExecutionOutcome outcome) {
        super(message);
        this.outcome = outcome;
    }

    /**
     * Reads a response.
     *
     * @param bytes the response's GBCS message bytes
     * @return the response read
     * @throws dev.smki.core.gbcs.GbcsFormatException naming the offset and the field when the bytes are not a
     *     CS02b response
     */
    public static UpdateSecurityCredentialsResponse parse(byte[] bytes) {
        return read(bytes, Trace.NONE);
    }

    /**
     * Reads a response, recording every field in {@code trace}.
     *
     * @param bytes the response's GBCS message bytes
     * @param trace where the fields read are recorded
     * @return the response read
     */
    public static UpdateSecurityCredentialsResponse read(byte[] bytes, Trace trace) {
        GbcsMessage.Parsed<Optional<ExecutionOutcome>> parsed =
                GbcsMessage.read(Objects.requireNonNull(bytes, "bytes"), Cs02bMessages::readResponse, trace);
        return new UpdateSecurityCredentialsResponse(
                parsed.message(), parsed.payload().orElse(null));
    }

    /** {@return the execution outcome, absent when the response says only that the command was accepted} */
    public Optional<ExecutionOutcome> executionOutcome() {
        return Optional.ofNullable(outcome);
    }

    /** {@return the first status other than success among the replacements, or success} */
    public StatusCode status() {
        return outcome == null ? StatusCode.SUCCESS : outcome.status();
    }

    /**
     * {@return whether the Device's signature verifies with the key of {@code deviceCertificate}, its Digital Signing
     * certificate ({@link Device#deviceCertificate})}
     *
     * @param deviceCertificate the Device Certificate whose key should verify the signature
     * @throws IllegalArgumentException when the certificate's key is not a P-256 public key
     */
    public boolean verifies(SmkiCertificate deviceCertificate) {
        Objects.requireNonNull(deviceCertificate, "deviceCertificate");
        return VerificationKey.of(deviceCertificate).verifies(message());
    }

    @Override
    public String toString() {
        return "UpdateSecurityCredentialsResponse[from " + header().businessOriginator() + ", counter "
                + header().originatorCounter() + ", " + status().gbcsName() + "]";
    }
}
