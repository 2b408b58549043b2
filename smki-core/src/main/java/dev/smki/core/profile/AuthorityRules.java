package dev.smki.core.profile;

import static dev.smki.core.profile.Severity.ERROR;
import static dev.smki.core.profile.Severity.WARN;
import static dev.smki.core.provenance.Confidence.INFERRED;
import static dev.smki.core.provenance.Confidence.OBSERVED;
import static dev.smki.core.provenance.Confidence.VERIFIED;

import dev.smki.core.certificate.CertificateStructure;
import dev.smki.core.internal.der.X500Names;
import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The rules of the four certification authorities: Root OCA (certificates.md §7 rules 17-21), Issuing OCA
 * (22-25), and the Device side's Root and Issuing DCA (26-27, all inferred: no DCA certificate is public).
 */
final class AuthorityRules {

    private AuthorityRules() {}

    static final RuleCheck SELF_SIGNED = RuleCheck.of(
            "CERT-17",
            ERROR,
            VERIFIED,
            Scope.ROOTS,
            "A root certificate is self-signed: issuer equals subject, the signature verifies with its own key,"
                    + " and an authorityKeyIdentifier, if present, equals its own subjectKeyIdentifier.",
            "self-signed",
            in -> {
                CertificateStructure c = in.certificate();
                if (!c.isSelfIssued()) {
                    return RuleVerdict.fail("issuer " + X500Names.describe(c.issuer()) + " differs from subject "
                            + X500Names.describe(c.subject()));
                }
                byte[] aki = Inspection.authorityKeyIdOrNull(c);
                byte[] ski = Inspection.subjectKeyIdOrNull(c);
                if (aki != null && ski != null && !Arrays.equals(aki, ski)) {
                    return RuleVerdict.fail(
                            "authorityKeyIdentifier " + Keys.hex(aki), "its own subjectKeyIdentifier " + Keys.hex(ski));
                }
                if (in.context().preIssuance()) {
                    return RuleVerdict.PASS;
                }
                String problem = c.signatureProblem(c);
                return problem == null ? RuleVerdict.PASS : RuleVerdict.fail(problem + " with its own key");
            },
            ProfileSources.GBCS_GENERAL);

    static final RuleCheck ROOT_OCA_ROLE = RuleCheck.of(
            "CERT-18",
            ERROR,
            OBSERVED,
            Scope.ROOT_OCA,
            "The Root OCA's subject has exactly one OU, 00 (Remote Party Role root).",
            "OU=00",
            in -> ou(in.certificate().subject(), "00"),
            ProfileSources.GBCS_GENERAL,
            ProfileSources.Z1);

    static final RuleCheck ROOT_IS_CA = RuleCheck.of(
            "CERT-19",
            ERROR,
            INFERRED,
            Scope.ROOTS,
            "A root's basicConstraints is present and critical with cA TRUE.",
            "basicConstraints critical, cA TRUE",
            in -> isCa(in.certificate(), null),
            ProfileSources.rfc5280("§4.2.1.9"),
            ProfileSources.INFERENCE);

    static final RuleCheck ROOT_KEY_USAGE = RuleCheck.of(
            "CERT-20",
            ERROR,
            INFERRED,
            Scope.ROOTS,
            "A root's keyUsage asserts keyCertSign, optionally cRLSign, and nothing else.",
            "keyUsage {keyCertSign[, cRLSign]}",
            in -> {
                int bits = in.certificate().keyUsageBits();
                if (bits < 0) {
                    return RuleVerdict.PASS; // CERT-6 reports a missing keyUsage
                }
                boolean ok =
                        (bits & KeyUsage.keyCertSign) != 0 && (bits & ~(KeyUsage.keyCertSign | KeyUsage.cRLSign)) == 0;
                return ok ? RuleVerdict.PASS : RuleVerdict.fail(CommonRules.describeKeyUsage(bits));
            },
            ProfileSources.Z1,
            ProfileSources.INFERENCE);

