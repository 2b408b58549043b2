package dev.smki.core.profile;

import static dev.smki.core.profile.Severity.ERROR;
import static dev.smki.core.profile.Severity.WARN;
import static dev.smki.core.provenance.Confidence.OBSERVED;
import static dev.smki.core.provenance.Confidence.VERIFIED;

import dev.smki.core.certificate.CertificateStructure;
import dev.smki.core.internal.der.X500Names;
import dev.smki.core.internal.der.X509Times;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.Time;
import org.jspecify.annotations.Nullable;

/** The rules every SMKI certificate follows (certificates.md §7, rules 1 to 16), and CERT-53. */
final class CommonRules {

    private CommonRules() {}

    static final RuleCheck VERSION = RuleCheck.of(
            "CERT-1",
            ERROR,
            VERIFIED,
            Scope.CERTIFICATES,
            "The certificate is X.509 version 3 (version INTEGER 2).",
            "v3",
            in -> {
                int version = in.certificate().tbs().getVersionNumber();
                return version == 3 ? RuleVerdict.PASS : RuleVerdict.fail("v" + version);
            },
            ProfileSources.GBCS_GENERAL,
            ProfileSources.rfc5280("§4.1.2.1"),
            ProfileSources.OBSERVED);

    static final RuleCheck SERIAL_POSITIVE = RuleCheck.of(
            "CERT-2",
            ERROR,
            OBSERVED,
            Scope.CERTIFICATES,
            "The serialNumber is a positive, non-zero INTEGER.",
            "a positive serial number",
            in -> {
                BigInteger serial = in.certificate().tbs().getSerialNumber().getValue();
                return serial.signum() > 0 ? RuleVerdict.PASS : RuleVerdict.fail("serial " + serial);
            },
            ProfileSources.rfc5280("§4.1.2.2"),
            ProfileSources.OBSERVED);

    static final RuleCheck SERIAL_SIXTEEN_OCTETS = RuleCheck.of(
            "CERT-2a",
            WARN,
            OBSERVED,
            Scope.CERTIFICATES,
            "The serialNumber's DER content is 16 octets, as in every DCC-issued certificate.",
            "16 octets",
            in -> {
                int octets = in.certificate().tbs().getSerialNumber().getValue().bitLength() / 8 + 1;
                return octets == 16 ? RuleVerdict.PASS : RuleVerdict.fail(octets + " octets");
            },
            ProfileSources.OBSERVED);

    static final RuleCheck SIGNATURE_ALGORITHM = RuleCheck.of(
            "CERT-3",
            ERROR,
            VERIFIED,
            Scope.CERTIFICATES,
            "signatureAlgorithm and tbsCertificate.signature are both ecdsa-with-SHA256 (1.2.840.10045.4.3.2)"
                    + " with the parameters field absent.",
            "ecdsa-with-SHA256, parameters absent, in both places",
            in -> {
                CertificateStructure c = in.certificate();
                List<String> problems = new ArrayList<>(2);
                AlgorithmIdentifier outer = c.holder().toASN1Structure().getSignatureAlgorithm();
                AlgorithmIdentifier inner = c.tbs().getSignature();
                String outerProblem = Keys.signatureAlgorithmProblem(outer);
                if (outerProblem != null) {
                    problems.add("signatureAlgorithm " + outerProblem);
                }
                String innerProblem = Keys.signatureAlgorithmProblem(inner);
                if (innerProblem != null) {
                    problems.add("tbsCertificate.signature " + innerProblem);
                }
                return problems.isEmpty() ? RuleVerdict.PASS : RuleVerdict.fail(String.join("; ", problems));
            },
            ProfileSources.GBCS_GENERAL,
            ProfileSources.RFC5758,
            ProfileSources.OBSERVED);

    static final RuleCheck P256_KEY = RuleCheck.of(
            "CERT-4",
            ERROR,
            VERIFIED,
            Scope.CERTIFICATES,
            "The subjectPublicKeyInfo algorithm is id-ecPublicKey with the named curve prime256v1.",
            "id-ecPublicKey, namedCurve prime256v1",
            in -> {
                String problem = Keys.algorithmProblem(in.certificate().tbs().getSubjectPublicKeyInfo());
                return problem == null ? RuleVerdict.PASS : RuleVerdict.fail(problem);
            },
            ProfileSources.GBCS_GENERAL,
            ProfileSources.RFC5480);

