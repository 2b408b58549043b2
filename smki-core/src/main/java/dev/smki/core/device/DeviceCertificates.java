package dev.smki.core.device;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.gbcs.GbcsSigner;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;

/**
 * A simulated Device's own Device Certificates and the private key of its Digital Signing one, looked up by the
 * Device's EUI-64 whenever they are needed rather than held by each Device, so that a million Devices stay small.
 * The test PKI gives one that derives both from its seed ({@code TestPki.deviceProvisioning()}).
 *
 * <p>The key {@link #digitalSigningKey} returns signs the responses a Device sends; it should be the private key
 * of the Digital Signing certificate {@link #certificate} returns, or the responses will not verify with it.
 * Implementations must be safe to call from several threads at once.
 */
public interface DeviceCertificates {

    /**
     * {@return the Device Certificate of {@code device} for {@code keyUsage}}
     *
     * @param device the Device's EUI-64
     * @param keyUsage the key usage
     */
    SmkiCertificate certificate(Eui64 device, CertificateUsage keyUsage);

    /**
     * {@return the private key of {@code device}'s Digital Signing certificate, which signs its responses}
     *
     * @param device the Device's EUI-64
     */
    GbcsSigner digitalSigningKey(Eui64 device);
}