    /**
     * CERT-21: the Root OCA carries the WrappedApexContingencyKey (verified: SEC L10.30(e) via the glossary, S5); its
     * OID is the environment's, which no source gives (no Root OCA certificate was found, certificates.md §1.2). A
     * missing extension is an ERROR only when the environment's OID is verified or observed, a WARN otherwise.
     */
    static final RuleCheck CONTINGENCY_KEY = RuleCheck.of(
            "CERT-21",
            ERROR,
            VERIFIED,
            Scope.ROOT_OCA,
            "The Root OCA carries the WrappedApexContingencyKey extension, under the environment's OID.",
            "the contingency-key extension",
            in -> {
                String oid = in.environment().contingencyKeyExtension();
                if (in.certificate().extension(new ASN1ObjectIdentifier(oid)) != null) {
                    return RuleVerdict.PASS;
                }
                Confidence known = in.environment().contingencyKeyConfidence();
                String confidence = known.name().toLowerCase(Locale.ROOT);
                String expected = "extension " + oid + " (" + confidence + " OID of environment "
                        + in.environment().name() + ")";
                return known == VERIFIED || known == OBSERVED
                        ? RuleVerdict.fail("no extension " + oid, expected)
                        : RuleVerdict.warning("no extension " + oid, expected);
            },
            ProfileSources.SEC_CONTINGENCY,
            Citation.of("certificates.md", "§1.2: the OID and encoding were not found; no Root OCA certificate"));

    static final RuleCheck ISSUING_OCA_NAMES = RuleCheck.of(
            "CERT-22",
            ERROR,
            OBSERVED,
            Scope.ISSUING_OCA,
            "The Issuing OCA's subject is OU=07 (issuingAuthority) and one CN, nothing else, and its issuer is a"
                    + " Root OCA (issuer OU 00).",
            "subject OU=07 + CN; issuer OU=00",
            in -> {
                CertificateStructure c = in.certificate();
                X500Name subject = c.subject();
                boolean subjectOk = X500Names.isSingleValued(subject)
                        && subject.getRDNs().length == 2
                        && X500Names.hasOu(subject, "07")
                        && X500Names.count(subject, X500Names.CN) == 1;
                if (!subjectOk) {
                    return RuleVerdict.fail("subject " + X500Names.describe(subject));
                }
                return X500Names.hasOu(c.issuer(), "00")
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail("issuer " + X500Names.describe(c.issuer()));
            },
            ProfileSources.Z1);

    static final RuleCheck ISSUING_OCA_KEY_USAGE = RuleCheck.of(
            "CERT-23",
            ERROR,
            OBSERVED,
            Scope.ISSUING_OCA,
            "The Issuing OCA's keyUsage is exactly {keyCertSign, cRLSign} (DER 03 02 01 06).",
            "keyUsage {keyCertSign, cRLSign}",
            in -> {
                int bits = in.certificate().keyUsageBits();
                if (bits < 0 || bits == (KeyUsage.keyCertSign | KeyUsage.cRLSign)) {
                    return RuleVerdict.PASS; // CERT-6 reports a missing keyUsage
                }
                return RuleVerdict.fail(CommonRules.describeKeyUsage(bits));
            },
            ProfileSources.Z1);

    static final RuleCheck ISSUING_OCA_PATH_LENGTH = RuleCheck.of(
            "CERT-24",
            ERROR,
            OBSERVED,
            Scope.ISSUING_OCA,
            "The Issuing OCA's basicConstraints is present and critical, with cA TRUE and pathLenConstraint 0.",
            "basicConstraints critical, cA TRUE, pathLen 0",
            in -> isCa(in.certificate(), BigInteger.ZERO),
            ProfileSources.Z1);

    static final RuleCheck ISSUING_OCA_POLICY = RuleCheck.of(
            "CERT-25",
            ERROR,
            OBSERVED,
            Scope.ISSUING_OCA,
            "The Issuing OCA's certificatePolicies holds the environment's Organisation Certificate Policy OID.",
            "the Organisation policy",
            in -> {
                var policies = in.certificate().certificatePolicies();
                if (policies == null) {
                    return RuleVerdict.PASS; // CERT-9 reports missing policies
                }
                List<String> oids = CommonRules.policyOids(policies);
                for (String oid : oids) {
                    if (in.environment().organisationPolicies().contains(oid)) {
                        return RuleVerdict.PASS;
                    }
                }
                return RuleVerdict.fail(
                        "policies " + oids,
                        "one of " + in.environment().organisationPolicies() + " (environment "
                                + in.environment().name() + ")");
            },
            ProfileSources.GBCS_GENERAL,
            ProfileSources.Z1);

