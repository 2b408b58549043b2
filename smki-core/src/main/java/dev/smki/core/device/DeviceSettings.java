package dev.smki.core.device;

import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated Devices of one PKI share: the test PKI their Device Certificates and first trust anchors
 * come from, the {@link TrustAnchorTable}, the clock against which they check validity periods, how many
 * certification-path certificates a command may carry, and the memos that let a million Devices stay small.
 *
 * <p>Three things are shared rather than held per Device: credentials ({@link DeviceCredentials} values are
 * interned, so Devices in the same state reference one instance), certification-path verdicts (a pure function
 * of certificate bytes and Root key, see {@link CertificationPaths}), and the contingency key unwrapped from a
 * shared Root cell with a Symmetric Key (a pure function of the two, kept by the cell). The per-command ECDSA verification is never memoised.
 * The intern pool keeps every distinct credentials value it has seen for the life of these settings.
 *
 * <p>Thread-safe.
 */
public final class DeviceSettings {

    /**
     * How many certification-path certificates a Device holds by default: 4, room for an SMKI path (Issuing OCA)
     * and a link certificate with margin. The real limits are in GBCS and were not available (reconstructed).
     */
    public static final int DEFAULT_MAX_PATH_CERTIFICATES = 4;

    private final TestPki pki;
    private final TrustAnchorTable table;
    private final Clock clock;
    private final int maxPathCertificates;
    private final String contingencyExtensionOid;
    private final CertificationPaths paths;
    private final ConcurrentHashMap<DeviceCredentials, DeviceCredentials> interned = new ConcurrentHashMap<>();
    private final Map<DeviceType, DeviceCredentials> initial;

    private DeviceSettings(Builder builder) {
        this.pki = builder.pki;
        this.table = builder.table;
        this.clock = builder.clock != null ? builder.clock : pki.clock();
        this.maxPathCertificates = builder.maxPathCertificates;
        this.contingencyExtensionOid = pki.contingency().settings().extensionOid();
        this.paths = new CertificationPaths(pki.environment(), contingencyExtensionOid);
        EnumMap<DeviceType, DeviceCredentials> byType = new EnumMap<>(DeviceType.class);
        for (DeviceType type : DeviceType.values()) {
            List<TrustAnchorCell> cells = new ArrayList<>();
            for (TrustAnchorCellId id : table.cells(type)) {
                cells.add(cell(id, certificateFor(id)));
            }
            byType.put(type, intern(DeviceCredentials.of(cells)));
        }
        this.initial = java.util.Collections.unmodifiableMap(byType);
    }

    /** Returns the default settings for Devices of {@code pki}. */
    public static DeviceSettings of(TestPki pki) {
        return builder(pki).build();
    }

    /**
     * Returns a builder for Devices of {@code pki}. Defaults: {@link TrustAnchorTable#DEFAULT}, the PKI's clock,
     * {@link #DEFAULT_MAX_PATH_CERTIFICATES}.
     */
    public static Builder builder(TestPki pki) {
        return new Builder(Objects.requireNonNull(pki, "pki"));
    }

    /** Returns the test PKI the Devices' certificates and first trust anchors come from. */
    public TestPki pki() {
        return pki;
    }

    /** Returns which cells each device type holds. */
    public TrustAnchorTable trustAnchors() {
        return table;
    }

    /** Returns the clock the Devices check validity periods against. */
    public Clock clock() {
        return clock;
    }

    /** Returns how many certification-path certificates a command may carry (DEV-3). */
    public int maxPathCertificates() {
        return maxPathCertificates;
    }

    /** Returns the SMKI environment whose profiles replacement certificates must meet. */
    public SmkiEnvironment environment() {
        return pki.environment();
    }

    /**
     * Returns the credentials a new Device of {@code type} holds: one cell per {@link TrustAnchorTable} entry,
     * filled from the PKI's Root OCA and standard Organisation Certificates, every floor 0.
     */
    public DeviceCredentials initialCredentials(DeviceType type) {
        return initial.get(Objects.requireNonNull(type, "type"));
    }

    /**
     * Returns the cell {@code id} anchoring {@code certificate}: its x500UniqueIdentifier, subject key identifier,
     * public key and, for the Root cell, its wrapped contingency key.
     *
     * @throws IllegalArgumentException when the certificate does not assert the cell's key usage, has no subject
     *     key identifier or P-256 key, or is put in the Root cell without a wrapped contingency key
     */
    public TrustAnchorCell cell(TrustAnchorCellId id, IssuedCertificate certificate) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(certificate, "certificate");
        CertificateFacts facts = CertificateFacts.parse(certificate.toDer(), contingencyExtensionOid);
        if (facts.keyUsage != id.keyUsage()) {
            throw new IllegalArgumentException(certificate + " does not assert the key usage of the " + id + " cell");
        }
        if (facts.subjectKeyId == null || facts.key == null) {
            throw new IllegalArgumentException(certificate + " has no subject key identifier or no P-256 key");
        }
        if (id.isRoot() && facts.wrappedContingencyKey == null) {
            throw new IllegalArgumentException(certificate + " carries no wrapped contingency key");
        }
        return TrustAnchorCell.of(
                id,
                facts.subjectUniqueId,
                facts.subjectKeyId,
                facts.key,
                id.isRoot() ? facts.wrappedContingencyKey : null);
    }

    /** Returns how many distinct credentials values Devices of these settings have held. */
    public int distinctCredentials() {
        return interned.size();
    }

    /** Returns the one shared instance equal to {@code credentials}. */
    DeviceCredentials intern(DeviceCredentials credentials) {
        DeviceCredentials known = interned.putIfAbsent(credentials, credentials);
        return known != null ? known : credentials;
    }

    CertificationPaths paths() {
        return paths;
    }

    private IssuedCertificate certificateFor(TrustAnchorCellId id) {
        if (id.isRoot()) {
            return pki.rootOca();
        }
        return pki.organisationCertificate(id.toOrganisationCredential().orElseThrow());
    }

    @Override
    public String toString() {
        return "DeviceSettings[" + pki + ", max " + maxPathCertificates + " path certificates]";
    }

    /** Builds {@link DeviceSettings}. */
    public static final class Builder {
        private final TestPki pki;
        private TrustAnchorTable table = TrustAnchorTable.DEFAULT;
        private Clock clock;
        private int maxPathCertificates = DEFAULT_MAX_PATH_CERTIFICATES;

        private Builder(TestPki pki) {
            this.pki = pki;
        }

        /** Gives each device type the cells {@code table} lists. */
        public Builder trustAnchors(TrustAnchorTable table) {
            this.table = Objects.requireNonNull(table, "table");
            return this;
        }

        /** Checks validity periods against {@code clock} instead of the PKI's. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Lets a command carry at most {@code count} certification-path certificates.
         *
         * @throws IllegalArgumentException when {@code count} is negative
         */
        public Builder maxPathCertificates(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("A path certificate capacity is not negative: " + count);
            }
            this.maxPathCertificates = count;
            return this;
        }

        /**
         * Returns the settings.
         *
         * @throws IllegalArgumentException when the table names a cell the PKI issues no certificate for
         */
        public DeviceSettings build() {
            return new DeviceSettings(this);
        }
    }
}
