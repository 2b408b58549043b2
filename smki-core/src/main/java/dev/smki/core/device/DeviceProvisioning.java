package dev.smki.core.device;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.Eui64Range;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What simulated Devices are provisioned with by a PKI: the certificates of their first trust anchors, their own
 * Device Certificates and Digital Signing keys, the SMKI environment whose profiles a replacement certificate must
 * meet, and the PKI's clock. Only certificates and keys: a Device never sees the PKI that issued them.
 *
 * <p>A test PKI gives its own in one call, {@code TestPki.deviceProvisioning()}; a caller with another source
 * of certificates makes one with the constructor:
 *
 * <pre>{@code
 * DeviceProvisioning provisioning = new DeviceProvisioning(
 *         SmkiEnvironment.SIM,
 *         SmkiEnvironment.SIM.contingencyKeyExtension(),
 *         Map.of(TrustAnchorCellId.ROOT, rootOca, TrustAnchorCellId.RECOVERY, recoveryDs, ...),
 *         deviceCertificates,
 *         Eui64Range.of(first, last),
 *         clock);
 * Fleet fleet = Fleet.builder(provisioning).devices(DeviceType.ESME, 1000).build();
 * }</pre>
 *
 * @param environment the SMKI environment whose profiles a replacement certificate must meet
 * @param contingencyKeyExtension the dotted OID of the extension in which a Root OCA certificate carries its
 *     wrapped contingency key, usually {@link SmkiEnvironment#contingencyKeyExtension()}
 * @param anchorCertificates the certificate each trust-anchor cell holds when a Device is made: the Root OCA in
 *     {@link TrustAnchorCellId#ROOT} and an Organisation Certificate in each other cell a device type holds
 *     ({@link TrustAnchorTable}); kept in cell order
 * @param deviceCertificates the Devices' own Device Certificates and Digital Signing keys
 * @param deviceEui64s the block of EUI-64s the simulated Devices are numbered in: a fleet numbers its Devices
 *     from the first one unless told otherwise
 * @param clock the clock Devices check validity periods against, unless their {@link DeviceSettings} give
 *     another
 */
public record DeviceProvisioning(
        SmkiEnvironment environment,
        String contingencyKeyExtension,
        Map<TrustAnchorCellId, SmkiCertificate> anchorCertificates,
        DeviceCertificates deviceCertificates,
        Eui64Range deviceEui64s,
        Clock clock) {

    /**
     * Checks the components and keeps an unmodifiable copy of the trust anchors.
     *
     * @param environment the SMKI environment whose profiles a replacement certificate must meet
     * @param contingencyKeyExtension the dotted OID of the extension in which a Root OCA certificate carries its
     *     wrapped contingency key, usually {@link SmkiEnvironment#contingencyKeyExtension()}
     * @param anchorCertificates the certificate each trust-anchor cell holds when a Device is made: the Root OCA in
     *     {@link TrustAnchorCellId#ROOT} and an Organisation Certificate in each other cell a device type holds ({@link
     *     TrustAnchorTable}); kept in cell order
     * @param deviceCertificates the Devices' own Device Certificates and Digital Signing keys
     * @param deviceEui64s the block of EUI-64s the simulated Devices are numbered in: a fleet numbers its Devices from
     *     the first one unless told otherwise
     * @param clock the clock Devices check validity periods against, unless their {@link DeviceSettings} give another
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when no certificate is given for the Root cell
     */
    public DeviceProvisioning {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(contingencyKeyExtension, "contingencyKeyExtension");
        Objects.requireNonNull(anchorCertificates, "anchorCertificates");
        Objects.requireNonNull(deviceCertificates, "deviceCertificates");
        Objects.requireNonNull(deviceEui64s, "deviceEui64s");
        Objects.requireNonNull(clock, "clock");
        TreeMap<TrustAnchorCellId, SmkiCertificate> anchors = new TreeMap<>();
        anchorCertificates.forEach((cell, certificate) ->
                anchors.put(Objects.requireNonNull(cell, "cell"), Objects.requireNonNull(certificate, "certificate")));
        if (!anchors.containsKey(TrustAnchorCellId.ROOT)) {
            throw new IllegalArgumentException("Devices need a Root OCA certificate for their root cell");
        }
        anchorCertificates = Collections.unmodifiableMap(anchors);
    }

    /**
     * {@return the certificate cell {@code cell} holds when a Device is made}
     *
     * @param cell the trust-anchor cell
     * @throws IllegalArgumentException when no certificate is given for it
     */
    public SmkiCertificate anchorCertificate(TrustAnchorCellId cell) {
        SmkiCertificate certificate = anchorCertificates.get(Objects.requireNonNull(cell, "cell"));
        if (certificate == null) {
            throw new IllegalArgumentException("No certificate is provisioned for the " + cell + " cell");
        }
        return certificate;
    }

    /** Returns the Root OCA's description, the number of cells, the environment and the device block. */
    @Override
    public String toString() {
        return "DeviceProvisioning[root "
                + anchorCertificates.get(TrustAnchorCellId.ROOT).describe() + ", " + anchorCertificates.size()
                + " cells, " + environment.name() + ", devices " + deviceEui64s + "]";
    }
}
