package dev.smki.core.device;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.gbcs.CraFlag;
import dev.smki.core.gbcs.GbcsFormatException;
import dev.smki.core.gbcs.GbcsMessage;
import dev.smki.core.gbcs.GroupingHeader;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated smart-metering Device: its EUI-64, its GBCS device type, whether it is commissioned, its own
 * Device Certificates, and its security credentials (trust-anchor cells and sequence-number floors), which only
 * an accepted Update Security Credentials command changes.
 *
 * <p>A Device stores almost nothing of its own: its credentials are a shared, interned {@link DeviceCredentials}
 * value that an accepted command swaps for another, and its Device Certificates and Digital Signing key are looked up
 * on request from what it was provisioned with ({@link DeviceCertificates}; in a seeded test PKI a cheap pure
 * function of the EUI-64 and key usage), never stored. A Device of a {@link Fleet} is a view of its place there: the
 * fleet holds its state, a few bytes, and any two views of one place are equal and act on the same Device.
 *
 * <p>A Device receives GBCS CS02b messages ({@link SignedCommand}) and answers them with signed CS02b responses
 * ({@link #answer}); {@link #apply} decides without building the response, which is what fleets do at scale.
 *
 * <p>Thread-safe: {@link #apply} is atomic, so concurrent commands are applied one after the other (a command
 * decided on credentials another one changed meanwhile is decided again), and a refused command changes nothing. The
 * commissioned status is fixed when the Device is made; commands are
 * judged the same way whatever it is.
 */
public final class Device {

    private final long eui64;
    private final DeviceType type;
    private final boolean commissioned;
    private final DeviceSettings settings;
    /** The fleet whose Device this is a view of, or null for a Device of its own. */
    private final Fleet fleet;
    /** The Device's place in {@link #fleet}. */
    private final int index;
    /** A Device of its own: its credentials now; unused in a fleet's Device, whose fleet holds them. */
    private volatile DeviceCredentials credentials;

    private Device(
            long eui64, DeviceType type, boolean commissioned, DeviceSettings settings, DeviceCredentials credentials) {
        this.eui64 = eui64;
        this.type = type;
        this.commissioned = commissioned;
        this.settings = settings;
        this.fleet = null;
        this.index = -1;
        this.credentials = credentials;
    }

    /** Returns a view of the Device at {@code index} of {@code fleet}. */
    Device(DeviceSettings settings, long eui64, DeviceType type, boolean commissioned, Fleet fleet, int index) {
        this.eui64 = eui64;
        this.type = type;
        this.commissioned = commissioned;
        this.settings = settings;
        this.fleet = fleet;
        this.index = index;
    }

    /**
     * {@return a Device holding the {@linkplain DeviceSettings#initialCredentials initial credentials} of its type}
     *
     * @param settings the settings the Device is made with
     * @param eui64 its EUI-64
     * @param type its device type
     * @param commissioned whether it is commissioned
     */
    public static Device of(DeviceSettings settings, Eui64 eui64, DeviceType type, boolean commissioned) {
        Objects.requireNonNull(settings, "settings");
        return of(
                settings, eui64, type, commissioned, settings.initialCredentials(Objects.requireNonNull(type, "type")));
    }

    /**
     * {@return a Device holding {@code credentials}, whatever its type's row of the trust-anchor table says}
     *
     * @param settings the settings the Device is made with
     * @param eui64 its EUI-64
     * @param type its device type
     * @param commissioned whether it is commissioned
     * @param credentials the credentials it holds
     */
    public static Device of(
            DeviceSettings settings,
            Eui64 eui64,
            DeviceType type,
            boolean commissioned,
            DeviceCredentials credentials) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(eui64, "eui64");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(credentials, "credentials");
        return new Device(eui64.value(), type, commissioned, settings, settings.intern(credentials));
    }

    /** {@return the Device's EUI-64} */
    public Eui64 eui64() {
        return Eui64.of(eui64);
    }

    long eui64Value() {
        return eui64;
    }

    /** {@return the GBCS device type} */
    public DeviceType type() {
        return type;
    }

    /** {@return whether the Device is commissioned (a Relevant Device in a recovery is a commissioned one)} */
    public boolean isCommissioned() {
        return commissioned;
    }

    /** {@return the settings the Device was made with} */
    public DeviceSettings settings() {
        return settings;
    }

    /** {@return the Device's credentials now: a shared immutable value} */
    public DeviceCredentials credentials() {
        return fleet == null ? credentials : fleet.credentialsNumbered(fleet.credentialsNumber(index));
    }

    /**
     * {@return whether some cell of the Device anchors the key with subject key identifier {@code subjectKeyId}}
     *
     * @param subjectKeyId the subject key identifier of the anchored key
     */
    public boolean holds(KeyIdentifier subjectKeyId) {
        return credentials().holds(subjectKeyId);
    }

    /**
     * Puts back credentials this Device held in a run recorded earlier: for a simulation resumed from a checkpoint,
     * which restores what the recorded commands did instead of sending them again. No rule is checked: it is not a
     * command.
     *
     * @param recorded the credentials recorded earlier
     */
    public void restoreCredentials(DeviceCredentials recorded) {
        Objects.requireNonNull(recorded, "recorded");
        DeviceCredentials interned = settings.intern(recorded);
        if (fleet == null) {
            synchronized (this) {
                credentials = interned;
            }
        } else {
            fleet.set(index, interned);
        }
    }

    /**
     * {@return the Device's own Device Certificate for {@code keyUsage}, looked up in its provisioning each time it
     * is asked for ({@link DeviceCertificates}; from a seeded test PKI always the same certificate)}
     *
     * @param keyUsage the key usage of the certificate
     * @throws IllegalStateException for a Type 2 device, which holds no certificate (certificates.md §4)
     */
    public SmkiCertificate deviceCertificate(CertificateUsage keyUsage) {
        Objects.requireNonNull(keyUsage, "keyUsage");
        if (type == DeviceType.TYPE2) {
            throw new IllegalStateException("A Type 2 device holds no Device Certificate: " + this);
        }
        return settings.provisioning().deviceCertificates().certificate(eui64(), keyUsage);
    }

    /**
     * What a Device did with a message, and what it answered.
     *
     * @param outcome executed, or refused by a DEV rule (a message that is not a CS02b command is refused under
     *     {@link AcceptanceRule#WELL_FORMED})
     * @param response the Device's signed CS02b response; empty when the bytes were not a CS02b command, which
     *     leaves nothing to answer
     */
    public record Answer(CommandOutcome outcome, Optional<UpdateSecurityCredentialsResponse> response) {

        /**
         * Checks the components.
         *
         * @param outcome executed, or refused by a DEV rule (a message that is not a CS02b command is refused under
         *     {@link AcceptanceRule#WELL_FORMED})
         * @param response the Device's signed CS02b response; empty when the bytes were not a CS02b command, which
         *     leaves nothing to answer
         * @throws NullPointerException when a component is null
         */
        public Answer {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * Applies {@code command}: checks every {@link AcceptanceRule} in order and, if all hold, replaces the
     * targeted cells and sets the sequence-number floors, atomically. Returns the GBCS outcome; a refused
     * command changes nothing.
     *
     * @param command the command to apply
     * @return the GBCS outcome of the command
     */
    public CommandOutcome apply(SignedCommand command) {
        return decide(command).outcome();
    }

    /**
     * Applies the GBCS message {@code message} as {@link #apply(SignedCommand)} does; bytes that are not a CS02b
     * command are refused under {@link AcceptanceRule#WELL_FORMED}, naming the offset and the field.
     *
     * @param message the GBCS message bytes
     * @return the GBCS outcome of the command
     */
    public CommandOutcome apply(byte[] message) {
        return answer(message, false).outcome();
    }

    /**
     * Applies {@code command} and answers it with a CS02b response signed with this Device's Digital Signing key
     * ({@link UpdateSecurityCredentialsResponse}).
     *
     * @param command the command to apply
     * @return the outcome and, for a CS02b command, the Device's signed response
     */
    public Answer answer(SignedCommand command) {
        Objects.requireNonNull(command, "command");
        Decided decision = decide(command);
        return new Answer(decision.outcome(), Optional.of(respond(command, decision)));
    }

    /**
     * Applies the GBCS message {@code message} and answers it, as {@link #answer(SignedCommand)} does.
     *
     * @param message the GBCS message bytes
     * @return the outcome and, for a CS02b command, the Device's signed response
     */
    public Answer answer(byte[] message) {
        return answer(message, true);
    }

    private Answer answer(byte[] message, boolean respond) {
        Objects.requireNonNull(message, "message");
        SignedCommand command;
        try {
            command = SignedCommand.parse(message);
        } catch (GbcsFormatException e) {
            return new Answer(CommandOutcome.refused(AcceptanceRule.WELL_FORMED, e.getMessage()), Optional.empty());
        }
        if (!respond) {
            return new Answer(apply(command), Optional.empty());
        }
        return answer(command);
    }

    /** What the Device decided, and the credentials it held when it decided. */
    private record Decided(CommandOutcome outcome, DeviceCredentials before) {}

    private Decided decide(SignedCommand command) {
        Objects.requireNonNull(command, "command");
        if (fleet == null) {
            synchronized (this) {
                DeviceCredentials before = credentials;
                Acceptance.Decision decision = Acceptance.evaluate(settings, eui64(), type, before, command);
                if (decision.outcome().isAccepted()) {
                    credentials = settings.intern(decision.next());
                }
                return new Decided(decision.outcome(), before);
            }
        }
        while (true) {
            int number = fleet.credentialsNumber(index);
            DeviceCredentials before = fleet.credentialsNumbered(number);
            Acceptance.Decision decision = Acceptance.evaluate(settings, eui64(), type, before, command);
            if (!decision.outcome().isAccepted() || fleet.replace(index, number, settings.intern(decision.next()))) {
                return new Decided(decision.outcome(), before);
            }
            // Another command changed the Device meanwhile: decide again on what it holds now.
        }
    }

    /** Returns the response to {@code command}, given what the Device decided. */
    private UpdateSecurityCredentialsResponse respond(SignedCommand command, Decided decision) {
        CommandOutcome outcome = decision.outcome();
        DeviceCredentials before = decision.before();
        UpdateSecurityCredentials body = command.command();
        List<ReplacementResult> results = new ArrayList<>();
        List<PartyFloorChange> changes = new ArrayList<>();
        if (outcome.isAccepted()) {
            outcome.replacements().forEach(r -> results.add(ReplacementResult.of(r)));
            if (body.newFloor().isPresent()) {
                changes.add(new PartyFloorChange(
                        body.replacements().get(0).target().role(),
                        body.newFloor().getAsLong(),
                        body.specialistFloors()));
            }
            changes.addAll(body.otherPartyChanges());
        } else {
            for (Replacement replacement : body.replacements()) {
                results.add(ReplacementResult.refused(
                        replacement.target(), before.cell(replacement.target()), outcome.status()));
            }
        }
        UpdateSecurityCredentialsResponse.ExecutionOutcome execution =
                new UpdateSecurityCredentialsResponse.ExecutionOutcome(
                        body.sequenceNumber(), body.mode(), changes, results);
        GroupingHeader header = new GroupingHeader(
                CraFlag.RESPONSE,
                command.originatorCounter(),
                eui64(),
                command.originator(),
                Optional.of(settings.clock().instant()),
                command.messageCode());
        byte[] payload = Cs02bMessages.encodeResponse(execution);
        GbcsMessage message = type == DeviceType.TYPE2
                ? GbcsMessage.unsigned(header, payload)
                : GbcsMessage.signed(
                        header,
                        payload,
                        settings.provisioning().deviceCertificates().digitalSigningKey(eui64()));
        return new UpdateSecurityCredentialsResponse(message, execution);
    }

    /**
     * Returns whether {@code o} is this Device: for a Device of a fleet, any view of the same place in the same fleet;
     * otherwise only this instance.
     */
    @Override
    public boolean equals(Object o) {
        if (fleet == null) {
            return o == this;
        }
        return o instanceof Device other && other.fleet == fleet && other.index == index;
    }

    @Override
    public int hashCode() {
        return fleet == null ? System.identityHashCode(this) : 31 * System.identityHashCode(fleet) + index;
    }

    /** Returns {@code TYPE EUI-64}, with {@code (not commissioned)} when it is not. */
    @Override
    public String toString() {
        return type + " " + eui64() + (commissioned ? "" : " (not commissioned)");
    }
}
