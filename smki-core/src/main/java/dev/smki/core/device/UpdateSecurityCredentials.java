package dev.smki.core.device;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.gbcs.GbcsReader;
import dev.smki.core.identity.Eui64;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The payload of a GBCS CS02b "Update Security Credentials" command: the DER {@code UpdateSecurityCredentials}
 * structure of GBCS §13.3.5.11 and Annex 3, exactly as it travels:
 *
 * <pre>
 * UpdateSecurityCredentials ::= SEQUENCE {
 *   authorisingRemotePartyControl SEQUENCE {
 *     credentialsReplacementMode               INTEGER (0..9),
 *     plaintextSymmetricKey                [0] IMPLICIT OCTET STRING OPTIONAL,     -- anyByContingency only
 *     applyTimeBasedCPVChecks              [1] IMPLICIT INTEGER { apply (0), disapply (1) } OPTIONAL,
 *     authorisingRemotePartyTACellIdentifier [2] IMPLICIT TrustAnchorCellIdentifier OPTIONAL,
 *     authorisingRemotePartySeqNumber      [3] IMPLICIT INTEGER,
 *     newRemotePartyFloorSeqNumber         [4] IMPLICIT INTEGER OPTIONAL,
 *     newRemotePartySpecialistFloorSeqNumber [5] IMPLICIT SEQUENCE OF SpecialistSeqNumber OPTIONAL,
 *     otherRemotePartySeqNumberChanges     [6] IMPLICIT SEQUENCE OF RemotePartySeqNumberChange OPTIONAL },
 *   replacements SEQUENCE OF SEQUENCE {
 *     replacementCertificate Certificate,
 *     targetTrustAnchorCell  TrustAnchorCellIdentifier },
 *   certificationPathCertificates SEQUENCE OF Certificate,
 *   executionDateTime GeneralizedTime OPTIONAL }
 * TrustAnchorCellIdentifier ::= SEQUENCE { remotePartyRole INTEGER, keyUsage KeyUsage,
 *                                          cellUsage INTEGER { management (0), prePaymentTopUp (1) } DEFAULT 0 }
 * </pre>
 *
 * Which elements are present when is GBCS text (the table "Requirements for AuthorisingRemotePartyControl
 * elements", verified). The tags, the INTEGER types and the field order are observed in the CS02b samples of the
 * DCC's Reference Test Data Set ({@code 30 20 02 01 02 81 01 01 A2 07 … 83 02 03 E8 84 01 00 A5 08 …}) and in the
 * DCC's GBCS parser; the ASN.1 module itself (Annex 3) could not be read, so the element names and types above
 * are reconstructed from those. Sequence numbers are 0 to 2<sup>63</sup>-1 here.
 *
 * <p>By default a command names its authorising cell ({@link CredentialsReplacementMode#authorisingTrustAnchorCell})
 * except in the ACB's own mode, as GBCS asks for every Device but a Communications Hub. The builder applies no
 * Device rule: a command that breaks one (no replacement, a cell targeted twice, a Symmetric Key outside
 * contingency) can be built and signed, and Devices refuse it. A simulated Device executes a command as soon as it
 * accepts it: the execution date-time is carried, not waited for. Immutable; equal when the DER encodings are.
 */
public final class UpdateSecurityCredentials {

    private final CredentialsReplacementMode mode;
    private final SymmetricKey symmetricKey;
    private final CpvTimeChecks timeChecks;
    private final TrustAnchorCellId authorisingCell;
    private final long sequenceNumber;
    private final Long newFloor;
    private final List<SpecialistFloor> specialistFloors;
    private final List<PartyFloorChange> otherPartyChanges;
    private final List<Replacement> replacements;
    private final List<byte[]> certificationPath;
    private final Instant executionDateTime;
    private final byte[] der;

    UpdateSecurityCredentials(Builder b, byte[] der) {
        this.mode = b.mode;
        this.symmetricKey = b.symmetricKey;
        this.timeChecks = b.timeChecks;
        this.authorisingCell = b.authorisingCell;
        this.sequenceNumber = b.sequenceNumber;
        this.newFloor = b.newFloor;
        this.specialistFloors = List.copyOf(b.specialistFloors);
        this.otherPartyChanges = List.copyOf(b.otherPartyChanges);
        this.replacements = List.copyOf(b.replacements);
        this.certificationPath = List.copyOf(b.certificationPath);
        this.executionDateTime = b.executionDateTime;
        this.der = der != null ? der : Cs02bMessages.encodeCommand(this);
    }

    /**
     * {@return a builder for a command in {@code mode}}
     *
     * @param mode the credentials replacement mode
     */
    public static Builder builder(CredentialsReplacementMode mode) {
        return new Builder(Objects.requireNonNull(mode, "mode"));
    }

    /**
     * Reads the DER payload {@link #toDer()} writes.
     *
     * @param der the DER payload
     * @return the command read
     * @throws dev.smki.core.gbcs.GbcsFormatException naming the offset and field when the bytes are not one
     */
    public static UpdateSecurityCredentials parse(byte[] der) {
        Objects.requireNonNull(der, "der");
        GbcsReader in = GbcsReader.of(der.clone());
        UpdateSecurityCredentials command = Cs02bMessages.readCommandPayload(in, null, dev.smki.core.gbcs.Trace.NONE);
        in.expectEnd("Update Security Credentials");
        return command;
    }

    /** {@return the credentials replacement mode} */
    public CredentialsReplacementMode mode() {
        return mode;
    }

    /** {@return the plaintext Symmetric Key, present for a contingency command} */
    public Optional<SymmetricKey> symmetricKey() {
        return Optional.ofNullable(symmetricKey);
    }

    /** {@return applyTimeBasedCPVChecks, when the command carries it} */
    public Optional<CpvTimeChecks> timeBasedChecks() {
        return Optional.ofNullable(timeChecks);
    }

    /** {@return whether the Device should check validity periods: unless the command says {@code disapply}} */
    public boolean checksValidityPeriods() {
        return timeChecks != CpvTimeChecks.DISAPPLY;
    }

    /** {@return the authorising cell the command names (authorisingRemotePartyTACellIdentifier), if it names one} */
    public Optional<TrustAnchorCellId> authorisingCell() {
        return Optional.ofNullable(authorisingCell);
    }

    /** {@return the authorising party's sequence number} */
    public long sequenceNumber() {
        return sequenceNumber;
    }

    /** {@return the new floor sequence number for the party whose cells are replaced, if any} */
    public OptionalLong newFloor() {
        return newFloor == null ? OptionalLong.empty() : OptionalLong.of(newFloor);
    }

    /** {@return the new specialist floors of the party whose cells are replaced, possibly none} */
    public List<SpecialistFloor> specialistFloors() {
        return specialistFloors;
    }

    /** {@return the new floors of other parties, possibly none} */
    public List<PartyFloorChange> otherPartyChanges() {
        return otherPartyChanges;
    }

    /** {@return the replacements, in command order} */
    public List<Replacement> replacements() {
        return replacements;
    }

    /** {@return copies of the DER certification-path certificates, in command order} */
    public List<byte[]> certificationPath() {
        return certificationPath.stream().map(byte[]::clone).toList();
    }

    /** {@return the execution date-time, to the second, if the command is future dated} */
    public Optional<Instant> executionDateTime() {
        return Optional.ofNullable(executionDateTime);
    }

    /** {@return the GBCS message code of the command, {@code 0x0100} plus the mode's value} */
    public int messageCode() {
        return mode.messageCode();
    }

    /** {@return the DER payload (a copy)} */
    public byte[] toDer() {
        return der.clone();
    }

    /**
     * {@return this command addressed to {@code recipient} and signed by {@code authoriser}, with the sequence
     * number as the Grouping Header's Originator Counter (the two are equal in the DCC's reference commands)}
     *
     * @param authoriser who signs the command
     * @param recipient the EUI-64 of the Device it is addressed to
     */
    public SignedCommand sign(Authoriser authoriser, Eui64 recipient) {
        return sign(authoriser, recipient, sequenceNumber);
    }

    /**
     * {@return this command addressed to {@code recipient} and signed by {@code authoriser} with {@code counter}}
     *
     * @param authoriser who signs the command
     * @param recipient the EUI-64 of the Device it is addressed to
     * @param counter the Originator Counter the command carries
     */
    public SignedCommand sign(Authoriser authoriser, Eui64 recipient, long counter) {
        Objects.requireNonNull(authoriser, "authoriser");
        Objects.requireNonNull(recipient, "recipient");
        return SignedCommand.sign(this, authoriser, recipient, counter);
    }

    List<byte[]> certificationPathBytes() {
        return certificationPath;
    }

    byte[] derBytes() {
        return der;
    }

    @Override
    public boolean equals(@Nullable Object o) {
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

    /**
     * Builds an {@link UpdateSecurityCredentials}. The sequence number is required; the rest is optional. The
     * authorising cell starts as the mode's ({@link CredentialsReplacementMode#authorisingTrustAnchorCell}), or
     * none in the ACB's own mode.
     */
    public static final class Builder {
        final CredentialsReplacementMode mode;
        SymmetricKey symmetricKey;
        CpvTimeChecks timeChecks;
        TrustAnchorCellId authorisingCell;
        long sequenceNumber = -1;
        Long newFloor;
        final List<SpecialistFloor> specialistFloors = new ArrayList<>();
        final List<PartyFloorChange> otherPartyChanges = new ArrayList<>();
        final List<Replacement> replacements = new ArrayList<>();
        final List<byte[]> certificationPath = new ArrayList<>();
        Instant executionDateTime;

        Builder(CredentialsReplacementMode mode) {
            this.mode = mode;
            this.authorisingCell = mode == CredentialsReplacementMode.ACCESS_CONTROL_BROKER_BY_ACB
                    ? null
                    : mode.authorisingTrustAnchorCell();
        }

        /**
         * Carries {@code symmetricKey} in clear, as a contingency command must.
         *
         * @param symmetricKey the Symmetric Key to carry
         * @return this builder
         */
        public Builder symmetricKey(SymmetricKey symmetricKey) {
            this.symmetricKey = Objects.requireNonNull(symmetricKey, "symmetricKey");
            return this;
        }

        /**
         * Carries applyTimeBasedCPVChecks with {@code checks}.
         *
         * @param checks the time-based checks to apply
         * @return this builder
         */
        public Builder timeBasedChecks(CpvTimeChecks checks) {
            this.timeChecks = Objects.requireNonNull(checks, "checks");
            return this;
        }

        /**
         * Names {@code cell} as the authorising cell.
         *
         * @param cell the authorising cell
         * @return this builder
         */
        public Builder authorisingCell(TrustAnchorCellId cell) {
            this.authorisingCell = Objects.requireNonNull(cell, "cell");
            return this;
        }

        /**
         * Leaves the authorising cell out.
         *
         * @return this builder
         */
        public Builder withoutAuthorisingCell() {
            this.authorisingCell = null;
            return this;
        }

        /**
         * Sets the authorising party's sequence number.
         *
         * @param sequenceNumber the authorising party's sequence number
         * @return this builder
         * @throws IllegalArgumentException when it is negative
         */
        public Builder sequenceNumber(long sequenceNumber) {
            this.sequenceNumber = nonNegative(sequenceNumber, "sequence number");
            return this;
        }

        /**
         * Sets the new floor sequence number of the party whose cells are replaced.
         *
         * @param newFloor the new floor sequence number
         * @return this builder
         * @throws IllegalArgumentException when it is negative
         */
        public Builder newFloor(long newFloor) {
            this.newFloor = nonNegative(newFloor, "new floor");
            return this;
        }

        /**
         * Adds a new specialist floor of the party whose cells are replaced.
         *
         * @param floor the new specialist floor
         * @return this builder
         */
        public Builder specialistFloor(SpecialistFloor floor) {
            specialistFloors.add(Objects.requireNonNull(floor, "floor"));
            return this;
        }

        /**
         * Adds a new floor of another party.
         *
         * @param change the new floor of the other party
         * @return this builder
         */
        public Builder otherPartyFloor(PartyFloorChange change) {
            otherPartyChanges.add(Objects.requireNonNull(change, "change"));
            return this;
        }

        /**
         * Adds a replacement of cell {@code target} by {@code certificate}.
         *
         * @param target the cell to replace
         * @param certificate the certificate to put in the cell
         * @return this builder
         */
        public Builder replace(TrustAnchorCellId target, SmkiCertificate certificate) {
            return replace(Replacement.of(target, certificate));
        }

        /**
         * Adds a replacement of cell {@code target} by the DER certificate {@code certificate}.
         *
         * @param target the cell to replace
         * @param certificate the DER encoding of the certificate to put in the cell
         * @return this builder
         */
        public Builder replace(TrustAnchorCellId target, byte[] certificate) {
            return replace(Replacement.of(target, certificate));
        }

        /**
         * Adds {@code replacement}.
         *
         * @param replacement the replacement to add
         * @return this builder
         */
        public Builder replace(Replacement replacement) {
            replacements.add(Objects.requireNonNull(replacement, "replacement"));
            return this;
        }

        /**
         * Adds {@code certificate} to the certification path.
         *
         * @param certificate the certificate to add
         * @return this builder
         */
        public Builder pathCertificate(SmkiCertificate certificate) {
            certificationPath.add(
                    Objects.requireNonNull(certificate, "certificate").toDer());
            return this;
        }

        /**
         * Adds the DER certificate {@code certificate} to the certification path.
         *
         * @param certificate the DER encoding of the certificate to add
         * @return this builder
         */
        public Builder pathCertificate(byte[] certificate) {
            certificationPath.add(
                    Objects.requireNonNull(certificate, "certificate").clone());
            return this;
        }

        /**
         * Future-dates the command to {@code executionDateTime}, truncated to the second.
         *
         * @param executionDateTime when the command is to be executed
         * @return this builder
         */
        public Builder executionDateTime(Instant executionDateTime) {
            this.executionDateTime = Objects.requireNonNull(executionDateTime, "executionDateTime")
                    .truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        /**
         * {@return the command}
         *
         * @throws IllegalStateException when no sequence number was set
         * @throws IllegalArgumentException when a certificate is not one DER SEQUENCE, or the execution
         *     date-time is outside years 0000 to 9999
         */
        public UpdateSecurityCredentials build() {
            if (sequenceNumber < 0) {
                throw new IllegalStateException("An Update Security Credentials command needs a sequence number");
            }
            return new UpdateSecurityCredentials(this, null);
        }

        private static long nonNegative(long value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException("A " + name + " is not negative: " + value);
            }
            return value;
        }
    }
}
