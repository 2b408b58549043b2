package dev.smki.core.profile;

import static dev.smki.core.profile.Severity.ERROR;
import static dev.smki.core.profile.Severity.WARN;
import static dev.smki.core.provenance.Confidence.OBSERVED;
import static dev.smki.core.provenance.Confidence.VERIFIED;

import dev.smki.core.certificate.CertificateStructure;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.internal.der.X500Names;
import dev.smki.core.internal.der.X509Times;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.jspecify.annotations.Nullable;

/** The Organisation Certificate rules (certificates.md §7, rules 28 to 38). */
final class OrganisationRules {

    private OrganisationRules() {}

    static final RuleCheck ISSUED_BY_ISSUING_OCA = RuleCheck.of(
            "CERT-28",
            ERROR,
            OBSERVED,
            Scope.ORGANISATION,
            "An Organisation Certificate's issuer is an Issuing OCA: the issuer name has OU 07.",
            "issuer OU=07",
            in -> {
                X500Name issuer = in.certificate().issuer();
                return X500Names.hasOu(issuer, "07")
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail("issuer " + X500Names.describe(issuer));
            },
            ProfileSources.OBSERVED,
            ProfileSources.Z1);

    static final RuleCheck ONE_KEY_USAGE = RuleCheck.of(
            "CERT-29",
            ERROR,
            VERIFIED,
            Scope.ORGANISATION,
            "An Organisation Certificate's keyUsage has exactly one bit: digitalSignature (03 02 07 80) or"
                    + " keyAgreement (03 02 03 08).",
            "keyUsage {digitalSignature} or {keyAgreement}",
            in -> exactlyOneEndEntityUsage(in.certificate()),
            ProfileSources.OBSERVED,
            ProfileSources.DCC_BOXED_KEYSTORE);

    static final RuleCheck NOT_A_CA = RuleCheck.of(
            "CERT-30",
            ERROR,
            OBSERVED,
            Scope.ORGANISATION,
            "An Organisation Certificate has no basicConstraints, or one with cA FALSE.",
            "no basicConstraints, or cA FALSE",
            in -> {
                BasicConstraints bc = in.certificate().basicConstraints();
                return bc == null || !bc.isCA() ? RuleVerdict.PASS : RuleVerdict.fail("basicConstraints cA TRUE");
            },
            ProfileSources.OBSERVED);

    static final RuleCheck ROLE = RuleCheck.of(
            "CERT-31",
            ERROR,
            VERIFIED,
            Scope.ORGANISATION,
            "The subject has exactly one OU: two upper-case hex digits naming an end-entity Remote Party Role"
                    + " (01-08 or 7F; 00 and 07 are CA roles).",
            "one OU in 01-08 or 7F",
            in -> {
                X500Name subject = in.certificate().subject();
                int count = X500Names.count(subject, X500Names.OU);
                if (count != 1) {
                    return RuleVerdict.fail(count + " OUs");
                }
                String ou = X500Names.single(subject, X500Names.OU);
                if (ou == null) {
                    return RuleVerdict.fail("OU is not a string");
                }
                RemotePartyRole role = endEntityRole(ou);
                return role != null ? RuleVerdict.PASS : RuleVerdict.fail("OU=" + ou);
            },
            ProfileSources.GBCS_GENERAL,
            ProfileSources.DCC_BOXED_KEYSTORE,
            ProfileSources.RTDS);

    static final RuleCheck UNIQUE_IDENTIFIER = RuleCheck.of(
            "CERT-32",
            ERROR,
            VERIFIED,
            Scope.ORGANISATION,
            "The subject has exactly one x500UniqueIdentifier (2.5.4.45): a BIT STRING of exactly 64 bits with 0"
                    + " unused bits, the party's EUI-64.",
            "one 64-bit x500UniqueIdentifier",
            in -> {
                X500Name subject = in.certificate().subject();
                int count = X500Names.count(subject, X500Names.UNIQUE_IDENTIFIER);
                if (count != 1) {
                    return RuleVerdict.fail(count + " x500UniqueIdentifiers");
                }
                for (AttributeTypeAndValue atv : X500Names.attributes(subject)) {
                    if (atv.getType().equals(X500Names.UNIQUE_IDENTIFIER)) {
                        return eui64BitString(atv);
                    }
                }
                return RuleVerdict.PASS;
            },
            ProfileSources.DCC_BOXED_KEYSTORE,
            ProfileSources.OBSERVED);

