package dev.smki.core.issuance;

import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.internal.der.SmkiNames;
import java.security.KeyPair;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/**
 * Makes the PKCS#10 request a Device emits for GBCS CS02c (certificates.md §2.6, CERT-52): version 1, empty
 * subject, P-256 key, ecdsa-with-SHA256, and an extensionRequest with a critical key usage (one bit) and the
 * critical hwModuleName subjectAltName naming the Device.
 */
public final class DeviceCsr {

    private DeviceCsr() {}

    /**
     * {@return the CSR Device {@code device} makes for its {@code keyUsage} key pair {@code keyPair} in
     * {@code environment}}
     *
     * @param device the Device's EUI-64
     * @param keyUsage the key usage asked for
     * @param keyPair the Device's key pair, which signs the request
     * @param environment the environment whose hwType the request names
     */
    public static PKCS10CertificationRequest create(
            Eui64 device, CertificateUsage keyUsage, KeyPair keyPair, SmkiEnvironment environment) {
        return create(device, keyUsage, EcKey.of(keyPair), environment);
    }

    static PKCS10CertificationRequest create(
            Eui64 device, CertificateUsage keyUsage, EcKey key, SmkiEnvironment environment) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(keyUsage, "keyUsage");
        Objects.requireNonNull(environment, "environment");
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(CertificateBuilder.keyUsage(OrganisationCertificateBuilder.bits(keyUsage)));
        extensions.addExtension(DeviceCertificateBuilder.subjectAltName(environment, device));
        return new PKCS10CertificationRequestBuilder(SmkiNames.empty(), key.publicKeyInfo())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new EcdsaContentSigner(key.privateParameters()));
    }
}