    static final RuleCheck UNCOMPRESSED_POINT = RuleCheck.of(
            "CERT-5",
            ERROR,
            VERIFIED,
            Scope.CERTIFICATES,
            "The public key is an uncompressed point (65 bytes, first byte 0x04) on P-256.",
            "65-byte uncompressed point on P-256",
            in -> {
                var spki = in.certificate().tbs().getSubjectPublicKeyInfo();
                if (Keys.algorithmProblem(spki) != null) {
                    return RuleVerdict.PASS; // CERT-4 reports the algorithm; the point cannot be judged
                }
                String problem = Keys.pointProblem(spki);
                return problem == null ? RuleVerdict.PASS : RuleVerdict.fail(problem);
            },
            ProfileSources.GBCS_GENERAL,
            ProfileSources.RFC5480);

    static final RuleCheck KEY_USAGE_CRITICAL = RuleCheck.of(
            "CERT-6",
            ERROR,
            VERIFIED,
            Scope.CERTIFICATES,
            "The keyUsage extension is present and critical.",
            "keyUsage present, critical",
            in -> presentAndCritical(in.certificate().extension(Extension.keyUsage), "keyUsage", true),
            ProfileSources.GBCS_GENERAL);

    static final RuleCheck SUBJECT_KEY_ID = RuleCheck.of(
            "CERT-7",
            ERROR,
            VERIFIED,
            Scope.CERTIFICATES,
            "The subjectKeyIdentifier extension is present, non-critical and exactly 8 octets.",
            "subjectKeyIdentifier present, non-critical, 8 octets",
            in -> {
                RuleVerdict presence = presentAndCritical(
                        in.certificate().extension(Extension.subjectKeyIdentifier), "subjectKeyIdentifier", false);
                if (presence != RuleVerdict.PASS) {
                    return presence;
                }
                byte[] ski = in.certificate().subjectKeyIdentifier();
                return ski.length == 8 ? RuleVerdict.PASS : RuleVerdict.fail(ski.length + " octets");
            },
            ProfileSources.GBCS_GENERAL);

    static final RuleCheck SUBJECT_KEY_ID_METHOD_TWO = RuleCheck.of(
            "CERT-8",
            ERROR,
            VERIFIED,
            Scope.CERTIFICATES,
            "The subjectKeyIdentifier is RFC 5280 §4.2.1.2 method (2) over the certificate's own public key:"
                    + " 0100 and the low 60 bits of the key's SHA-1.",
            "method (2) key identifier",
            in -> {
                CertificateStructure c = in.certificate();
                byte[] ski = c.extension(Extension.subjectKeyIdentifier) == null ? null : c.subjectKeyIdentifier();
                if (ski == null || ski.length != 8) {
                    return RuleVerdict.PASS; // CERT-7 reports a missing or odd-sized identifier
                }
                byte[] expected = Keys.methodTwoKeyId(c.tbs().getSubjectPublicKeyInfo());
                return Arrays.equals(ski, expected)
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail("subjectKeyIdentifier " + Keys.hex(ski), Keys.hex(expected));
            },
            ProfileSources.GBCS_GENERAL,
            ProfileSources.rfc5280("§4.2.1.2"),
            ProfileSources.OBSERVED);

    static final RuleCheck POLICIES_CRITICAL = RuleCheck.of(
            "CERT-9",
            ERROR,
            VERIFIED,
            Scope.CERTIFICATES,
            "The certificatePolicies extension is present and critical, with at least one policyIdentifier and"
                    + " no policyQualifiers.",
            "certificatePolicies present, critical, >= 1 policy, no qualifiers",
            in -> {
                RuleVerdict presence = presentAndCritical(
                        in.certificate().extension(Extension.certificatePolicies), "certificatePolicies", true);
                if (presence != RuleVerdict.PASS) {
                    return presence;
                }
                PolicyInformation[] policies =
                        in.certificate().certificatePolicies().getPolicyInformation();
                if (policies.length == 0) {
                    return RuleVerdict.fail("no policy");
                }
                for (PolicyInformation policy : policies) {
                    if (policy.getPolicyQualifiers() != null) {
                        return RuleVerdict.fail(
                                "policy " + policy.getPolicyIdentifier().getId() + " has qualifiers");
                    }
                }
                return RuleVerdict.PASS;
            },
            ProfileSources.GBCS_GENERAL,
            ProfileSources.OBSERVED);

