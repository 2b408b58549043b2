package dev.smki.core.device;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.DeviceType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated Devices of one PKI share: what they are provisioned with ({@link DeviceProvisioning}: the
 * certificates of their first trust anchors, their own Device Certificates and keys), the {@link TrustAnchorTable},
 * the clock against which they check validity periods, how many certification-path certificates a command may
 * carry, and the memos that let a million Devices stay small.
 *
 * <p>Three things are shared rather than held per Device: credentials ({@link DeviceCredentials} values are
 * interned, so Devices in the same state reference one instance), certification-path verdicts (a pure function
 * of certificate bytes and Root key, see {@link CertificationPaths}), and the contingency key unwrapped from a
 * shared Root cell with a Symmetric Key (a pure function of the two, kept by the cell). The per-command ECDSA
 * verification is never memoised.
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

    private final DeviceProvisioning provisioning;
    private final TrustAnchorTable table;
    private final Clock clock;
    private final int maxPathCertificates;
    private final CertificationPaths paths;
    private final ConcurrentHashMap<DeviceCredentials, DeviceCredentials> interned = new ConcurrentHashMap<>();
    private final Map<DeviceType, DeviceCredentials> initial;

    private DeviceSettings(Builder builder) {
        this.provisioning = builder.provisioning;
        this.table = builder.table;
        this.clock = builder.clock != null ? builder.clock : provisioning.clock();
        this.maxPathCertificates = builder.maxPathCertificates;
        this.paths = new CertificationPaths(provisioning.environment(), provisioning.contingencyKeyExtension());
        Map<TrustAnchorCellId, TrustAnchorCell> cellsById = new HashMap<>();
        EnumMap<DeviceType, DeviceCredentials> byType = new EnumMap<>(DeviceType.class);
        for (DeviceType type : DeviceType.values()) {
            List<TrustAnchorCell> cells = new ArrayList<>();
            for (TrustAnchorCellId id : table.cells(type)) {
                cells.add(cellsById.computeIfAbsent(id, cell -> cell(cell, provisioning.anchorCertificate(cell))));
            }
            byType.put(type, intern(DeviceCredentials.of(cells)));
        }
        this.initial = Collections.unmodifiableMap(byType);
    }

    /**
     * {@return the default settings for Devices provisioned with {@code provisioning}}
     *
     * @param provisioning the Device Certificates, keys and trust-anchor certificates the Devices are made with
     */
    public static DeviceSettings of(DeviceProvisioning provisioning) {
        return builder(provisioning).build();
    }

    /**
     * {@return a builder for Devices provisioned with {@code provisioning}} Defaults: {@link TrustAnchorTable#DEFAULT},
     * the provisioning's clock, {@link #DEFAULT_MAX_PATH_CERTIFICATES}.
     *
     * @param provisioning the Device Certificates, keys and trust-anchor certificates the Devices are made with
     */
    public static Builder builder(DeviceProvisioning provisioning) {
        return new Builder(Objects.requireNonNull(provisioning, "provisioning"));
    }

    /** {@return what the Devices are provisioned with: first trust anchors, own certificates and keys} */
    public DeviceProvisioning provisioning() {
        return provisioning;
    }

    /** {@return which cells each device type holds} */
    public TrustAnchorTable trustAnchors() {
        return table;
    }

    /** {@return the clock the Devices check validity periods against} */
    public Clock clock() {
        return clock;
    }

    /** {@return how many certification-path certificates a command may carry (DEV-3)} */
    public int maxPathCertificates() {
        return maxPathCertificates;
    }

    /** {@return the SMKI environment whose profiles replacement certificates must meet} */
    public SmkiEnvironment environment() {
        return provisioning.environment();
    }

    /** {@return the OID of the extension in which a Root OCA certificate carries its wrapped contingency key} */
    public String contingencyKeyExtension() {
        return provisioning.contingencyKeyExtension();
    }

    /**
     * {@return the credentials a new Device of {@code type} holds: one cell per {@link TrustAnchorTable} entry,
     * filled from the provisioned certificates ({@link DeviceProvisioning#anchorCertificates()}), every floor 0}
     *
     * @param type the device type
     */
    public DeviceCredentials initialCredentials(DeviceType type) {
        return initial.get(Objects.requireNonNull(type, "type"));
    }

    /**
     * {@return the cell {@code id} anchoring {@code certificate}: its x500UniqueIdentifier, subject key identifier,
     * public key and, for the Root cell, the wrapped contingency key it carries in the
     * {@linkplain #contingencyKeyExtension() contingency key extension}}
     *
     * @param id the cell's identifier
     * @param certificate the certificate the cell anchors
     * @throws IllegalArgumentException when the certificate does not assert the cell's key usage, has no subject
     *     key identifier or P-256 key, or is put in the Root cell without a wrapped contingency key
     */
    public TrustAnchorCell cell(TrustAnchorCellId id, SmkiCertificate certificate) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(certificate, "certificate");
        return TrustAnchorCell.anchoring(id, certificate, provisioning.contingencyKeyExtension());
    }

    /** {@return how many distinct credentials values Devices of these settings have held} */
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

    @Override
    public String toString() {
        return "DeviceSettings[" + provisioning + ", max " + maxPathCertificates + " path certificates]";
    }

    /** Builds {@link DeviceSettings}. */
    public static final class Builder {
        private final DeviceProvisioning provisioning;
        private TrustAnchorTable table = TrustAnchorTable.DEFAULT;
        private Clock clock;
        private int maxPathCertificates = DEFAULT_MAX_PATH_CERTIFICATES;

        private Builder(DeviceProvisioning provisioning) {
            this.provisioning = provisioning;
        }

        /**
         * Gives each device type the cells {@code table} lists.
         *
         * @param table the trust-anchor table to use
         * @return this builder
         */
        public Builder trustAnchors(TrustAnchorTable table) {
            this.table = Objects.requireNonNull(table, "table");
            return this;
        }

        /**
         * Checks validity periods against {@code clock} instead of the provisioning's.
         *
         * @param clock the clock to check validity periods against
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Lets a command carry at most {@code count} certification-path certificates.
         *
         * @param count the most certification-path certificates a command may carry
         * @return this builder
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
         * {@return the settings}
         *
         * @throws IllegalArgumentException when the table names a cell the provisioning gives no certificate for,
         *     or a certificate cannot anchor its cell
         */
        public DeviceSettings build() {
            return new DeviceSettings(this);
        }
    }
}
