package dev.smki.core.issuance;

import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.internal.der.HardwareModuleNames;
import dev.smki.core.internal.der.SmkiNames;
import dev.smki.core.internal.der.X509Times;
import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.profile.ValidationReport;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Builds a Device Certificate, conforming by default (certificates.md §2.6): issued by the Issuing DCA; empty
 * subject; one critical key usage; SKI; a critical subjectAltName naming the Device's EUI-64 as a
 * HardwareModuleName of the environment's hwType; the Device policy (critical); AKI; notBefore 00:00:00 of
 * the issuing day and notAfter GeneralizedTime {@code 99991231235959Z}.
 *
 * <p>The certified key is, in order of preference: the key of the {@linkplain #csr Device CSR}, a
 * {@linkplain #publicKey public key} the Device holds, a {@linkplain #key key pair} given, or the PKI's own key
 * for the Device and key usage ({@link TestPki#deviceKeyPair}). From a CSR, the key usage and subjectAltName
 * extensions are copied as requested, after the CSR has passed the Device CSR profile.
 */
public final class DeviceCertificateBuilder extends CertificateBuilder<DeviceCertificateBuilder> {

    private Eui64 device = SimulatedEui64s.device(0);
    private CertificateUsage keyUsage = CertificateUsage.DIGITAL_SIGNATURE;
    private SubjectPublicKeyInfo publicKey;
    private PKCS10CertificationRequest csr;
    private Extension csrKeyUsage;
    private Extension csrSubjectAltName;
    private final boolean keyFromOwnStream;

    /**
     * @param keyFromOwnStream whether the Device's key is the first draw of this builder's own random stream
     *     (the PKI's own Device Certificates, whose label is the Device key's label), rather than
     *     {@link TestPki#deviceKeyPair}
     */
    DeviceCertificateBuilder(TestPki pki, String label, boolean keyFromOwnStream) {
        super(pki, label);
        this.keyFromOwnStream = keyFromOwnStream;
    }

    /**
     * Issues for the Device {@code device}.
     *
     * @param device the Device's EUI-64
     * @return this builder
     */
    public DeviceCertificateBuilder device(Eui64 device) {
        this.device = Objects.requireNonNull(device, "device");
        return this;
    }

    /**
     * Asserts {@code keyUsage}.
     *
     * @param keyUsage the key usage
     * @return this builder
     */
    public DeviceCertificateBuilder keyUsage(CertificateUsage keyUsage) {
        this.keyUsage = Objects.requireNonNull(keyUsage, "keyUsage");
        return this;
    }

    /**
     * Certifies {@code publicKey}, a key the Device holds and the PKI does not.
     *
     * @param publicKey the Device's public key
     * @return this builder
     */
    public DeviceCertificateBuilder publicKey(SubjectPublicKeyInfo publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        return this;
    }

    /**
     * Certifies the Device CSR {@code csr}: its key, key usage and subjectAltName. The CSR is checked against
     * the Device CSR profile when the certificate is issued; a CSR that breaks it is refused with the
     * findings.
     *
     * @param csr the Device's certificate signing request
     * @return this builder
     */
    public DeviceCertificateBuilder csr(PKCS10CertificationRequest csr) {
        this.csr = Objects.requireNonNull(csr, "csr");
        return this;
    }

    @Override
    void prepare() {
        if (csr == null) {
            return;
        }
        ValidationReport report = CertificateValidator.validateCsr(csr, pki.csrContext());
        if (report.hasErrors()) {
            throw IssuanceRefusedException.forCsr(report.errors());
        }
        Extensions requested =
                requestedExtensions(csr).orElseThrow(() -> IssuanceRefusedException.forCsr(report.errors()));
        csrKeyUsage = requested.getExtension(Extension.keyUsage);
        csrSubjectAltName = requested.getExtension(Extension.subjectAlternativeName);
        org.bouncycastle.asn1.x509.KeyUsage bits =
                org.bouncycastle.asn1.x509.KeyUsage.getInstance(csrKeyUsage.getParsedValue());
        keyUsage = bits.hasUsages(org.bouncycastle.asn1.x509.KeyUsage.keyAgreement)
                ? CertificateUsage.KEY_AGREEMENT
                : CertificateUsage.DIGITAL_SIGNATURE;
        HardwareModuleNames.hwSerialNum(GeneralNames.getInstance(csrSubjectAltName.getParsedValue()))
                .filter(octets -> octets.length == 8)
                .map(Eui64::fromOctets)
                .ifPresent(eui -> device = eui);
    }

    static Optional<Extensions> requestedExtensions(PKCS10CertificationRequest csr) {
        Attribute[] attributes = csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        if (attributes.length != 1 || attributes[0].getAttrValues().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(Extensions.getInstance(attributes[0].getAttrValues().getObjectAt(0)));
    }

    @Override
    ProfileKind kind() {
        return ProfileKind.DEVICE;
    }

    @Override
    EcKey defaultKey(SecureRandom random) {
        if (csr != null) {
            return EcKey.fromPublicKeyInfo(csr.getSubjectPublicKeyInfo());
        }
        if (publicKey != null) {
            return EcKey.fromPublicKeyInfo(publicKey);
        }
        return keyFromOwnStream ? EcKey.generate(random) : pki.deviceKey(device, keyUsage);
    }

    @Override
    IssuedCertificate defaultIssuer() {
        return pki.issuingDca();
    }

    @Override
    Instant defaultNotAfter(Instant notBefore, IssuedCertificate issuer) {
        return X509Times.DEVICE_NOT_AFTER;
    }

    @Override
    void fill(CertificateDraft draft, SubjectPublicKeyInfo subjectPublicKey, IssuedCertificate issuer) {
        draft.subject(SmkiNames.empty());
        draft.putExtension(csrKeyUsage != null ? csrKeyUsage : keyUsage(OrganisationCertificateBuilder.bits(keyUsage)));
        draft.putExtension(subjectKeyIdentifier(subjectPublicKey));
        draft.putExtension(csrSubjectAltName != null ? csrSubjectAltName : subjectAltName(pki.hwType(), device));
        draft.putExtension(certificatePolicies(pki.devicePolicy()));
        draft.putExtension(authorityKeyIdentifier(issuer));
    }

    static Extension subjectAltName(SmkiEnvironment environment, Eui64 device) {
        return subjectAltName(new ASN1ObjectIdentifier(environment.hwType()), device);
    }

    static Extension subjectAltName(ASN1ObjectIdentifier hwType, Eui64 device) {
        return extension(
                Extension.subjectAlternativeName, true, HardwareModuleNames.subjectAltName(hwType, device.toOctets()));
    }
}