    static final RuleCheck AUTHORITY_KEY_ID_FORM = RuleCheck.of(
            "CERT-10",
            ERROR,
            VERIFIED,
            Scope.CERTIFICATES,
            "An authorityKeyIdentifier, when present, is non-critical and holds only an 8-octet keyIdentifier"
                    + " (no authorityCertIssuer or authorityCertSerialNumber).",
            "non-critical, keyIdentifier only, 8 octets",
            in -> {
                Extension extension = in.certificate().extension(Extension.authorityKeyIdentifier);
                if (extension == null) {
                    return RuleVerdict.PASS; // CERT-11 says who may omit it
                }
                if (extension.isCritical()) {
                    return RuleVerdict.fail("authorityKeyIdentifier critical");
                }
                AuthorityKeyIdentifier aki = in.certificate().authorityKeyIdentifier();
                if (aki.getAuthorityCertIssuer() != null || aki.getAuthorityCertSerialNumber() != null) {
                    return RuleVerdict.fail("authorityCertIssuer or authorityCertSerialNumber present");
                }
                byte[] id = aki.getKeyIdentifierOctets();
                if (id == null) {
                    return RuleVerdict.fail("no keyIdentifier");
                }
                return id.length == 8
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail("keyIdentifier of " + id.length + " octets");
            },
            ProfileSources.GBCS_GENERAL,
            ProfileSources.OBSERVED);

    static final RuleCheck ONLY_ROOT_SELF_SIGNED = RuleCheck.of(
            "CERT-11",
            ERROR,
            VERIFIED,
            Scope.ISSUED,
            "Only a root certificate may be self-signed or omit the authorityKeyIdentifier: every issued"
                    + " certificate names a different issuer and carries one.",
            "an authorityKeyIdentifier and an issuer other than the subject",
            in -> {
                CertificateStructure c = in.certificate();
                if (c.extension(Extension.authorityKeyIdentifier) == null) {
                    return RuleVerdict.fail("no authorityKeyIdentifier");
                }
                return c.isSelfIssued() ? RuleVerdict.fail("self-issued (issuer equals subject)") : RuleVerdict.PASS;
            },
            ProfileSources.GBCS_GENERAL);

    static final RuleCheck SIGNED_BY_ISSUER = RuleCheck.of(
            "CERT-12",
            ERROR,
            VERIFIED,
            Scope.ISSUED,
            "The signature verifies with the issuing CA's public key, and the authorityKeyIdentifier equals the"
                    + " issuing CA's subjectKeyIdentifier.",
            "signed by the issuer; AKI = issuer SKI",
            in -> {
                CertificateStructure issuer = in.issuer();
                if (issuer == null) {
                    return RuleVerdict.notChecked(Inspection.NO_ISSUER);
                }
                CertificateStructure c = in.certificate();
                byte[] aki = Inspection.authorityKeyIdOrNull(c);
                byte[] issuerSki = Inspection.subjectKeyIdOrNull(issuer);
                if (aki != null && issuerSki != null && !Arrays.equals(aki, issuerSki)) {
                    return RuleVerdict.fail(
                            "authorityKeyIdentifier " + Keys.hex(aki),
                            "issuer subjectKeyIdentifier " + Keys.hex(issuerSki));
                }
                if (in.context().preIssuance()) {
                    return RuleVerdict.PASS; // the signature is a placeholder until the certificate is signed
                }
                String problem = c.signatureProblem(issuer);
                return problem == null
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail(problem + " with the key of " + X500Names.describe(issuer.subject()));
            },
            ProfileSources.GBCS_GENERAL,
            ProfileSources.OBSERVED);

    static final RuleCheck ISSUER_NAME_COPY = RuleCheck.of(
            "CERT-13",
            ERROR,
            OBSERVED,
            Scope.ISSUED,
            "The issuer Name is a byte-for-byte copy of the issuing CA's subject Name (same string types and"
                    + " order).",
            "the issuer's subject, byte for byte",
            in -> {
                CertificateStructure issuer = in.issuer();
                if (issuer == null) {
                    return RuleVerdict.notChecked(Inspection.NO_ISSUER);
                }
                var name = in.certificate().issuer();
                return name.toASN1Primitive().equals(issuer.subject().toASN1Primitive())
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail(withTypes(name), withTypes(issuer.subject()));
            },
            ProfileSources.OBSERVED);

