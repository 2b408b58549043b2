package dev.smki.core.device;

import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.KeyUsage;
import dev.smki.core.issuance.IssuedCertificate;
import java.util.Objects;

/**
 * A simulated smart-metering Device: its EUI-64, its GBCS device type, whether it is commissioned, its own
 * Device Certificates, and its security credentials (trust-anchor cells and sequence-number floors), which only
 * an accepted Update Security Credentials command changes.
 *
 * <p>A Device stores almost nothing of its own, so that a fleet of a million fits in a few tens of megabytes:
 * its credentials are a shared, interned {@link DeviceCredentials} value that an accepted command swaps for
 * another, and its Device Certificates are derived on request from the test PKI (in a seeded PKI a cheap pure
 * function of the EUI-64 and key usage), never stored.
 *
 * <p>Thread-safe: {@link #apply} is atomic, so concurrent commands are applied one after the other, and a
 * refused command changes nothing. The commissioned status is fixed when the Device is made; commands are
 * judged the same way whatever it is.
 */
public final class Device {

    private final long eui64;
    private final DeviceType type;
    private final boolean commissioned;
    private final DeviceSettings settings;
    private volatile DeviceCredentials credentials;

    private Device(
            long eui64, DeviceType type, boolean commissioned, DeviceSettings settings, DeviceCredentials credentials) {
        this.eui64 = eui64;
        this.type = type;
        this.commissioned = commissioned;
        this.settings = settings;
        this.credentials = credentials;
    }

    /** Returns a Device holding the {@linkplain DeviceSettings#initialCredentials initial credentials} of its type. */
    public static Device of(DeviceSettings settings, Eui64 eui64, DeviceType type, boolean commissioned) {
        Objects.requireNonNull(settings, "settings");
        return of(
                settings, eui64, type, commissioned, settings.initialCredentials(Objects.requireNonNull(type, "type")));
    }

    /** Returns a Device holding {@code credentials}, whatever its type's row of the trust-anchor table says. */
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

    /** Returns the Device's EUI-64. */
    public Eui64 eui64() {
        return Eui64.of(eui64);
    }

    long eui64Value() {
        return eui64;
    }

    /** Returns the GBCS device type. */
    public DeviceType type() {
        return type;
    }

    /** Returns whether the Device is commissioned (a Relevant Device in a recovery is a commissioned one). */
    public boolean isCommissioned() {
        return commissioned;
    }

    /** Returns the settings the Device was made with. */
    public DeviceSettings settings() {
        return settings;
    }

    /** Returns the Device's credentials now: a shared immutable value. */
    public DeviceCredentials credentials() {
        return credentials;
    }

    /** Returns whether some cell of the Device anchors the key with subject key identifier {@code subjectKeyId}. */
    public boolean holds(SubjectKeyId subjectKeyId) {
        return credentials.holds(subjectKeyId);
    }

    /**
     * Returns the Device's own Device Certificate for {@code keyUsage}, derived from the test PKI each time it is
     * asked for (in a seeded PKI always the same certificate).
     *
     * @throws IllegalStateException for a Type 2 device, which holds no certificate (certificates.md §4)
     */
    public IssuedCertificate deviceCertificate(KeyUsage keyUsage) {
        Objects.requireNonNull(keyUsage, "keyUsage");
        if (type == DeviceType.TYPE2) {
            throw new IllegalStateException("A Type 2 device holds no Device Certificate: " + this);
        }
        return settings.pki().deviceCertificate(eui64(), keyUsage);
    }

    /**
     * Applies {@code command}: checks every {@link AcceptanceRule} in order and, if all hold, replaces the
     * targeted cells and raises the sequence-number floors, atomically. Returns the GBCS outcome; a refused
     * command changes nothing.
     */
    public synchronized CommandOutcome apply(SignedCommand command) {
        Objects.requireNonNull(command, "command");
        Acceptance.Decision decision = Acceptance.evaluate(settings, eui64(), credentials, command);
        if (decision.outcome().isAccepted()) {
            credentials = settings.intern(decision.next());
        }
        return decision.outcome();
    }

    /**
     * Applies the DER command {@code der} as {@link #apply(SignedCommand)} does; bytes that are not a well-formed
     * command are refused under {@link AcceptanceRule#WELL_FORMED}.
     */
    public CommandOutcome apply(byte[] der) {
        Objects.requireNonNull(der, "der");
        SignedCommand command;
        try {
            command = SignedCommand.parse(der);
        } catch (IllegalArgumentException e) {
            return CommandOutcome.refused(AcceptanceRule.WELL_FORMED, e.getMessage());
        }
        return apply(command);
    }

    /** Returns {@code TYPE EUI-64}, with {@code (not commissioned)} when it is not. */
    @Override
    public String toString() {
        return type + " " + eui64() + (commissioned ? "" : " (not commissioned)");
    }
}
