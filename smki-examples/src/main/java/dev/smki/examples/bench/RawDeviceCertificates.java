package dev.smki.examples.bench;

import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.SimulatedEui64s;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The issuance baseline: Device Certificates made with raw Bouncy Castle through JCA, the way an application
 * without this library would. Per certificate: a P-256 key pair from a JCA {@code KeyPairGenerator}, a
 * {@link JcaX509v3CertificateBuilder} certificate shaped like an SMKI Device Certificate (empty subject,
 * 16-octet serial, notAfter 9999-12-31T23:59:59Z as GeneralizedTime, critical keyUsage, 8-octet SKI, critical
 * hardwareModuleName subjectAltName, critical certificatePolicies, AKI), signed SHA256withECDSA by the Issuing
 * DCA key with a {@link JcaContentSignerBuilder}; no checks.
 */
final class RawDeviceCertificates implements Workload {

    private static final ASN1ObjectIdentifier ID_ON_HARDWARE_MODULE_NAME =
            new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.4");
    private static final X500Name EMPTY_SUBJECT = new X500Name(new RDN[0]);
    private static final Time NOT_AFTER = new Time(new ASN1GeneralizedTime("99991231235959Z"));

    private final PrivateKey issuerKey;
    private final X500Name issuerName;
    private final AuthorityKeyIdentifier authorityKeyIdentifier;
    private final CertificatePolicies policies;
    private final ASN1ObjectIdentifier hwType;
    private final Time notBefore;

    /**
     * Returns the baseline issuing as {@code issuer} (its private key re-imported through the baseline's own
     * provider) in {@code environment}, dating certificates from {@code notBefore}.
     */
    RawDeviceCertificates(IssuedCertificate issuer, SmkiEnvironment environment, Instant notBefore) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(environment, "environment");
        try {
            this.issuerKey = KeyFactory.getInstance("EC", RawBouncyCastle.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(
                            issuer.privateKeyInfo().orElseThrow().getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot import the issuer key", e);
        }
        this.issuerName = issuer.certificate().getSubject();
        this.authorityKeyIdentifier = new AuthorityKeyIdentifier(issuer.subjectKeyIdentifier());
        this.policies = new CertificatePolicies(
                new PolicyInformation(new ASN1ObjectIdentifier(environment.issuedDevicePolicy())));
        this.hwType = new ASN1ObjectIdentifier(environment.hwType());
        this.notBefore = new Time(Date.from(notBefore));
    }

    /** Returns the key usage of item {@code item}: digital signature for even items, key agreement for odd ones. */
    static CertificateUsage keyUsage(long item) {
        return item % 2 == 0 ? CertificateUsage.DIGITAL_SIGNATURE : CertificateUsage.KEY_AGREEMENT;
    }

    /** Returns the Device of item {@code item}: the simulated Device identifiers in turn. */
    static Eui64 device(long item) {
        long capacity = SimulatedEui64s.DEVICES.size().longValueExact();
        return SimulatedEui64s.device(item % capacity);
    }

    @Override
    public Worker newWorker() {
        ThreadState state = new ThreadState();
        return item -> encoded(state.issue(item)).length;
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the certificate the baseline makes for item {@code item}, on a worker of its own. */
    X509CertificateHolder issue(long item) {
        return new ThreadState().issue(item);
    }

    /** What one thread needs: its key pair generator, random source and extension utilities. */
    private final class ThreadState {
        private final SecureRandom random;
        private final KeyPairGenerator generator;
        private final JcaX509ExtensionUtils extensionUtils;

        ThreadState() {
            try {
                random = SecureRandom.getInstance("DRBG");
                generator = KeyPairGenerator.getInstance("EC", RawBouncyCastle.PROVIDER);
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                extensionUtils = new JcaX509ExtensionUtils();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot set up the raw Bouncy Castle baseline", e);
            }
        }

        X509CertificateHolder issue(long item) {
            KeyPair keyPair = generator.generateKeyPair();
            byte[] serial = new byte[16];
            random.nextBytes(serial);
            serial[0] = (byte) (1 + (serial[0] & 0xFF) % 0x7F);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerName, new BigInteger(1, serial), notBefore, NOT_AFTER, EMPTY_SUBJECT, keyPair.getPublic());
            int bits = keyUsage(item) == CertificateUsage.DIGITAL_SIGNATURE
                    ? org.bouncycastle.asn1.x509.KeyUsage.digitalSignature
                    : org.bouncycastle.asn1.x509.KeyUsage.keyAgreement;
            SubjectKeyIdentifier ski = extensionUtils.createTruncatedSubjectKeyIdentifier(keyPair.getPublic());
            try {
                builder.addExtension(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(bits));
                builder.addExtension(Extension.subjectKeyIdentifier, false, ski);
                builder.addExtension(Extension.subjectAlternativeName, true, subjectAltName(device(item)));
                builder.addExtension(Extension.certificatePolicies, true, policies);
                builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier);
                return builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                        .setProvider(RawBouncyCastle.PROVIDER)
                        .setSecureRandom(random)
                        .build(issuerKey));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OperatorCreationException e) {
                throw new IllegalStateException("Cannot sign", e);
            }
        }

        private GeneralNames subjectAltName(Eui64 device) {
            ASN1Encodable hardwareModuleName =
                    new DERSequence(new ASN1Encodable[] {hwType, new DEROctetString(device.toOctets())});
            return new GeneralNames(new GeneralName(
                    GeneralName.otherName, new OtherName(ID_ON_HARDWARE_MODULE_NAME, hardwareModuleName)));
        }
    }
}