    static final RuleCheck TIME_ENCODING = RuleCheck.of(
            "CERT-14",
            ERROR,
            VERIFIED,
            Scope.CERTIFICATES,
            "Validity times are UTCTime up to 2049 and GeneralizedTime from 2050, in DER form (seconds, Z).",
            "UTCTime YYMMDDHHMMSSZ before 2050, GeneralizedTime YYYYMMDDHHMMSSZ from 2050",
            in -> {
                String notBefore =
                        timeProblem("notBefore", in.certificate().tbs().getStartDate());
                String notAfter = timeProblem("notAfter", in.certificate().tbs().getEndDate());
                if (notBefore == null && notAfter == null) {
                    return RuleVerdict.PASS;
                }
                return RuleVerdict.fail(
                        notBefore == null ? notAfter : notAfter == null ? notBefore : notBefore + "; " + notAfter);
            },
            ProfileSources.rfc5280("§4.1.2.5"),
            ProfileSources.OBSERVED);

    static final RuleCheck NO_UNIQUE_IDS = RuleCheck.of(
            "CERT-15",
            ERROR,
            OBSERVED,
            Scope.CERTIFICATES,
            "The certificate has no issuerUniqueID or subjectUniqueID field.",
            "neither field",
            in -> {
                var tbs = in.certificate().tbs();
                if (tbs.getIssuerUniqueId() == null && tbs.getSubjectUniqueId() == null) {
                    return RuleVerdict.PASS;
                }
                return RuleVerdict.fail((tbs.getIssuerUniqueId() != null ? "issuerUniqueID " : "")
                        + (tbs.getSubjectUniqueId() != null ? "subjectUniqueID" : ""));
            },
            ProfileSources.OBSERVED);

    static final RuleCheck NO_UNKNOWN_CRITICAL_EXTENSION = RuleCheck.of(
            "CERT-16",
            ERROR,
            OBSERVED,
            Scope.CERTIFICATES,
            "The certificate has no critical extension other than those the SMKI profiles use.",
            "only keyUsage, subjectKeyIdentifier, authorityKeyIdentifier, certificatePolicies, basicConstraints,"
                    + " subjectAltName (and the contingency key on the Root OCA)",
            in -> unknownExtensions(in, true),
            ProfileSources.OBSERVED,
            ProfileSources.rfc5280("§4.2"));

    static final RuleCheck NO_UNKNOWN_EXTENSION = RuleCheck.of(
            "CERT-16a",
            WARN,
            OBSERVED,
            Scope.CERTIFICATES,
            "The certificate has no non-critical extension other than those the SMKI profiles use.",
            "only keyUsage, subjectKeyIdentifier, authorityKeyIdentifier, certificatePolicies, basicConstraints,"
                    + " subjectAltName (and the contingency key on the Root OCA)",
            in -> unknownExtensions(in, false),
            ProfileSources.OBSERVED);

    static final RuleCheck VALID_AT_INSTANT = RuleCheck.of(
            "CERT-53",
            ERROR,
            VERIFIED,
            Scope.CERTIFICATES,
            "The certificate is within its validity period (both ends included) at the validation instant.",
            "notBefore <= instant <= notAfter",
            in -> {
                if (in.context().preIssuance()) {
                    return RuleVerdict.notChecked(
                            "not issued yet: CERT-42 checks the dates of a certificate being issued");
                }
                CertificateStructure c = in.certificate();
                long at = in.at().getEpochSecond();
                if (c.notBeforeEpochSecond() == X509Times.UNREADABLE
                        || c.notAfterEpochSecond() == X509Times.UNREADABLE) {
                    return RuleVerdict.notChecked("validity times are not in DER form (CERT-14)");
                }
                if (at >= c.notBeforeEpochSecond() && at <= c.notAfterEpochSecond()) {
                    return RuleVerdict.PASS;
                }
                return RuleVerdict.fail(
                        in.at() + " is "
                                + (at < c.notBeforeEpochSecond() ? "before notBefore " : "after notAfter ")
                                + X509Times.text(
                                        at < c.notBeforeEpochSecond()
                                                ? c.tbs().getStartDate()
                                                : c.tbs().getEndDate()),
                        X509Times.text(c.tbs().getStartDate()) + " <= instant <= "
                                + X509Times.text(c.tbs().getEndDate()));
            },
            ProfileSources.rfc5280("§6.1.3"));

