package dev.smki.core.profile;

import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.Eui64;
import dev.smki.core.internal.der.HardwareModuleNames;
import dev.smki.core.testing.TestKeys;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A test hierarchy shaped like the DCC's public test certificates (certificates.md §2): Root OCA {@code OU=00,
 * CN=ZA}, Issuing OCA {@code OU=07, CN=Z1}, Root DCA {@code CN=R1}, Issuing DCA {@code CN=E357}, and
 * conforming specs for Organisation and Device certificates under them, in the {@code dcc-test} environment.
 */
final class TestHierarchy {

    static final SmkiEnvironment ENV = SmkiEnvironment.DCC_TEST;

    /** An instant inside the validity of every certificate the hierarchy makes. */
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    static final KeyPair ROOT_OCA_KEY = TestKeys.key(0);
    static final KeyPair ISSUING_OCA_KEY = TestKeys.key(1);
    static final KeyPair ROOT_DCA_KEY = TestKeys.key(2);
    static final KeyPair ISSUING_DCA_KEY = TestKeys.key(3);
    static final KeyPair ORGANISATION_KEY = TestKeys.key(10);
    static final KeyPair DEVICE_KEY = TestKeys.key(20);
    static final KeyPair OTHER_KEY = TestKeys.key(50);

    static final Eui64 SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
    static final Eui64 METER = Eui64.parse("00-DB-12-34-56-78-90-A0");

    private static final AtomicLong SERIALS = new AtomicLong(0x71872BDBC82789BCL);

    static final X509CertificateHolder ROOT_OCA = rootOca().build();
    static final X509CertificateHolder ISSUING_OCA = issuingOca().build();
    static final X509CertificateHolder ROOT_DCA = rootDca().build();
    static final X509CertificateHolder ISSUING_DCA = issuingDca().build();

    private TestHierarchy() {}

    /** Returns the conforming spec of the given certificate profile. */
    static CertificateSpec conforming(ProfileKind profile) {
        return switch (profile) {
            case ROOT_OCA -> rootOca();
            case ISSUING_OCA -> issuingOca();
            case ROOT_DCA -> rootDca();
            case ISSUING_DCA -> issuingDca();
            case ORGANISATION -> organisation();
            case DEVICE -> device();
            case DEVICE_CSR -> throw new IllegalArgumentException("A CSR is not a certificate");
        };
    }

    /** Returns a context in {@code dcc-test} at {@link #AT} holding the four CA certificates as issuers. */
    static ValidationContext context() {
        return contextBuilder().build();
    }

    static ValidationContext.Builder contextBuilder() {
        return ValidationContext.builder(ENV, AT).issuers(List.of(ROOT_OCA, ISSUING_OCA, ROOT_DCA, ISSUING_DCA));
    }

    /** The Root OCA {@code OU=00, CN=ZA}: self-signed, keyCertSign + cRLSign, cA, contingency key. */
    static CertificateSpec rootOca() {
        return base(ROOT_OCA_KEY)
                .subject(caName("00", "ZA"))
                .issuer(caName("00", "ZA"))
                .notBefore(utc("151028000000Z"))
                .notAfter(utc("451027235959Z"))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .extension(Extension.basicConstraints, true, new BasicConstraints(true))
                .extension(Extension.certificatePolicies, true, policies(ENV.issuedOrganisationPolicy()))
                .computedSubjectKeyId()
                .extension(
                        new ASN1ObjectIdentifier(ENV.contingencyKeyExtension()),
                        false,
                        new DEROctetString(new byte[40]))
                .signedBy(ROOT_OCA_KEY.getPrivate());
    }

    /** The Issuing OCA {@code OU=07, CN=Z1}, shaped like H01: keyCertSign + cRLSign, cA with pathLen 0. */
    static CertificateSpec issuingOca() {
        return base(ISSUING_OCA_KEY)
                .subject(caName("07", "Z1"))
                .notBefore(utc("151029000000Z"))
                .notAfter(utc("401028235959Z"))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                .extension(Extension.certificatePolicies, true, policies(ENV.issuedOrganisationPolicy()))
                .computedSubjectKeyId()
                .issuedBy(ROOT_OCA, ROOT_OCA_KEY.getPrivate());
    }

    /** The Root DCA {@code CN=R1}: self-signed, keyCertSign + cRLSign, cA. */
    static CertificateSpec rootDca() {
        return base(ROOT_DCA_KEY)
                .subject(caName(null, "R1"))
                .issuer(caName(null, "R1"))
                .notBefore(utc("150101000000Z"))
                .notAfter(utc("451231235959Z"))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .extension(Extension.basicConstraints, true, new BasicConstraints(true))
                .extension(Extension.certificatePolicies, true, policies(ENV.issuedDevicePolicy()))
                .computedSubjectKeyId()
                .signedBy(ROOT_DCA_KEY.getPrivate());
    }