    static final RuleCheck ISSUING_DCA = RuleCheck.of(
            "CERT-26",
            ERROR,
            INFERRED,
            Scope.ISSUING_DCA,
            "The Issuing DCA's basicConstraints is critical with cA TRUE, its keyUsage includes keyCertSign, and"
                    + " its issuer is a Root DCA (a CN-only name).",
            "basicConstraints critical cA TRUE; keyCertSign; CN-only issuer",
            in -> {
                CertificateStructure c = in.certificate();
                RuleVerdict ca = isCa(c, null);
                if (ca != RuleVerdict.PASS) {
                    return ca;
                }
                int bits = c.keyUsageBits();
                if (bits >= 0 && (bits & KeyUsage.keyCertSign) == 0) {
                    return RuleVerdict.fail(CommonRules.describeKeyUsage(bits));
                }
                return X500Names.isCnOnly(c.issuer())
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail("issuer " + X500Names.describe(c.issuer()));
            },
            ProfileSources.INFERENCE);

    static final RuleCheck ISSUING_DCA_PATH_LENGTH = RuleCheck.of(
            "CERT-26a",
            WARN,
            INFERRED,
            Scope.ISSUING_DCA,
            "The Issuing DCA's basicConstraints pathLenConstraint is 0, like the Issuing OCA's.",
            "pathLenConstraint 0",
            in -> {
                BasicConstraints bc = in.certificate().basicConstraints();
                if (bc == null || !bc.isCA()) {
                    return RuleVerdict.PASS; // CERT-26 reports it
                }
                BigInteger pathLen = bc.getPathLenConstraint();
                return BigInteger.ZERO.equals(pathLen)
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail(pathLen == null ? "no pathLenConstraint" : "pathLenConstraint " + pathLen);
            },
            ProfileSources.INFERENCE);

    static final RuleCheck DCA_NAME = RuleCheck.of(
            "CERT-27",
            ERROR,
            OBSERVED,
            Scope.DCAS,
            "A DCA's subject is a single RDN holding one CN, as the issuers of the RTDS device certificates are.",
            "a single CN, such as CN=E357",
            in -> X500Names.isCnOnly(in.certificate().subject())
                    ? RuleVerdict.PASS
                    : RuleVerdict.fail(
                            "subject " + X500Names.describe(in.certificate().subject())),
            ProfileSources.RTDS);

    /** Returns PASS when {@code name} has exactly one OU with the text {@code ou}. */
    static RuleVerdict ou(X500Name name, String ou) {
        if (X500Names.hasOu(name, ou)) {
            return RuleVerdict.PASS;
        }
        StringBuilder found = new StringBuilder();
        for (AttributeTypeAndValue atv : X500Names.attributes(name)) {
            if (atv.getType().equals(X500Names.OU)) {
                found.append(found.length() == 0 ? "OU=" : ", OU=").append(X500Names.string(atv.getValue()));
            }
        }
        return RuleVerdict.fail(found.length() == 0 ? "no OU" : found.toString());
    }

    /** Returns PASS when basicConstraints is critical with cA TRUE and, if given, that pathLenConstraint. */
    static RuleVerdict isCa(CertificateStructure c, BigInteger pathLen) {
        RuleVerdict presence =
                CommonRules.presentAndCritical(c.extension(Extension.basicConstraints), "basicConstraints", true);
        if (presence != RuleVerdict.PASS) {
            return presence;
        }
        BasicConstraints bc = c.basicConstraints();
        if (!bc.isCA()) {
            return RuleVerdict.fail("cA FALSE");
        }
        if (pathLen != null && !pathLen.equals(bc.getPathLenConstraint())) {
            return RuleVerdict.fail(
                    bc.getPathLenConstraint() == null
                            ? "no pathLenConstraint"
                            : "pathLenConstraint " + bc.getPathLenConstraint());
        }
        return RuleVerdict.PASS;
    }
}