    static final RuleCheck SUBJECT_ATTRIBUTES = RuleCheck.of(
            "CERT-33",
            ERROR,
            OBSERVED,
            Scope.ORGANISATION,
            "The subject holds only OU, x500UniqueIdentifier and at most one CN, one attribute per RDN.",
            "OU, x500UniqueIdentifier, optional CN; single-valued RDNs",
            in -> {
                X500Name subject = in.certificate().subject();
                if (!X500Names.isSingleValued(subject)) {
                    return RuleVerdict.fail("multi-valued RDN in " + X500Names.describe(subject));
                }
                List<String> others = new ArrayList<>(1);
                for (AttributeTypeAndValue atv : X500Names.attributes(subject)) {
                    var type = atv.getType();
                    if (!type.equals(X500Names.OU)
                            && !type.equals(X500Names.CN)
                            && !type.equals(X500Names.UNIQUE_IDENTIFIER)) {
                        others.add(X500Names.typeName(type));
                    }
                }
                if (!others.isEmpty()) {
                    return RuleVerdict.fail("other attributes " + others);
                }
                int cns = X500Names.count(subject, X500Names.CN);
                return cns <= 1 ? RuleVerdict.PASS : RuleVerdict.fail(cns + " CNs");
            },
            ProfileSources.OBSERVED);

    static final RuleCheck UTF8_STRINGS = RuleCheck.of(
            "CERT-34",
            WARN,
            OBSERVED,
            Scope.ORGANISATION,
            "The subject's OU and CN are UTF8Strings, as in every DCC-issued Organisation Certificate.",
            "UTF8String",
            in -> {
                List<String> others = new ArrayList<>(1);
                for (AttributeTypeAndValue atv :
                        X500Names.attributes(in.certificate().subject())) {
                    boolean named =
                            atv.getType().equals(X500Names.OU) || atv.getType().equals(X500Names.CN);
                    if (named && !(atv.getValue() instanceof ASN1UTF8String)) {
                        others.add(X500Names.typeName(atv.getType()) + " " + X500Names.stringType(atv.getValue()));
                    }
                }
                return others.isEmpty() ? RuleVerdict.PASS : RuleVerdict.fail(String.join(", ", others));
            },
            ProfileSources.OBSERVED);

    static final RuleCheck NO_ALT_NAME_OR_EXTENDED_USAGE = RuleCheck.of(
            "CERT-35",
            ERROR,
            OBSERVED,
            Scope.ORGANISATION,
            "An Organisation Certificate has no subjectAltName and no extendedKeyUsage.",
            "neither extension",
            in -> {
                CertificateStructure c = in.certificate();
                boolean san = c.extension(Extension.subjectAlternativeName) != null;
                boolean eku = c.extension(Extension.extendedKeyUsage) != null;
                if (!san && !eku) {
                    return RuleVerdict.PASS;
                }
                return RuleVerdict.fail(
                        san && eku
                                ? "subjectAltName and extendedKeyUsage"
                                : san ? "subjectAltName" : "extendedKeyUsage");
            },
            ProfileSources.OBSERVED);

