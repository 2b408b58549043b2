package dev.smki.core.profile;

import static dev.smki.core.profile.TestHierarchy.ROOT_OCA;
import static dev.smki.core.profile.TestHierarchy.ROOT_OCA_KEY;
import static dev.smki.core.profile.TestHierarchy.SUPPLIER;
import static dev.smki.core.profile.TestHierarchy.organisationName;
import static dev.smki.core.profile.TestHierarchy.policies;
import static dev.smki.core.profile.TestHierarchy.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

class OrganisationProfileTests implements CertificateProfileContract {

    @Override
    public ProfileKind profile() {
        return ProfileKind.ORGANISATION;
    }

    @Override
    public Set<String> notCheckedWithoutIssuers() {
        return Set.of("CERT-12", "CERT-13", "CERT-37");
    }

    @Override
    public List<Breaker> breakers() {
        List<Breaker> breakers = new ArrayList<>(CommonBreakers.forProfile(profile()));
        breakers.add(Breaker.of(
                "CERT-28", "issued by the Root OCA directly", s -> s.issuedBy(ROOT_OCA, ROOT_OCA_KEY.getPrivate())));
        breakers.add(Breaker.of(
                "CERT-29",
                "keyUsage digitalSignature and keyAgreement",
                s -> s.extension(
                        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))));
        breakers.add(Breaker.of(
                "CERT-30",
                "basicConstraints with cA TRUE",
                s -> s.extension(Extension.basicConstraints, true, new BasicConstraints(true))));
        breakers.add(
                Breaker.of("CERT-31", "the CA role OU=07", s -> s.subject(organisationName(null, "07", SUPPLIER))));
        breakers.add(Breaker.of(
                "CERT-31", "a lower-case role OU=7f", s -> s.subject(organisationName(null, "7f", SUPPLIER))));
        breakers.add(Breaker.of(
                "CERT-32",
                "a 63-bit unique identifier",
                s -> s.subject(new X500Name(new RDN[] {
                    new RDN(BCStyle.OU, new DERUTF8String("02")),
                    new RDN(new AttributeTypeAndValue(
                            BCStyle.UNIQUE_IDENTIFIER, new DERBitString(TestHierarchy.eui(SUPPLIER), 1)))
                }))));
        breakers.add(Breaker.of(
                "CERT-33",
                "an O attribute",
                s -> s.subject(withRdn(
                        organisationName(null, "02", SUPPLIER), new RDN(BCStyle.O, new DERUTF8String("DCC"))))));
        breakers.add(Breaker.of(
                "CERT-34",
                "OU as PrintableString",
                s -> s.subject(new X500Name(new RDN[] {
                    new RDN(BCStyle.OU, new DERPrintableString("02")),
                    new RDN(new AttributeTypeAndValue(
                            BCStyle.UNIQUE_IDENTIFIER, new DERBitString(TestHierarchy.eui(SUPPLIER))))
                }))));
        breakers.add(Breaker.of(
                "CERT-35",
                "a subjectAltName",
                s -> s.extension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "supplier.example")))));
        breakers.add(Breaker.of(
                "CERT-36",
                "two policies",
                s -> s.extension(
                        Extension.certificatePolicies,
                        true,
                        policies(TestHierarchy.ENV.issuedOrganisationPolicy(), "1.2.3.4"))));
        breakers.add(Breaker.of(
                        "CERT-37",
                        "notAfter after the Issuing OCA's",
                        s -> s.notBefore(utc("310101000000Z")).notAfter(utc("401231235959Z")))
                .inContext(c -> c.at(Instant.parse("2035-01-01T00:00:00Z"))));
        breakers.add(Breaker.of("CERT-37a", "a 5-year validity", s -> s.notAfter(utc("300901235959Z"))));
        breakers.add(Breaker.of(
                        "CERT-38",
                        "an ACB digital-signature certificate offered as a device trust anchor",
                        s -> s.subject(organisationName(null, "04", SUPPLIER)))
                .inContext(ValidationContext.Builder::offeredAsTrustAnchor));
        return breakers;
    }

    private static X500Name withRdn(X500Name name, RDN extra) {
        RDN[] rdns = name.getRDNs();
        RDN[] more = new RDN[rdns.length + 1];
        System.arraycopy(rdns, 0, more, 0, rdns.length);
        more[rdns.length] = extra;
        return new X500Name(more);
    }

    @Test
    void signatureAlgorithmWithNullParametersIsAnErrorOfCert3() {
        var broken = TestHierarchy.organisation()
                .signatureAlgorithm(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256, DERNull.INSTANCE))
                .build();

        ValidationReport report = CertificateValidator.validate(broken, TestHierarchy.context());

        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.rule().id().value()).isEqualTo("CERT-3");
            assertThat(f.actual()).contains("NULL");
        });
    }

    @Test
    void optionalCommonNameInUtf8IsAccepted() {
        var named = TestHierarchy.organisation()
                .subject(organisationName("GITTESTSUPPLIER", "02", SUPPLIER))
                .build();

        assertThat(CertificateValidator.validate(named, TestHierarchy.context()).findings())
                .isEmpty();
    }

    @Test
    void everyEndEntityRoleWithItsAnchorUsageIsClean() {
        for (String ou : List.of("01", "03", "05", "06", "08", "7F")) {
            var certificate = TestHierarchy.organisation()
                    .subject(organisationName(null, ou, SUPPLIER))
                    .build();
            assertThat(CertificateValidator.validate(certificate, TestHierarchy.context())
                            .findings())
                    .as("OU=%s", ou)
                    .isEmpty();
        }
    }
}