    /** The extensions some SMKI profile uses; anything else falls under CERT-16 and CERT-16a. */
    private static final Set<ASN1ObjectIdentifier> KNOWN_EXTENSIONS = Set.of(
            Extension.keyUsage,
            Extension.subjectKeyIdentifier,
            Extension.authorityKeyIdentifier,
            Extension.certificatePolicies,
            Extension.basicConstraints,
            Extension.subjectAlternativeName);

    private static RuleVerdict unknownExtensions(Inspection in, boolean critical) {
        CertificateStructure c = in.certificate();
        List<String> unknown = null;
        for (ASN1ObjectIdentifier oid : c.extensionOids()) {
            if (isKnown(oid, in) || c.extension(oid).isCritical() != critical) {
                continue;
            }
            if (unknown == null) {
                unknown = new ArrayList<>(2);
            }
            unknown.add(oid.getId());
        }
        return unknown == null
                ? RuleVerdict.PASS
                : RuleVerdict.fail((critical ? "critical" : "non-critical") + " extension(s) " + unknown);
    }

    private static boolean isKnown(ASN1ObjectIdentifier oid, Inspection in) {
        if (KNOWN_EXTENSIONS.contains(oid)) {
            return true;
        }
        ProfileKind profile = in.profile();
        if (Extension.extendedKeyUsage.equals(oid)) {
            // CERT-35 and CERT-50 report extendedKeyUsage on end-entity certificates
            return profile == ProfileKind.ORGANISATION || profile == ProfileKind.DEVICE;
        }
        return profile == ProfileKind.ROOT_OCA
                && oid.getId().equals(in.environment().contingencyKeyExtension());
    }

    /** Returns PASS when {@code extension} is present with the given criticality, else a failure naming it. */
    static RuleVerdict presentAndCritical(Extension extension, String name, boolean critical) {
        if (extension == null) {
            return RuleVerdict.fail("no " + name);
        }
        if (extension.isCritical() != critical) {
            return RuleVerdict.fail(name + (critical ? " not critical" : " critical"));
        }
        return RuleVerdict.PASS;
    }

    private static @Nullable String timeProblem(String field, Time time) {
        String text = X509Times.text(time);
        boolean utc = X509Times.isUtcTime(time);
        String type = utc ? "UTCTime" : "GeneralizedTime";
        long epochSecond = X509Times.epochSecond(time);
        if (epochSecond == X509Times.UNREADABLE) {
            return field + " " + type + " '" + text + "' not in DER form";
        }
        if (!utc && Integer.parseInt(text.substring(0, 4)) < 2050) {
            return field + " GeneralizedTime " + text + " before 2050";
        }
        return null;
    }

    /** Returns the keyUsage bits as names, such as {@code {digitalSignature, nonRepudiation}}. */
    static String describeKeyUsage(int bits) {
        if (bits < 0) {
            return "no keyUsage";
        }
        String[] names = {
            "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
            "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly"
        };
        int[] masks = {
            KeyUsage.digitalSignature, KeyUsage.nonRepudiation, KeyUsage.keyEncipherment, KeyUsage.dataEncipherment,
            KeyUsage.keyAgreement, KeyUsage.keyCertSign, KeyUsage.cRLSign, KeyUsage.encipherOnly
        };
        List<String> set = new ArrayList<>();
        for (int i = 0; i < masks.length; i++) {
            if ((bits & masks[i]) != 0) {
                set.add(names[i]);
            }
        }
        if ((bits & KeyUsage.decipherOnly) != 0) {
            set.add("decipherOnly");
        }
        return "keyUsage {" + String.join(", ", set) + "}";
    }

    /** Returns the policy OIDs of {@code policies}. */
    static List<String> policyOids(CertificatePolicies policies) {
        List<String> oids = new ArrayList<>(1);
        for (PolicyInformation policy : policies.getPolicyInformation()) {
            oids.add(policy.getPolicyIdentifier().getId());
        }
        return oids;
    }

    /** Returns a name with each attribute's string type, such as {@code OU=07 (PrintableString), CN=Z1 (...)}. */
    static String withTypes(X500Name name) {
        List<String> parts = new ArrayList<>();
        for (var atv : X500Names.attributes(name)) {
            parts.add(X500Names.typeName(atv.getType()) + "=" + X500Names.string(atv.getValue()) + " ("
                    + X500Names.stringType(atv.getValue()) + ")");
        }
        return parts.isEmpty() ? "(empty)" : String.join(", ", parts);
    }
}