    static final RuleCheck ORGANISATION_POLICY = RuleCheck.of(
            "CERT-36",
            ERROR,
            OBSERVED,
            Scope.ORGANISATION,
            "certificatePolicies holds exactly one policy, the environment's Organisation Certificate Policy OID.",
            "the Organisation policy only",
            in -> {
                var policies = in.certificate().certificatePolicies();
                if (policies == null) {
                    return RuleVerdict.PASS; // CERT-9 reports missing policies
                }
                List<String> oids = CommonRules.policyOids(policies);
                if (oids.size() == 1 && in.environment().organisationPolicies().contains(oids.get(0))) {
                    return RuleVerdict.PASS;
                }
                return RuleVerdict.fail(
                        "policies " + oids,
                        "exactly one of " + in.environment().organisationPolicies() + " (environment "
                                + in.environment().name() + ")");
            },
            ProfileSources.GBCS_GENERAL,
            ProfileSources.OBSERVED);

    static final RuleCheck VALIDITY_NESTED = RuleCheck.of(
            "CERT-37",
            ERROR,
            OBSERVED,
            Scope.ORGANISATION,
            "notBefore is before notAfter, and notAfter is not after the Issuing OCA's notAfter.",
            "notBefore < notAfter <= issuer's notAfter",
            in -> {
                CertificateStructure c = in.certificate();
                if (c.notBeforeEpochSecond() == X509Times.UNREADABLE
                        || c.notAfterEpochSecond() == X509Times.UNREADABLE) {
                    return RuleVerdict.PASS; // CERT-14 reports unreadable times
                }
                if (c.notBeforeEpochSecond() >= c.notAfterEpochSecond()) {
                    return RuleVerdict.fail(
                            "notBefore " + X509Times.text(c.tbs().getStartDate()) + ", notAfter "
                                    + X509Times.text(c.tbs().getEndDate()));
                }
                CertificateStructure issuer = in.issuer();
                if (issuer == null) {
                    return RuleVerdict.notChecked(Inspection.NO_ISSUER);
                }
                if (issuer.notAfterEpochSecond() != X509Times.UNREADABLE
                        && c.notAfterEpochSecond() > issuer.notAfterEpochSecond()) {
                    return RuleVerdict.fail(
                            "notAfter " + X509Times.text(c.tbs().getEndDate()),
                            "at most the issuer's notAfter "
                                    + X509Times.text(issuer.tbs().getEndDate()));
                }
                return RuleVerdict.PASS;
            },
            ProfileSources.OBSERVED);

    static final RuleCheck TEN_YEARS = RuleCheck.of(
            "CERT-37a",
            WARN,
            OBSERVED,
            Scope.ORGANISATION,
            "The validity is about 10 years, from 00:00:00 on the first day to 23:59:59 on the last, as in the"
                    + " DCC's test Organisation Certificates.",
            "00:00:00 to 23:59:59, 10 years (+/- 2 days)",
            in -> {
                CertificateStructure c = in.certificate();
                long notBefore = c.notBeforeEpochSecond();
                long notAfter = c.notAfterEpochSecond();
                if (notBefore == X509Times.UNREADABLE || notAfter == X509Times.UNREADABLE) {
                    return RuleVerdict.PASS; // CERT-14 reports unreadable times
                }
                long tenYears = LocalDateTime.ofEpochSecond(notBefore, 0, ZoneOffset.UTC)
                        .plusYears(10)
                        .toEpochSecond(ZoneOffset.UTC);
                boolean ok = Math.floorMod(notBefore, 86_400L) == 0
                        && Math.floorMod(notAfter, 86_400L) == 86_399
                        && Math.abs(notAfter - tenYears) <= 2 * 86_400L;
                return ok
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail(X509Times.text(c.tbs().getStartDate()) + " to "
                                + X509Times.text(c.tbs().getEndDate()));
            },
            ProfileSources.OBSERVED);

    /** The key usages each trust-anchored role's certificates were seen with in CS02b/CS02g messages. */
    private static final Map<RemotePartyRole, Set<String>> ANCHOR_USAGES = anchorUsages();

