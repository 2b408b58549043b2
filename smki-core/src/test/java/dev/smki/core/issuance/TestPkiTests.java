package dev.smki.core.issuance;

import static dev.smki.core.issuance.IssuanceAssertions.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.contingency.WrappedApexContingencyKey;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.internal.crypto.BouncyCastle;
import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.profile.Finding;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.testing.TestKeys;
import dev.smki.core.testing.TestPkis;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TestPkiTests {

    private static final TestPki PKI = TestPkis.seeded(7);
    private static final Eui64 METER = SimulatedEui64s.device(0);

    private static List<IssuedCertificate> everyCertificate(TestPki pki) {
        List<IssuedCertificate> all = new ArrayList<>(pki.caCertificates());
        all.addAll(pki.organisationCertificates().values());
        all.add(pki.deviceCertificate(METER, CertificateUsage.DIGITAL_SIGNATURE));
        all.add(pki.deviceCertificate(METER, CertificateUsage.KEY_AGREEMENT));
        return all;
    }

    private static IssuedCertificate issuerOf(TestPki pki, IssuedCertificate certificate) {
        return switch (certificate.kind()) {
            case ROOT_OCA -> pki.rootOca();
            case ISSUING_OCA -> pki.rootOca();
            case ORGANISATION -> pki.issuingOca();
            case ROOT_DCA, ISSUING_DCA -> pki.rootDca();
            default -> pki.issuingDca();
        };
    }

    private static Set<RuleId> ruleIds(IssuedCertificate certificate, TestPki pki) {
        return CertificateValidator.validate(certificate.certificate(), certificate.kind(), pki.validationContext())
                .findings()
                .stream()
                .map(f -> f.rule().id())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Nested
    class ConformingByDefault {

        @Test
        void everyCaCertificateConformsToItsProfile() {
            assertThat(PKI.caCertificates())
                    .extracting(IssuedCertificate::kind)
                    .containsExactly(
                            ProfileKind.ROOT_OCA,
                            ProfileKind.ISSUING_OCA,
                            ProfileKind.ROOT_DCA,
                            ProfileKind.ISSUING_DCA);
            PKI.caCertificates().forEach(ca -> assertConforms(ca, PKI.validationContext()));
        }

        @Test
        void everyStandardOrganisationCertificateConformsAndNamesItsRoleAndParty() {
            assertThat(PKI.organisationCertificates()).containsOnlyKeys(OrganisationCredential.STANDARD);
            PKI.organisationCertificates().forEach((credential, certificate) -> {
                assertConforms(certificate, PKI.validationContext());
                X500Name subject = certificate.certificate().getSubject();
                assertThat(subject.getRDNs(BCStyle.OU)[0].getFirst().getValue().toString())
                        .isEqualTo(credential.role().organisationalUnit());
                byte[] uid = DERBitString.getInstance(subject.getRDNs(BCStyle.UNIQUE_IDENTIFIER)[0]
                                .getFirst()
                                .getValue())
                        .getOctets();
                assertThat(Eui64.fromOctets(uid)).isEqualTo(PKI.parties().of(credential.role()));
            });
        }

        @Test
        void theStandardSetCoversEveryEndEntityRoleAndTheSupplierTopUpCell() {
            assertThat(OrganisationCredential.STANDARD)
                    .extracting(OrganisationCredential::role)
                    .containsAll(PartyIdentities.SIMULATED.endEntities().keySet());
            assertThat(OrganisationCredential.STANDARD)
                    .extracting(OrganisationCredential::fileStem)
                    .contains("supplier-ds", "supplier-ka", "supplier-ka-topup", "access-control-broker-ka");
        }

        @Test
        void everyStandardCredentialGoesInTheTrustAnchorCellOfTheSameName() {
            for (OrganisationCredential credential : OrganisationCredential.STANDARD) {
                TrustAnchorCellId cell = credential.cell();
                assertThat(cell.role()).isEqualTo(credential.role());
                assertThat(cell.keyUsage().toKeyUsage()).contains(credential.keyUsage());
                assertThat(cell.cellUsage()).isEqualTo(credential.cellUsage());
                assertThat(cell).hasToString(credential.fileStem());
                assertThat(TrustAnchorCellId.parse(credential.fileStem())).isEqualTo(cell);
            }
            assertThatThrownBy(() -> OrganisationCredential.of(
                                    RemotePartyRole.ISSUING_AUTHORITY, CertificateUsage.KEY_AGREEMENT)
                            .cell())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Issuing Authority");
        }

        @Test
        void deviceCertificatesOfBothKeyUsagesConformAndNameTheDevice() {
            for (CertificateUsage usage : CertificateUsage.values()) {
                IssuedCertificate device = PKI.deviceCertificate(METER, usage);
                assertConforms(device, PKI.validationContext());
                assertThat(device.hasPrivateKey()).isTrue();
                assertThat(device.certificate().getSubject().getRDNs()).isEmpty();
            }
        }

        @Test
        void aRandomPkiConformsToo() {
            TestPki random = TestPki.create();
            assertThat(random.seed()).isEmpty();
            everyCertificate(random).forEach(c -> assertConforms(c, random.validationContext()));
        }

        @Test
        void builderCertificatesConformForEveryRoleKeyUsageAndOptionalCommonName() {
            IssuedCertificate named = PKI.newOrganisationCertificate()
                    .role(RemotePartyRole.SUPPLIER)
                    .keyUsage(CertificateUsage.KEY_AGREEMENT)
                    .commonName("SIMULATED SUPPLIER")
                    .party(Eui64.parse("02-53-4D-4B-49-02-00-02"))
                    .issue();
            assertConforms(named, PKI.validationContext());
            assertThat(named.certificate()
                            .getSubject()
                            .getRDNs(BCStyle.CN)[0]
                            .getFirst()
                            .getValue())
                    .isInstanceOf(DERUTF8String.class);
        }

        @Test
        void aDeviceCertificateForAKeyThePkiDoesNotHoldConformsAndHoldsNoPrivateKey() {
            IssuedCertificate device = PKI.newDeviceCertificate()
                    .device(METER)
                    .publicKey(EcKey.of(TestKeys.key(5)).publicKeyInfo())
                    .issue();
            assertConforms(device, PKI.validationContext());
            assertThat(device.hasPrivateKey()).isFalse();
            assertThat(device.keyPair()).isEmpty();
            assertThatThrownBy(device::privateKeyPem).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class ExactDetails {

        @Test
        void serialNumbersAreSixteenOctetsWithAFirstOctetFrom01To7F() throws Exception {
            for (IssuedCertificate c : everyCertificate(PKI)) {
                byte[] content = c.serialNumber().toByteArray();
                assertThat(content).as("serial of %s", c).hasSize(16);
                assertThat(content[0] & 0xFF).as("first serial octet of %s", c).isBetween(0x01, 0x7F);
            }
        }

        @Test
        void subjectKeyIdentifiersAreRfc5280MethodTwoInEightOctets() throws Exception {
            for (IssuedCertificate c : everyCertificate(PKI)) {
                byte[] key = c.certificate()
                        .getSubjectPublicKeyInfo()
                        .getPublicKeyData()
                        .getBytes();
                byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(key);
                byte[] expected = Arrays.copyOfRange(sha1, 12, 20);
                expected[0] = (byte) (0x40 | (expected[0] & 0x0F));
                assertThat(c.subjectKeyIdentifier()).as("SKI of %s", c).isEqualTo(expected);
            }
        }

        @Test
        void authorityKeyIdentifierHoldsOnlyTheIssuersSubjectKeyIdentifier() {
            for (IssuedCertificate c : everyCertificate(PKI)) {
                Extension aki = c.certificate().getExtension(Extension.authorityKeyIdentifier);
                if (c.kind() == ProfileKind.ROOT_OCA || c.kind() == ProfileKind.ROOT_DCA) {
                    assertThat(aki).as("AKI of self-signed %s", c).isNull();
                    continue;
                }
                AuthorityKeyIdentifier value = AuthorityKeyIdentifier.getInstance(aki.getParsedValue());
                assertThat(aki.isCritical()).isFalse();
                assertThat(value.getAuthorityCertIssuer()).isNull();
                assertThat(value.getAuthorityCertSerialNumber()).isNull();
                assertThat(value.getKeyIdentifierOctets())
                        .isEqualTo(issuerOf(PKI, c).subjectKeyIdentifier());
            }
        }

        @Test
        void theIssuerNameIsAByteCopyOfTheCaSubject() throws Exception {
            for (IssuedCertificate c : everyCertificate(PKI)) {
                byte[] issuer = c.certificate().toASN1Structure().getIssuer().getEncoded(ASN1Encoding.DER);
                byte[] caSubject = issuerOf(PKI, c)
                        .certificate()
                        .toASN1Structure()
                        .getSubject()
                        .getEncoded(ASN1Encoding.DER);
                assertThat(issuer).as("issuer of %s", c).isEqualTo(caSubject);
            }
        }

        @Test
        void caNamesArePrintableStringsWithTheOcaRoleFirst() {
            RDN[] root = PKI.rootOca().certificate().getSubject().getRDNs();
            assertThat(root).hasSize(2);
            assertThat(root[0].getFirst().getType()).isEqualTo(BCStyle.OU);
            assertThat(root[0].getFirst().getValue()).isEqualTo(new DERPrintableString("00"));
            assertThat(root[1].getFirst().getValue()).isEqualTo(new DERPrintableString("SIM Root OCA 1"));
            RDN[] issuing = PKI.issuingOca().certificate().getSubject().getRDNs();
            assertThat(issuing[0].getFirst().getValue()).isEqualTo(new DERPrintableString("07"));
            RDN[] dca = PKI.issuingDca().certificate().getSubject().getRDNs();
            assertThat(dca).hasSize(1);
            assertThat(dca[0].getFirst().getType()).isEqualTo(BCStyle.CN);
            assertThat(dca[0].getFirst().getValue()).isInstanceOf(DERPrintableString.class);
        }

        @Test
        void organisationSubjectsAreUtf8OuThenA64BitUniqueIdentifierEachInItsOwnRdn() {
            RDN[] rdns = PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE)
                    .certificate()
                    .getSubject()
                    .getRDNs();
            assertThat(rdns).hasSize(2);
            assertThat(rdns[0].getFirst().getValue()).isEqualTo(new DERUTF8String("02"));
            DERBitString uid = (DERBitString) rdns[1].getFirst().getValue();
            assertThat(rdns[1].getFirst().getType()).isEqualTo(BCStyle.UNIQUE_IDENTIFIER);
            assertThat(uid.getPadBits()).isZero();
            assertThat(uid.getOctets())
                    .isEqualTo(Eui64.parse("02-53-4D-4B-49-02-00-01").toOctets());
        }

        @Test
        void theSignatureAlgorithmIsEcdsaWithSha256WithoutParameters() throws Exception {
            byte[] expected = HexFormat.of().parseHex("300a06082a8648ce3d040302");
            for (IssuedCertificate c : everyCertificate(PKI)) {
                assertThat(c.certificate().getSignatureAlgorithm().getEncoded(ASN1Encoding.DER))
                        .isEqualTo(expected);
                assertThat(c.certificate()
                                .toASN1Structure()
                                .getTBSCertificate()
                                .getSignature()
                                .getEncoded())
                        .isEqualTo(expected);
            }
        }

        @Test
        void aDeviceNotAfterIsTheGeneralizedTime99991231235959Z() {
            TBSCertificate tbs = PKI.deviceCertificate(METER, CertificateUsage.KEY_AGREEMENT)
                    .certificate()
                    .toASN1Structure()
                    .getTBSCertificate();
            assertThat(tbs.getEndDate().toASN1Primitive()).isInstanceOf(ASN1GeneralizedTime.class);
            assertThat(((ASN1GeneralizedTime) tbs.getEndDate().toASN1Primitive()).getTimeString())
                    .isEqualTo("99991231235959Z");
            assertThat(tbs.getStartDate().toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
        }

        @Test
        void timesAreUtcTimeUntil2049AndGeneralizedTimeFrom2050() {
            TBSCertificate issuing =
                    PKI.issuingOca().certificate().toASN1Structure().getTBSCertificate();
            assertThat(issuing.getStartDate().toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
            assertThat(issuing.getEndDate().getDate().toInstant()).isEqualTo(Instant.parse("2050-12-31T23:59:59Z"));
            assertThat(issuing.getEndDate().toASN1Primitive()).isInstanceOf(ASN1GeneralizedTime.class);
            TBSCertificate organisation = PKI.organisationCertificate(
                            RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE)
                    .certificate()
                    .toASN1Structure()
                    .getTBSCertificate();
            assertThat(organisation.getEndDate().toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
        }

        @Test
        void organisationCertificatesRunTenYearsFromMidnightTo235959() {
            X509CertificateHolder c = PKI.organisationCertificate(
                            RemotePartyRole.SUPPLIER, CertificateUsage.KEY_AGREEMENT)
                    .certificate();
            assertThat(c.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(c.getNotAfter().toInstant()).isEqualTo(Instant.parse("2035-12-31T23:59:59Z"));
        }

        @Test
        void theIssuingOcaRunsTwentyFiveYearsWithinTheRoot() {
            Instant issuingEnd = PKI.issuingOca().certificate().getNotAfter().toInstant();
            assertThat(PKI.issuingOca().certificate().getNotBefore().toInstant())
                    .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(issuingEnd).isEqualTo(Instant.parse("2050-12-31T23:59:59Z"));
            assertThat(issuingEnd)
                    .isBefore(PKI.rootOca().certificate().getNotAfter().toInstant());
        }

        @Test
        void anOrganisationCertificateNeverOutlivesItsIssuingOcaAndIsShorterWhenItWouldHave() {
            TestPki late = PKI.withClock(Clock.fixed(Instant.parse("2045-06-01T12:00:00Z"), ZoneOffset.UTC));
            IssuedCertificate c = late.newOrganisationCertificate().issue();
            assertThat(c.certificate().getNotAfter())
                    .isEqualTo(PKI.issuingOca().certificate().getNotAfter());
            // Shorter than ten years: only the observed-convention warning, never the nesting error CERT-37.
            assertThat(CertificateValidator.validate(c.certificate(), late.validationContext())
                            .findings())
                    .extracting(f -> f.rule().id())
                    .containsExactly(RuleId.of("CERT-37a"));
        }

        @Test
        void everySignatureVerifiesWithTheIssuersPublicKey() throws Exception {
            for (IssuedCertificate c : everyCertificate(PKI)) {
                Signature verifier = Signature.getInstance("SHA256withECDSA", BouncyCastle.PROVIDER);
                verifier.initVerify(issuerOf(PKI, c).publicKey());
                verifier.update(
                        c.certificate().toASN1Structure().getTBSCertificate().getEncoded(ASN1Encoding.DER));
                assertThat(verifier.verify(c.certificate().getSignature()))
                        .as("signature of %s", c)
                        .isTrue();
            }
        }
    }

    @Nested
    class Determinism {

        @Test
        void theSameSeedGivesByteIdenticalCertificatesAndKeys() {
            TestPki a = TestPki.seeded(11);
            TestPki b = TestPki.seeded(11);
            List<IssuedCertificate> all = everyCertificate(a);
            List<IssuedCertificate> again = everyCertificate(b);
            for (int i = 0; i < all.size(); i++) {
                assertThat(again.get(i).toDer()).isEqualTo(all.get(i).toDer());
                assertThat(again.get(i).privateKeyPem()).isEqualTo(all.get(i).privateKeyPem());
            }
            assertThat(b.contingency().symmetricKey()).isEqualTo(a.contingency().symmetricKey());
            assertThat(b.contingency().privateKeyInfo())
                    .isEqualTo(a.contingency().privateKeyInfo());
        }

        @Test
        void differentSeedsGiveDifferentKeysAndCertificates() {
            TestPki other = TestPkis.seeded(8);
            List<IssuedCertificate> mine = everyCertificate(PKI);
            List<IssuedCertificate> theirs = everyCertificate(other);
            for (int i = 0; i < mine.size(); i++) {
                assertThat(theirs.get(i).toDer()).isNotEqualTo(mine.get(i).toDer());
                assertThat(theirs.get(i).privateKeyPem())
                        .isNotEqualTo(mine.get(i).privateKeyPem());
            }
            assertThat(other.contingency().symmetricKey())
                    .isNotEqualTo(PKI.contingency().symmetricKey());
        }

        @Test
        void aDeviceCertificateDependsOnlyOnTheSeedTheDeviceAndTheKeyUsage() {
            TestPki fresh = TestPki.seeded(7);
            List<Eui64> devices = List.of(SimulatedEui64s.device(9), SimulatedEui64s.device(3), METER);
            List<byte[]> forwards = new ArrayList<>();
            for (Eui64 d : devices) {
                forwards.add(
                        PKI.deviceCertificate(d, CertificateUsage.KEY_AGREEMENT).toDer());
            }
            for (int i = devices.size() - 1; i >= 0; i--) {
                fresh.newOrganisationCertificate().issue(); // unrelated issuance in between changes nothing
                assertThat(fresh.deviceCertificate(devices.get(i), CertificateUsage.KEY_AGREEMENT)
                                .toDer())
                        .isEqualTo(forwards.get(i));
            }
            assertThat(PKI.deviceCertificate(METER, CertificateUsage.DIGITAL_SIGNATURE)
                            .toDer())
                    .isNotEqualTo(PKI.deviceCertificate(METER, CertificateUsage.KEY_AGREEMENT)
                            .toDer());
        }

        @Test
        void theDeviceKeyPairIsTheKeyItsCertificateCertifies() {
            IssuedCertificate device = PKI.deviceCertificate(METER, CertificateUsage.DIGITAL_SIGNATURE);
            assertThat(PKI.deviceKeyPair(METER, CertificateUsage.DIGITAL_SIGNATURE)
                            .getPublic()
                            .getEncoded())
                    .isEqualTo(device.publicKey().getEncoded());
            assertThat(PKI.deviceKeyPair(METER, CertificateUsage.DIGITAL_SIGNATURE)
                            .getPrivate()
                            .getEncoded())
                    .isEqualTo(device.keyPair().orElseThrow().getPrivate().getEncoded());
        }

        @Test
        void builderCertificatesReplayInCallOrderAndEachGetsItsOwnSerial() {
            TestPki a = TestPki.seeded(7);
            TestPki b = TestPki.seeded(7);
            IssuedCertificate a1 = a.newOrganisationCertificate().issue();
            IssuedCertificate a2 = a.newOrganisationCertificate().issue();
            assertThat(b.newOrganisationCertificate().issue().toDer()).isEqualTo(a1.toDer());
            assertThat(b.newOrganisationCertificate().issue().toDer()).isEqualTo(a2.toDer());
            assertThat(a2.serialNumber()).isNotEqualTo(a1.serialNumber());
        }

        @Test
        void withoutASeedEachPkiHasItsOwnKeys() {
            TestPki a = TestPki.builder().random(new SecureRandom()).build();
            TestPki b = TestPki.create();
            assertThat(a.rootOca().publicKey()).isNotEqualTo(b.rootOca().publicKey());
            assertThat(a.deviceKeyPair(METER, CertificateUsage.KEY_AGREEMENT).getPublic())
                    .isNotEqualTo(a.deviceKeyPair(METER, CertificateUsage.KEY_AGREEMENT)
                            .getPublic());
        }

        @Test
        void devicesIssuedInParallelGetTheSameBytesAsOneByOne() {
            List<Eui64> devices = java.util.stream.LongStream.range(100, 140)
                    .mapToObj(SimulatedEui64s::device)
                    .toList();
            List<byte[]> parallel = devices.parallelStream()
                    .map(d -> PKI.deviceCertificate(d, CertificateUsage.KEY_AGREEMENT)
                            .toDer())
                    .toList();
            for (int i = 0; i < devices.size(); i++) {
                assertThat(parallel.get(i))
                        .isEqualTo(PKI.deviceCertificate(devices.get(i), CertificateUsage.KEY_AGREEMENT)
                                .toDer());
            }
        }

        @Test
        void certificatesIssuedOnAlternatingDaysEachCarryTheirOwnDay() {
            Instant first = Instant.parse("2026-02-03T10:00:00Z");
            Instant second = Instant.parse("2031-07-08T23:59:59Z");
            List<Instant> days = List.of(first, second, first, second, first);
            for (Instant day : days) {
                TestPki dated = PKI.withClock(Clock.fixed(day, ZoneOffset.UTC));
                X509CertificateHolder device = dated.deviceCertificate(METER, CertificateUsage.DIGITAL_SIGNATURE)
                        .certificate();
                X509CertificateHolder organisation =
                        dated.newOrganisationCertificate().issue().certificate();
                Instant midnight = day.truncatedTo(ChronoUnit.DAYS);
                assertThat(device.getNotBefore().toInstant()).isEqualTo(midnight);
                assertThat(device.getNotAfter().toInstant()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
                assertThat(organisation.getNotBefore().toInstant()).isEqualTo(midnight);
                assertThat(organisation.getNotAfter().toInstant())
                        .isEqualTo(midnight.atOffset(ZoneOffset.UTC)
                                .plusYears(10)
                                .minusSeconds(1)
                                .toInstant());
            }
        }

        @Test
        void aSeedAndARandomSourceTogetherAreRefused() {
            TestPki.Builder builder = TestPki.builder().seed(1).random(new SecureRandom());
            assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aSeededPkiIsDatedAtTheDefaultEpochUnlessGivenAClock() {
            assertThat(PKI.clock().instant()).isEqualTo(TestPki.DEFAULT_SEEDED_EPOCH);
            Instant later = Instant.parse("2027-03-04T05:06:07Z");
            TestPki dated = TestPki.builder()
                    .seed(7)
                    .clock(Clock.fixed(later, ZoneOffset.UTC))
                    .build();
            assertThat(dated.rootOca().certificate().getNotBefore().toInstant())
                    .isEqualTo(Instant.parse("2027-03-04T00:00:00Z"));
        }
    }

    @Nested
    class DeviceCsrs {

        @Test
        void aDeviceCsrConformsToTheCsrProfile() {
            PKCS10CertificationRequest csr = PKI.deviceCsr(METER, CertificateUsage.KEY_AGREEMENT);
            assertThat(CertificateValidator.validateCsr(csr, PKI.validationContext())
                            .findings())
                    .isEmpty();
        }

        @Test
        void aCertificateFromACsrCertifiesItsKeyAndCopiesItsExtensions() throws Exception {
            PKCS10CertificationRequest csr = DeviceCsr.create(
                    SimulatedEui64s.device(42), CertificateUsage.KEY_AGREEMENT, TestKeys.key(3), PKI.environment());
            IssuedCertificate device = PKI.deviceCertificate(csr);
            assertConforms(device, PKI.validationContext());
            assertThat(device.hasPrivateKey()).isFalse();
            assertThat(device.certificate().getSubjectPublicKeyInfo()).isEqualTo(csr.getSubjectPublicKeyInfo());
            for (var oid : List.of(Extension.keyUsage, Extension.subjectAlternativeName)) {
                assertThat(device.certificate().getExtension(oid).getEncoded())
                        .isEqualTo(
                                csr.getRequestedExtensions().getExtension(oid).getEncoded());
            }
        }

        @Test
        void aCsrWithASubjectIsRefusedWithTheFindings() {
            EcKey key = EcKey.of(TestKeys.key(4));
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(CertificateBuilder.keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature));
            extensions.addExtension(DeviceCertificateBuilder.subjectAltName(PKI.environment(), METER));
            PKCS10CertificationRequest named = new PKCS10CertificationRequestBuilder(
                            new X500Name("CN=meter"), key.publicKeyInfo())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new EcdsaContentSigner(key.privateParameters()));
            assertThatThrownBy(() -> PKI.deviceCertificate(named))
                    .isInstanceOfSatisfying(IssuanceRefusedException.class, e -> {
                        assertThat(e.findings()).extracting(f -> f.rule().id()).containsExactly(RuleId.of("CERT-52"));
                        assertThat(e.findings().get(0).actual()).contains("subject");
                    })
                    .hasMessageContaining("Device CSR");
        }

        @Test
        void aCsrWithANonCriticalKeyUsageIsRefused() {
            EcKey key = EcKey.of(TestKeys.key(4));
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(new Extension(
                    Extension.keyUsage,
                    false,
                    CertificateBuilder.keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature)
                            .getExtnValue()));
            extensions.addExtension(DeviceCertificateBuilder.subjectAltName(PKI.environment(), METER));
            PKCS10CertificationRequest csr = new PKCS10CertificationRequestBuilder(
                            new X500Name(new RDN[0]), key.publicKeyInfo())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new EcdsaContentSigner(key.privateParameters()));
            assertThatThrownBy(() -> PKI.newDeviceCertificate().csr(csr).issue())
                    .isInstanceOf(IssuanceRefusedException.class)
                    .hasMessageContaining("keyUsage not critical");
        }
    }

    @Nested
    class BrokenCertificates {

        private final RuleId cert43 = RuleId.of("CERT-43");

        @Test
        void aDeclaredBreakIsIssuedAndBreaksExactlyThatRule() {
            IssuedCertificate broken = PKI.newDeviceCertificate()
                    .breaking(
                            cert43,
                            draft -> draft.putExtension(
                                    CertificateBuilder.keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature
                                            | org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation)))
                    .issue();
            assertThat(ruleIds(broken, PKI)).containsExactly(cert43);
        }

        @Test
        void anUndeclaredBreakIsRefusedNamingTheRuleItBreaks() {
            assertThatThrownBy(() -> PKI.newDeviceCertificate()
                            .breaking(cert43, draft -> draft.critical(Extension.subjectAlternativeName, false))
                            .issue())
                    .isInstanceOfSatisfying(IssuanceRefusedException.class, e -> {
                        assertThat(e.findings()).extracting(f -> f.rule().id()).contains(RuleId.of("CERT-44"));
                        assertThat(e.declaredButNotBroken()).containsExactly(cert43);
                    });
        }

        @Test
        void aMutationWithoutADeclarationIsRefused() {
            assertThatThrownBy(() -> PKI.newOrganisationCertificate()
                            .serialNumber(BigInteger.ZERO)
                            .issue())
                    .isInstanceOfSatisfying(
                            IssuanceRefusedException.class,
                            e -> assertThat(e.findings())
                                    .extracting(f -> f.rule().id())
                                    .containsExactly(RuleId.of("CERT-2")))
                    .hasMessageContaining("Organisation");
        }

        @Test
        void aDeclaredRuleThatIsNotBrokenIsRefused() {
            assertThatThrownBy(() -> PKI.newOrganisationCertificate()
                            .breaking(RuleId.of("CERT-29"), draft -> {})
                            .issue())
                    .isInstanceOfSatisfying(IssuanceRefusedException.class, e -> {
                        assertThat(e.findings()).isEmpty();
                        assertThat(e.declaredButNotBroken()).containsExactly(RuleId.of("CERT-29"));
                    });
        }

        @Test
        void aSignatureBreakShowsOnceSignedAndIsIssuedWhenDeclared() {
            IssuedCertificate forged = PKI.newOrganisationCertificate()
                    .breaking(RuleId.of("CERT-12"), draft -> draft.signWith(TestKeys.key(9)))
                    .issue();
            assertThat(ruleIds(forged, PKI)).containsExactly(RuleId.of("CERT-12"));
        }

        @Test
        void aWarningRuleCanBeBrokenOnPurpose() {
            IssuedCertificate shortSerial = PKI.newOrganisationCertificate()
                    .breaking(RuleId.of("CERT-2a"), draft -> draft.serialNumber(BigInteger.valueOf(0x1234)))
                    .issue();
            List<Finding> findings = CertificateValidator.validate(shortSerial.certificate(), PKI.validationContext())
                    .findings();
            assertThat(findings).extracting(f -> f.rule().id()).containsExactly(RuleId.of("CERT-2a"));
        }

        @Test
        void severalRulesCanBeDeclaredForOneMutation() {
            IssuedCertificate twoUsages = PKI.newOrganisationCertificate()
                    .breaking(
                            List.of(RuleId.of("CERT-6"), RuleId.of("CERT-29")),
                            draft -> draft.putExtension(new Extension(
                                    Extension.keyUsage,
                                    false,
                                    CertificateBuilder.keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature
                                                    | org.bouncycastle.asn1.x509.KeyUsage.keyAgreement)
                                            .getExtnValue())))
                    .issue();
            assertThat(ruleIds(twoUsages, PKI)).containsExactlyInAnyOrder(RuleId.of("CERT-6"), RuleId.of("CERT-29"));
        }

        @Test
        void aNullSignatureParameterCanBeIssuedOnPurpose() throws Exception {
            // One locally made DCC Boxed certificate has a NULL parameter, which RFC 5758 forbids (CERT-3).
            IssuedCertificate withNull = PKI.newDeviceCertificate()
                    .breaking(
                            RuleId.of("CERT-3"),
                            draft -> draft.signatureAlgorithm(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                    org.bouncycastle.asn1.x9.X9ObjectIdentifiers.ecdsa_with_SHA256,
                                    org.bouncycastle.asn1.DERNull.INSTANCE)))
                    .issue();
            assertThat(ruleIds(withNull, PKI)).containsExactly(RuleId.of("CERT-3"));
            assertThat(withNull.certificate().getSignatureAlgorithm().getEncoded(ASN1Encoding.DER))
                    .isEqualTo(HexFormat.of().parseHex("300c06082a8648ce3d0403020500"));
        }

        @Test
        void aBreakWithoutARuleIsRejected() {
            assertThatThrownBy(() -> PKI.newDeviceCertificate().breaking(List.of(), d -> {}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class NewRootOca {

        private final TestPki renewed = PKI.withNewRootOca();

        @Test
        void theNewRootOcaHasANewKeyNameAndContingencyMaterial() {
            assertThat(renewed.ocaGeneration()).isEqualTo(2);
            assertThat(renewed.rootOca().publicKey()).isNotEqualTo(PKI.rootOca().publicKey());
            assertThat(renewed.rootOca().certificate().getSubject().toString()).contains("SIM Root OCA 2");
            assertThat(renewed.contingency().symmetricKey())
                    .isNotEqualTo(PKI.contingency().symmetricKey());
            assertThat(renewed.contingency().publicKeyInfo())
                    .isNotEqualTo(PKI.contingency().publicKeyInfo());
        }

        @Test
        void everyOrganisationSideCertificateChainsToTheNewRootAndConforms() {
            Stream.concat(
                            Stream.of(renewed.rootOca(), renewed.issuingOca()),
                            renewed.organisationCertificates().values().stream())
                    .forEach(c -> assertConforms(c, renewed.validationContext()));
            assertThat(renewed.issuingOca().certificate().getIssuer())
                    .isEqualTo(renewed.rootOca().certificate().getSubject());
        }

        @Test
        void theDcaSideAndDevicesAreUnchanged() {
            assertThat(renewed.rootDca()).isEqualTo(PKI.rootDca());
            assertThat(renewed.issuingDca()).isEqualTo(PKI.issuingDca());
            assertThat(renewed.deviceCertificate(METER, CertificateUsage.KEY_AGREEMENT)
                            .toDer())
                    .isEqualTo(PKI.deviceCertificate(METER, CertificateUsage.KEY_AGREEMENT)
                            .toDer());
        }

        @Test
        void onlyTheNewSymmetricKeyUnwrapsTheNewRootsContingencyKey() {
            String oid = renewed.contingency().settings().extensionOid();
            assertThat(WrappedApexContingencyKey.unwrap(
                            renewed.rootOca().certificate(),
                            oid,
                            renewed.contingency().symmetricKey()))
                    .contains(renewed.contingency().publicKeyInfo());
            assertThat(WrappedApexContingencyKey.unwrap(
                            renewed.rootOca().certificate(),
                            oid,
                            PKI.contingency().symmetricKey()))
                    .isEmpty();
        }

        @Test
        void theOriginalPkiIsUnchanged() {
            assertThat(PKI.ocaGeneration()).isEqualTo(1);
            assertThat(PKI.rootOca().toDer())
                    .isEqualTo(TestPki.seeded(7).rootOca().toDer());
        }
    }

    @Nested
    class Misuse {

        @Test
        void aCredentialOutsideTheStandardSetIsNotOnFile() {
            assertThatThrownBy(() ->
                            PKI.organisationCertificate(RemotePartyRole.WAN_PROVIDER, CertificateUsage.KEY_AGREEMENT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wan-provider-ka");
        }

        @Test
        void signingWithACertificateWhoseKeyIsNotHeldIsRejected() {
            IssuedCertificate publicOnly = PKI.newDeviceCertificate()
                    .publicKey(EcKey.of(TestKeys.key(6)).publicKeyInfo())
                    .issue();
            assertThatThrownBy(() -> PKI.newOrganisationCertificate().issuedBy(publicOnly))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aRootCertificateCannotBeIssuedByAnotherCa() {
            CaCertificateBuilder root =
                    PKI.newCaCertificate(ProfileKind.ROOT_DCA).issuedBy(PKI.rootOca());
            assertThatThrownBy(root::issue)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("self-signed");
        }

        @Test
        void onlyACaProfileGetsACaBuilder() {
            assertThatThrownBy(() -> PKI.newCaCertificate(ProfileKind.DEVICE))
                    .isInstanceOf(IllegalArgumentException.class);
            IssuedCertificate secondIssuingOca = PKI.newCaCertificate(ProfileKind.ISSUING_OCA)
                    .commonName("Z2")
                    .issue();
            assertConforms(secondIssuingOca, PKI.validationContext());
        }

        @Test
        void descriptionsNeverShowPrivateOrSymmetricKeys() {
            IssuedCertificate root = PKI.rootOca();
            String privateHex = HexFormat.of()
                    .formatHex(root.key().privateParameters().getD().toByteArray());
            String symmetric = PKI.contingency().symmetricKey().toHex();
            for (String text : List.of(
                    root.toString(),
                    PKI.toString(),
                    PKI.contingency().toString(),
                    PKI.contingency().symmetricKey().toString(),
                    root.key().toString())) {
                assertThat(text.toLowerCase(java.util.Locale.ROOT)).doesNotContain(privateHex, symmetric);
            }
        }
    }
}
