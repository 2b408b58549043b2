package dev.smki.core.device;

import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.SymmetricKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The body of a GBCS CS02b "Update Security Credentials" command (recovery.md §1.6, gbcs-parser
 * {@code asn1.ts}): the Authorising Remote Party Control (credentials replacement mode, optional plaintext
 * Symmetric Key, the authorising party's sequence number, optional new floor sequence number for the replaced
 * party), the replacements, the certification-path certificates and an optional execution date-time.
 *
 * <p>It is DER-encoded as GBCS defines it:
 *
 * <pre>
 * UpdateSecurityCredentialsCommand ::= SEQUENCE {
 *   authorisingRemotePartyControl SEQUENCE {
 *     credentialsReplacementMode      INTEGER (0..9),
 *     plaintextSymmetricKey       [0] IMPLICIT OCTET STRING OPTIONAL,
 *     -- [1] applyTimeBasedCPVChecks and [2] the authorising cell identifier: not modelled
 *     authorisingRemotePartySeqNumber INTEGER,
 *     newRemotePartyFloorSeqNumber [4] IMPLICIT INTEGER OPTIONAL
 *     -- [5] specialist floors and [6] other parties' sequence-number changes: not modelled
 *   },
 *   replacements SEQUENCE OF SEQUENCE {
 *     replacementCertificate Certificate,
 *     targetTrustAnchorCell  SEQUENCE { remotePartyRole INTEGER, keyUsage KeyUsage,
 *                                       cellUsage INTEGER { management (0), prePaymentTopUp (1) } DEFAULT 0 } },
 *   certificationPathCertificates SEQUENCE OF Certificate,
 *   executionDateTime GeneralizedTime OPTIONAL
 * }
 * </pre>
 *
 * The field order, the context tags and the optional fields follow Smart DCC's gbcs-parser (verified); that the
 * mode and the sequence numbers are plain INTEGERs and that the mandatory sequence number is untagged are
 * inferred (the parser reads them without checking the tag). Sequence numbers are 0 to 2<sup>63</sup>-1 here.
 *
 * <p>The builder does not apply any Device's rules: a command that breaks them (no replacement, a cell targeted
 * twice, a Symmetric Key with a mode other than contingency) can be built and signed, and Devices refuse it. A
 * simulated Device executes a command as soon as it accepts it; the execution date-time is carried but does
 * not defer execution. Immutable; equal when the DER encodings are.
 */
public final class UpdateSecurityCredentials {

    private final CredentialsReplacementMode mode;
    private final SymmetricKey symmetricKey;
    private final long sequenceNumber;
    private final Long newFloor;
    private final List<Replacement> replacements;
    private final List<byte[]> certificationPath;
    private final Instant executionDateTime;
    private final byte[] der;

    UpdateSecurityCredentials(
            CredentialsReplacementMode mode,
            SymmetricKey symmetricKey,
            long sequenceNumber,
            Long newFloor,
            List<Replacement> replacements,
            List<byte[]> certificationPath,
            Instant executionDateTime,
            byte[] der) {
        this.mode = mode;
        this.symmetricKey = symmetricKey;
        this.sequenceNumber = sequenceNumber;
        this.newFloor = newFloor;
        this.replacements = List.copyOf(replacements);
        this.certificationPath = List.copyOf(certificationPath);
        this.executionDateTime = executionDateTime;
        this.der = der != null ? der : Cs02bCodec.encodeBody(this);
    }

    /** Returns a builder for a command in {@code mode}. */
    public static Builder builder(CredentialsReplacementMode mode) {
        return new Builder(Objects.requireNonNull(mode, "mode"));
    }

    /**
     * Reads the DER encoding {@link #toDer()} writes.
     *
     * @throws IllegalArgumentException naming the problem when the bytes are not such a command
     */
    public static UpdateSecurityCredentials parse(byte[] der) {
        return Cs02bCodec.decodeBody(Objects.requireNonNull(der, "der"));
    }

    /** Returns the credentials replacement mode. */
    public CredentialsReplacementMode mode() {
        return mode;
    }

    /** Returns the plaintext Symmetric Key, present for a contingency command. */
    public Optional<SymmetricKey> symmetricKey() {
        return Optional.ofNullable(symmetricKey);
    }

    /** Returns the authorising party's sequence number. */
    public long sequenceNumber() {
        return sequenceNumber;
    }

    /** Returns the new floor sequence number for the party whose cells are replaced, if any. */
    public OptionalLong newFloor() {
        return newFloor == null ? OptionalLong.empty() : OptionalLong.of(newFloor);
    }

    /** Returns the replacements, in command order. */
    public List<Replacement> replacements() {
        return replacements;
    }

    /** Returns copies of the DER certification-path certificates, in command order. */
    public List<byte[]> certificationPath() {
        return certificationPath.stream().map(byte[]::clone).toList();
    }