    /** The Issuing DCA {@code CN=E357}: keyCertSign + cRLSign, cA with pathLen 0. */
    static CertificateSpec issuingDca() {
        return base(ISSUING_DCA_KEY)
                .subject(caName(null, "E357"))
                .notBefore(utc("160101000000Z"))
                .notAfter(utc("401231235959Z"))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                .extension(Extension.certificatePolicies, true, policies(ENV.issuedDevicePolicy()))
                .computedSubjectKeyId()
                .issuedBy(ROOT_DCA, ROOT_DCA_KEY.getPrivate());
    }

    /** A Supplier digital-signature Organisation Certificate, shaped like the 2025 re-issued ZAZ1 ones. */
    static CertificateSpec organisation() {
        return base(ORGANISATION_KEY)
                .subject(organisationName(null, "02", SUPPLIER))
                .notBefore(utc("250901000000Z"))
                .notAfter(utc("350901235959Z"))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .computedSubjectKeyId()
                .extension(Extension.certificatePolicies, true, policies(ENV.issuedOrganisationPolicy()))
                .issuedBy(ISSUING_OCA, ISSUING_OCA_KEY.getPrivate());
    }

    /** A digital-signature Device Certificate shaped like the RTDS ones: empty subject, issued by E357. */
    static CertificateSpec device() {
        return base(DEVICE_KEY)
                .subject(new X500Name(new RDN[0]))
                .notBefore(utc("160406000000Z"))
                .notAfter(generalized("99991231235959Z"))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .computedSubjectKeyId()
                .extension(Extension.subjectAlternativeName, true, hardwareModuleName(ENV.hwType(), eui(METER)))
                .extension(Extension.certificatePolicies, true, policies(ENV.issuedDevicePolicy()))
                .issuedBy(ISSUING_DCA, ISSUING_DCA_KEY.getPrivate());
    }

    private static CertificateSpec base(KeyPair key) {
        return new CertificateSpec().serial(nextSerial()).publicKey(spki(key));
    }

    /** Returns a fresh 16-octet positive serial number. */
    static BigInteger nextSerial() {
        return BigInteger.ONE
                .shiftLeft(120)
                .or(BigInteger.valueOf(SERIALS.incrementAndGet()).shiftLeft(40));
    }

    static SubjectPublicKeyInfo spki(KeyPair key) {
        return SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
    }

    /** Returns a CA name in PrintableString: {@code OU=ou, CN=cn}, or {@code CN=cn} when {@code ou} is null. */
    static X500Name caName(String ou, String cn) {
        RDN cnRdn = new RDN(BCStyle.CN, new DERPrintableString(cn));
        return ou == null
                ? new X500Name(new RDN[] {cnRdn})
                : new X500Name(new RDN[] {new RDN(BCStyle.OU, new DERPrintableString(ou)), cnRdn});
    }

    /** Returns an Organisation subject in UTF8String: optional CN, the role OU, the 64-bit unique identifier. */
    static X500Name organisationName(String cn, String ou, Eui64 party) {
        RDN ouRdn = new RDN(BCStyle.OU, new DERUTF8String(ou));
        RDN uid = new RDN(new AttributeTypeAndValue(BCStyle.UNIQUE_IDENTIFIER, new DERBitString(eui(party))));
        return cn == null
                ? new X500Name(new RDN[] {ouRdn, uid})
                : new X500Name(new RDN[] {new RDN(BCStyle.CN, new DERUTF8String(cn)), ouRdn, uid});
    }

    static CertificatePolicies policies(String... oids) {
        PolicyInformation[] infos = new PolicyInformation[oids.length];
        for (int i = 0; i < oids.length; i++) {
            infos[i] = new PolicyInformation(new ASN1ObjectIdentifier(oids[i]));
        }
        return new CertificatePolicies(infos);
    }

    /** Returns a subjectAltName holding one hwModuleName otherName (RFC 4108). */
    static GeneralNames hardwareModuleName(String hwType, byte[] serial) {
        return new GeneralNames(new GeneralName(
                GeneralName.otherName,
                new OtherName(HardwareModuleNames.ID_ON_HARDWARE_MODULE_NAME, new DERSequence(new ASN1Encodable[] {
                    new ASN1ObjectIdentifier(hwType), new DEROctetString(serial)
                }))));
    }

    static byte[] eui(Eui64 eui) {
        return eui.toOctets();
    }

    static Time utc(String text) {
        return new Time(new ASN1UTCTime(text));
    }

    static Time generalized(String text) {
        return new Time(new ASN1GeneralizedTime(text));
    }
}