    static final RuleCheck ANCHOR_USAGE = RuleCheck.of(
            "CERT-38",
            WARN,
            OBSERVED,
            Scope.ORGANISATION,
            "A certificate offered as a device trust anchor has a role and key usage pair seen among trust anchors:"
                    + " ACB KA; Recovery, WAN Provider"
                    + " and Transitional CoS DS; Supplier, Network Operator and Load Controller DS or KA (other"
                    + " pairs can be valid, e.g. ACB DS for DUIS signing).",
            "a trust-anchor role/usage pair",
            in -> {
                if (!in.context().offeredAsTrustAnchor()) {
                    return RuleVerdict.PASS; // advice only for certificates offered as device trust anchors
                }
                CertificateStructure c = in.certificate();
                String ou = X500Names.single(c.subject(), X500Names.OU);
                RemotePartyRole role = ou == null ? null : endEntityRole(ou);
                int bits = c.keyUsageBits();
                Set<String> usages = role == null ? null : ANCHOR_USAGES.get(role);
                String usage = bits == KeyUsage.digitalSignature ? "DS" : bits == KeyUsage.keyAgreement ? "KA" : null;
                if (usages == null || usage == null || usages.contains(usage)) {
                    return RuleVerdict.PASS; // other roles are never anchored; CERT-29 reports odd key usages
                }
                return RuleVerdict.fail(role.slug() + " " + usage, role.slug() + " " + String.join(" or ", usages));
            },
            ProfileSources.DUIS_TEMPLATES,
            ProfileSources.RTDS);

    private static Map<RemotePartyRole, Set<String>> anchorUsages() {
        Map<RemotePartyRole, Set<String>> map = new EnumMap<>(RemotePartyRole.class);
        map.put(RemotePartyRole.ACCESS_CONTROL_BROKER, Set.of("KA"));
        map.put(RemotePartyRole.RECOVERY, Set.of("DS"));
        map.put(RemotePartyRole.WAN_PROVIDER, Set.of("DS"));
        map.put(RemotePartyRole.TRANSITIONAL_COS, Set.of("DS"));
        map.put(RemotePartyRole.SUPPLIER, Set.of("DS", "KA"));
        map.put(RemotePartyRole.NETWORK_OPERATOR, Set.of("DS", "KA"));
        map.put(RemotePartyRole.LOAD_CONTROLLER, Set.of("DS", "KA"));
        return map;
    }

    private static final Set<RemotePartyRole> END_ENTITY_ROLES =
            EnumSet.complementOf(EnumSet.of(RemotePartyRole.ROOT, RemotePartyRole.ISSUING_AUTHORITY));

    /** Returns the end-entity role whose OU text is {@code ou} (two upper-case hex digits), or null. */
    static @Nullable RemotePartyRole endEntityRole(String ou) {
        if (ou.length() != 2 || !isUpperHex(ou.charAt(0)) || !isUpperHex(ou.charAt(1))) {
            return null;
        }
        int code = Integer.parseInt(ou, 16);
        for (RemotePartyRole role : END_ENTITY_ROLES) {
            if (role.code() == code) {
                return role;
            }
        }
        return null;
    }

    private static boolean isUpperHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }

    private static RuleVerdict eui64BitString(AttributeTypeAndValue atv) {
        if (!(atv.getValue() instanceof ASN1BitString bits)) {
            return RuleVerdict.fail("x500UniqueIdentifier is a " + X500Names.stringType(atv.getValue()));
        }
        int length = bits.getBytes().length * 8 - bits.getPadBits();
        return bits.getPadBits() == 0 && length == 64 ? RuleVerdict.PASS : RuleVerdict.fail(length + " bits");
    }

    /** Returns PASS when keyUsage is exactly digitalSignature or exactly keyAgreement (CERT-29, CERT-43). */
    static RuleVerdict exactlyOneEndEntityUsage(CertificateStructure c) {
        int bits = c.keyUsageBits();
        if (bits < 0 || bits == KeyUsage.digitalSignature || bits == KeyUsage.keyAgreement) {
            return RuleVerdict.PASS; // CERT-6 reports a missing keyUsage
        }
        return RuleVerdict.fail(CommonRules.describeKeyUsage(bits));
    }
}