    /** Returns the execution date-time, to the second, if the command is future dated. */
    public Optional<Instant> executionDateTime() {
        return Optional.ofNullable(executionDateTime);
    }

    /** Returns the GBCS message code of the command, {@code 0x0100} plus the mode's value. */
    public int messageCode() {
        return mode.messageCode();
    }

    /** Returns the DER encoding (a copy). */
    public byte[] toDer() {
        return der.clone();
    }

    /**
     * Returns this command addressed to {@code recipient} and signed by {@code authoriser}: the signature covers
     * the header (message code, originator, recipient) and this body, so no other Device accepts it.
     */
    public SignedCommand sign(Authoriser authoriser, Eui64 recipient) {
        Objects.requireNonNull(authoriser, "authoriser");
        Objects.requireNonNull(recipient, "recipient");
        return SignedCommand.sign(this, authoriser, recipient);
    }

    List<byte[]> certificationPathBytes() {
        return certificationPath;
    }

    byte[] derBytes() {
        return der;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpdateSecurityCredentials other && Arrays.equals(der, other.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    /** Returns the mode, sequence number and targets; never the Symmetric Key. */
    @Override
    public String toString() {
        return "UpdateSecurityCredentials[" + mode.gbcsName() + ", seq " + sequenceNumber
                + (newFloor == null ? "" : ", new floor " + newFloor)
                + (symmetricKey == null ? "" : ", with Symmetric Key")
                + ", replaces " + replacements.stream().map(Replacement::target).toList()
                + ", " + certificationPath.size() + " path certificate(s)"
                + (executionDateTime == null ? "" : ", at " + executionDateTime) + "]";
    }

    /** Builds an {@link UpdateSecurityCredentials}. The sequence number is required; the rest is optional. */
    public static final class Builder {
        private final CredentialsReplacementMode mode;
        private SymmetricKey symmetricKey;
        private Long sequenceNumber;
        private Long newFloor;
        private final List<Replacement> replacements = new ArrayList<>();
        private final List<byte[]> certificationPath = new ArrayList<>();
        private Instant executionDateTime;

        private Builder(CredentialsReplacementMode mode) {
            this.mode = mode;
        }

        /** Carries {@code symmetricKey} in clear, as a contingency command must. */
        public Builder symmetricKey(SymmetricKey symmetricKey) {
            this.symmetricKey = Objects.requireNonNull(symmetricKey, "symmetricKey");
            return this;
        }

        /**
         * Sets the authorising party's sequence number.
         *
         * @throws IllegalArgumentException when it is negative
         */
        public Builder sequenceNumber(long sequenceNumber) {
            this.sequenceNumber = nonNegative(sequenceNumber, "sequence number");
            return this;
        }

        /**
         * Sets the new floor sequence number of the party whose cells are replaced.
         *
         * @throws IllegalArgumentException when it is negative
         */
        public Builder newFloor(long newFloor) {
            this.newFloor = nonNegative(newFloor, "new floor");
            return this;
        }

        /** Adds a replacement of cell {@code target} by {@code certificate}. */
        public Builder replace(TrustAnchorCellId target, IssuedCertificate certificate) {
            return replace(Replacement.of(target, certificate));
        }

        /** Adds a replacement of cell {@code target} by the DER certificate {@code certificate}. */
        public Builder replace(TrustAnchorCellId target, byte[] certificate) {
            return replace(Replacement.of(target, certificate));
        }

        /** Adds {@code replacement}. */
        public Builder replace(Replacement replacement) {
            replacements.add(Objects.requireNonNull(replacement, "replacement"));
            return this;
        }

        /** Adds {@code certificate} to the certification path. */
        public Builder pathCertificate(IssuedCertificate certificate) {
            certificationPath.add(
                    Objects.requireNonNull(certificate, "certificate").toDer());
            return this;
        }

        /** Adds the DER certificate {@code certificate} to the certification path. */
        public Builder pathCertificate(byte[] certificate) {
            certificationPath.add(
                    Objects.requireNonNull(certificate, "certificate").clone());
            return this;
        }

        /** Future-dates the command to {@code executionDateTime}, truncated to the second. */
        public Builder executionDateTime(Instant executionDateTime) {
            this.executionDateTime = Objects.requireNonNull(executionDateTime, "executionDateTime")
                    .truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        /**
         * Returns the command.
         *
         * @throws IllegalStateException when no sequence number was set
         * @throws IllegalArgumentException when a certificate is not DER-encoded ASN.1
         */
        public UpdateSecurityCredentials build() {
            if (sequenceNumber == null) {
                throw new IllegalStateException("An Update Security Credentials command needs a sequence number");
            }
            return new UpdateSecurityCredentials(
                    mode,
                    symmetricKey,
                    sequenceNumber,
                    newFloor,
                    replacements,
                    certificationPath,
                    executionDateTime,
                    null);
        }

        private static long nonNegative(long value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException("A " + name + " is not negative: " + value);
            }
            return value;
        }
    }
}
