package dev.smki.core.profile;

import static dev.smki.core.profile.TestHierarchy.ISSUING_OCA;
import static dev.smki.core.profile.TestHierarchy.ISSUING_OCA_KEY;
import static dev.smki.core.profile.TestHierarchy.METER;
import static dev.smki.core.profile.TestHierarchy.eui;
import static dev.smki.core.profile.TestHierarchy.generalized;
import static dev.smki.core.profile.TestHierarchy.hardwareModuleName;
import static dev.smki.core.profile.TestHierarchy.policies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.internal.der.HardwareModuleNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.junit.jupiter.api.Test;

class DeviceProfileTests implements CertificateProfileContract {

    @Override
    public ProfileKind profile() {
        return ProfileKind.DEVICE;
    }

    @Override
    public Set<String> notCheckedWithoutIssuers() {
        return Set.of("CERT-12", "CERT-13", "CERT-42");
    }

    @Override
    public List<Breaker> breakers() {
        List<Breaker> breakers = new ArrayList<>(CommonBreakers.forProfile(profile()));
        breakers.add(Breaker.of(
                "CERT-39", "issued by the Issuing OCA", s -> s.issuedBy(ISSUING_OCA, ISSUING_OCA_KEY.getPrivate())));
        breakers.add(Breaker.of("CERT-40", "a subject CN", s -> s.subject(new X500Name("CN=00DB1234567890A0"))));
        breakers.add(Breaker.of("CERT-41", "notAfter 2099", s -> s.notAfter(generalized("20991231235959Z"))));
        breakers.add(Breaker.of("CERT-42", "notBefore after the issuance instant", s -> s)
                .inContext(c -> c.preIssuance().at(Instant.parse("2015-01-01T00:00:00Z"))));
        breakers.add(Breaker.of(
                "CERT-43",
                "keyUsage digitalSignature and nonRepudiation",
                s -> s.extension(
                        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))));
        breakers.add(Breaker.of(
                "CERT-44", "a non-critical subjectAltName", s -> s.critical(Extension.subjectAlternativeName, false)));
        breakers.add(Breaker.of(
                "CERT-45",
                "a dNSName beside the hwModuleName",
                s -> s.extension(Extension.subjectAlternativeName, true, new GeneralNames(new GeneralName[] {
                    hardwareModuleName(TestHierarchy.ENV.hwType(), eui(METER)).getNames()[0],
                    new GeneralName(GeneralName.dNSName, "meter.example")
                }))));
        breakers.add(Breaker.of(
                "CERT-46",
                "an otherName value that is a string",
                s -> s.extension(
                        Extension.subjectAlternativeName,
                        true,
                        new GeneralNames(new GeneralName(
                                GeneralName.otherName,
                                new OtherName(
                                        HardwareModuleNames.ID_ON_HARDWARE_MODULE_NAME,
                                        new DERUTF8String("meter")))))));
        breakers.add(Breaker.of(
                "CERT-47",
                "a 7-octet hwSerialNum",
                s -> s.extension(
                        Extension.subjectAlternativeName,
                        true,
                        hardwareModuleName(TestHierarchy.ENV.hwType(), Arrays.copyOf(eui(METER), 7)))));
        breakers.add(Breaker.of(
                "CERT-48",
                "the DCC Boxed emulator's hwType",
                s -> s.extension(
                        Extension.subjectAlternativeName,
                        true,
                        hardwareModuleName("1.2.826.0.1372.1.1.2.1", eui(METER)))));
        breakers.add(Breaker.of(
                "CERT-49",
                "both test Device policies",
                s -> s.extension(
                        Extension.certificatePolicies,
                        true,
                        policies(TestHierarchy.ENV.devicePolicies().toArray(String[]::new)))));
        breakers.add(Breaker.of(
                "CERT-50",
                "an extendedKeyUsage",
                s -> s.extension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))));
        return breakers;
    }

    @Test
    void nonRepudiationIsAnErrorOfCert43() {
        var broken = TestHierarchy.device()
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .build();

        ValidationReport report = CertificateValidator.validate(broken, TestHierarchy.context());

        assertThat(report.checkedProfile()).contains(ProfileKind.DEVICE);
        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.rule().id().value()).isEqualTo("CERT-43");
            assertThat(f.actual()).isEqualTo("keyUsage {digitalSignature, nonRepudiation}");
        });
    }

    @Test
    void missingSubjectKeyIdentifierIsAnErrorOfCert7() {
        var broken =
                TestHierarchy.device().without(Extension.subjectKeyIdentifier).build();

        ValidationReport report = CertificateValidator.validate(broken, TestHierarchy.context());

        assertThat(report.errors()).extracting(f -> f.rule().id().value()).containsExactly("CERT-7");
    }

    @Test
    void keyAgreementCertificateAndTheOtherTestPolicyAreClean() {
        var keyAgreement = TestHierarchy.device()
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyAgreement))
                .extension(Extension.certificatePolicies, true, policies("1.2.826.0.1.1800000.1.2.1.4"))
                .build();

        assertThat(CertificateValidator.validate(keyAgreement, TestHierarchy.context())
                        .findings())
                .isEmpty();
    }

    @Test
    void describesTheDeviceByItsHardwareSerialNumber() {
        ValidationReport report = CertificateValidator.validate(conformingCertificate(), TestHierarchy.context());

        assertThat(report.subject()).startsWith("device " + METER);
    }

    @Test
    void theWrongEnvironmentNamesTheExpectedOids() {
        ValidationReport report = CertificateValidator.validate(
                conformingCertificate(), ValidationContext.of(SmkiEnvironment.SIM, TestHierarchy.AT));

        assertThat(report.findings()).extracting(f -> f.rule().id().value()).containsExactly("CERT-48", "CERT-49");
        assertThat(report.findings().get(0).expected()).contains(SmkiEnvironment.SIM.hwType());
    }

    @Test
    void unknownHardwareModuleNameTypeIsNotDetectedAsDevice() {
        var other = TestHierarchy.device()
                .extension(
                        Extension.subjectAlternativeName,
                        true,
                        new GeneralNames(new GeneralName(
                                GeneralName.otherName,
                                new OtherName(new ASN1ObjectIdentifier("1.2.3.4"), new DERUTF8String("x")))))
                .build();

        assertThat(CertificateValidator.validate(other, TestHierarchy.context()).checkedProfile())
                .contains(ProfileKind.ORGANISATION);
    }
}
