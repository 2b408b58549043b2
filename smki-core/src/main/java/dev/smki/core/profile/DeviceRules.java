package dev.smki.core.profile;

import static dev.smki.core.profile.Severity.ERROR;
import static dev.smki.core.provenance.Confidence.OBSERVED;
import static dev.smki.core.provenance.Confidence.VERIFIED;

import dev.smki.core.certificate.CertificateStructure;
import dev.smki.core.identity.Eui64;
import dev.smki.core.internal.der.HardwareModuleNames;
import dev.smki.core.internal.der.X500Names;
import dev.smki.core.internal.der.X509Times;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.Time;
import org.jspecify.annotations.Nullable;

/** The Device Certificate rules (certificates.md §7, rules 39 to 51). */
final class DeviceRules {

    private DeviceRules() {}

    static final RuleCheck ISSUED_BY_ISSUING_DCA = RuleCheck.of(
            "CERT-39",
            ERROR,
            OBSERVED,
            Scope.DEVICE,
            "A Device Certificate's issuer is an Issuing DCA: a single CN and no Remote Party Role OU.",
            "a CN-only issuer, such as CN=E357",
            in -> X500Names.isCnOnly(in.certificate().issuer())
                    ? RuleVerdict.PASS
                    : RuleVerdict.fail(
                            "issuer " + X500Names.describe(in.certificate().issuer())),
            ProfileSources.RTDS);

    static final RuleCheck EMPTY_SUBJECT = RuleCheck.of(
            "CERT-40",
            ERROR,
            VERIFIED,
            Scope.DEVICE,
            "A Device Certificate's subject is the empty Name (DER 30 00).",
            "empty subject",
            in -> in.certificate().subject().getRDNs().length == 0
                    ? RuleVerdict.PASS
                    : RuleVerdict.fail(
                            "subject " + X500Names.describe(in.certificate().subject())),
            ProfileSources.GBCS_DEVICE);

    static final RuleCheck NO_EXPIRY = RuleCheck.of(
            "CERT-41",
            ERROR,
            VERIFIED,
            Scope.DEVICE,
            "A Device Certificate's notAfter is the GeneralizedTime 99991231235959Z.",
            "GeneralizedTime 99991231235959Z",
            in -> {
                Time notAfter = in.certificate().tbs().getEndDate();
                boolean ok = !X509Times.isUtcTime(notAfter) && "99991231235959Z".equals(X509Times.text(notAfter));
                return ok
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail((X509Times.isUtcTime(notAfter) ? "UTCTime " : "GeneralizedTime ")
                                + X509Times.text(notAfter));
            },
            ProfileSources.GBCS_DEVICE);

    static final RuleCheck NOT_BEFORE_ISSUANCE = RuleCheck.of(
            "CERT-42",
            ERROR,
            OBSERVED,
            Scope.DEVICE,
            "A Device Certificate's notBefore is not after its issuance instant; checked before signing, when the"
                    + " validation instant is the issuance instant.",
            "notBefore <= issuance instant",
            in -> {
                if (!in.context().preIssuance()) {
                    return RuleVerdict.notChecked(
                            "issuance instant unknown: checked only before signing, in pre-issuance mode");
                }
                CertificateStructure c = in.certificate();
                if (c.notBeforeEpochSecond() == X509Times.UNREADABLE) {
                    return RuleVerdict.PASS; // CERT-14 reports unreadable times
                }
                return c.notBeforeEpochSecond() <= in.at().getEpochSecond()
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail(
                                "notBefore " + X509Times.text(c.tbs().getStartDate()),
                                "not after the issuance instant " + in.at());
            },
            ProfileSources.OBSERVED);

    static final RuleCheck ONE_KEY_USAGE = RuleCheck.of(
            "CERT-43",
            ERROR,
            VERIFIED,
            Scope.DEVICE,
            "A Device Certificate's keyUsage has exactly one bit, digitalSignature or keyAgreement (so never"
                    + " nonRepudiation).",
            "keyUsage {digitalSignature} or {keyAgreement}",
            in -> OrganisationRules.exactlyOneEndEntityUsage(in.certificate()),
            ProfileSources.GBCS_DEVICE,
            ProfileSources.RTDS);

    static final RuleCheck ALT_NAME_CRITICAL = RuleCheck.of(
            "CERT-44",
            ERROR,
            VERIFIED,
            Scope.DEVICE,
            "A Device Certificate has a critical subjectAltName.",
            "subjectAltName present, critical",
            in -> CommonRules.presentAndCritical(
                    in.certificate().extension(Extension.subjectAlternativeName), "subjectAltName", true),
            ProfileSources.GBCS_DEVICE);

    static final RuleCheck ONE_HARDWARE_MODULE_NAME = RuleCheck.of(
            "CERT-45",
            ERROR,
            VERIFIED,
            Scope.DEVICE,
            "The subjectAltName holds exactly one GeneralName: an otherName of type hardwareModuleName"
                    + " (1.3.6.1.5.5.7.8.4).",
            "one otherName, type-id 1.3.6.1.5.5.7.8.4",
            in -> {
                GeneralNames names = in.certificate().subjectAltName();
                if (names == null) {
                    return RuleVerdict.PASS; // CERT-44 reports a missing subjectAltName
                }
                String problem = altNameProblem(names);
                return problem == null ? RuleVerdict.PASS : RuleVerdict.fail(problem);
            },
            ProfileSources.GBCS_DEVICE,
            ProfileSources.RFC4108);

    static final RuleCheck HARDWARE_MODULE_NAME_FORM = RuleCheck.of(
            "CERT-46",
            ERROR,
            VERIFIED,
            Scope.DEVICE,
            "The otherName value is a HardwareModuleName SEQUENCE {hwType OBJECT IDENTIFIER, hwSerialNum OCTET"
                    + " STRING}.",
            "SEQUENCE {OBJECT IDENTIFIER, OCTET STRING}",
            in -> {
                GeneralNames names = in.certificate().subjectAltName();
                if (names == null || altNameProblem(names) != null) {
                    return RuleVerdict.PASS; // CERT-44 and CERT-45 report it
                }
                String problem = hardwareModuleNameProblem(otherNameValue(names));
                return problem == null ? RuleVerdict.PASS : RuleVerdict.fail(problem);
            },
            ProfileSources.GBCS_DEVICE,
            ProfileSources.RFC4108);

    static final RuleCheck SERIAL_IS_EUI64 = RuleCheck.of(
            "CERT-47",
            ERROR,
            VERIFIED,
            Scope.DEVICE,
            "The hwSerialNum is exactly 8 octets, the Device's EUI-64 Entity Identifier.",
            "8 octets",
            in -> {
                ASN1Sequence hmn = hardwareModuleName(in.certificate());
                if (hmn == null) {
                    return RuleVerdict.PASS; // CERT-44 to CERT-46 report it
                }
                int length = ASN1OctetString.getInstance(hmn.getObjectAt(1)).getOctets().length;
                return length == 8 ? RuleVerdict.PASS : RuleVerdict.fail(length + " octets");
            },
            ProfileSources.GBCS_DEVICE,
            ProfileSources.OBSERVED);

    static final RuleCheck HARDWARE_TYPE = RuleCheck.of(
            "CERT-48",
            ERROR,
            OBSERVED,
            Scope.DEVICE,
            "The hwType is the environment's SMKI hwType OID.",
            "the environment's hwType",
            in -> {
                ASN1Sequence hmn = hardwareModuleName(in.certificate());
                if (hmn == null) {
                    return RuleVerdict.PASS; // CERT-44 to CERT-46 report it
                }
                String hwType =
                        ASN1ObjectIdentifier.getInstance(hmn.getObjectAt(0)).getId();
                return hwType.equals(in.environment().hwType())
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail(
                                "hwType " + hwType,
                                "hwType " + in.environment().hwType() + " (environment "
                                        + in.environment().name() + ")");
            },
            ProfileSources.OBSERVED,
            ProfileSources.RTDS);

    static final RuleCheck DEVICE_POLICY = RuleCheck.of(
            "CERT-49",
            ERROR,
            VERIFIED,
            Scope.DEVICE,
            "certificatePolicies holds exactly one policy, a Device Certificate Policy OID of the environment.",
            "one Device policy",
            in -> {
                var policies = in.certificate().certificatePolicies();
                if (policies == null) {
                    return RuleVerdict.PASS; // CERT-9 reports missing policies
                }
                List<String> oids = CommonRules.policyOids(policies);
                if (oids.size() == 1 && in.environment().devicePolicies().contains(oids.get(0))) {
                    return RuleVerdict.PASS;
                }
                return RuleVerdict.fail(
                        "policies " + oids,
                        "exactly one of " + in.environment().devicePolicies() + " (environment "
                                + in.environment().name() + ")");
            },
            ProfileSources.GBCS_DEVICE,
            ProfileSources.OBSERVED);

    static final RuleCheck END_ENTITY = RuleCheck.of(
            "CERT-50",
            ERROR,
            OBSERVED,
            Scope.DEVICE,
            "A Device Certificate has no basicConstraints with cA TRUE and no extendedKeyUsage.",
            "not a CA; no extendedKeyUsage",
            in -> {
                CertificateStructure c = in.certificate();
                BasicConstraints bc = c.basicConstraints();
                if (bc != null && bc.isCA()) {
                    return RuleVerdict.fail("basicConstraints cA TRUE");
                }
                return c.extension(Extension.extendedKeyUsage) == null
                        ? RuleVerdict.PASS
                        : RuleVerdict.fail("extendedKeyUsage");
            },
            ProfileSources.rfc5280("§4.2.1.9"),
            ProfileSources.OBSERVED);

    /** Checked over the certificates validated together, not one by one: see {@link #onePerUsage}. */
    static final Rule ONE_CERTIFICATE_PER_USAGE = RuleCheck.rule(
            "CERT-51",
            ERROR,
            OBSERVED,
            Scope.DEVICE,
            "A Device holds at most one digitalSignature and one keyAgreement certificate; certificates validated"
                    + " together are taken as held together.",
            ProfileSources.GBCS_DEVICE);

    /** Returns what is wrong with a Device subjectAltName for CERT-45, or null. */
    static @Nullable String altNameProblem(GeneralNames names) {
        GeneralName[] all = names.getNames();
        if (all.length != 1) {
            return all.length + " GeneralNames";
        }
        if (all[0].getTagNo() != GeneralName.otherName) {
            return "a GeneralName of tag [" + all[0].getTagNo() + "], not otherName";
        }
        ASN1ObjectIdentifier type = OtherName.getInstance(all[0].getName()).getTypeID();
        return HardwareModuleNames.ID_ON_HARDWARE_MODULE_NAME.equals(type) ? null : "otherName of type " + type.getId();
    }

    private static Object otherNameValue(GeneralNames names) {
        return OtherName.getInstance(names.getNames()[0].getName()).getValue();
    }

    /** Returns what is wrong with a HardwareModuleName value for CERT-46, or null. */
    static @Nullable String hardwareModuleNameProblem(Object value) {
        if (!(value instanceof ASN1Sequence seq)) {
            return "otherName value is not a SEQUENCE";
        }
        if (seq.size() != 2
                || !(seq.getObjectAt(0) instanceof ASN1ObjectIdentifier)
                || !(seq.getObjectAt(1) instanceof ASN1OctetString)) {
            return "SEQUENCE of " + seq.size() + " elements, not {OBJECT IDENTIFIER, OCTET STRING}";
        }
        return null;
    }

    /** Returns the well-formed HardwareModuleName SEQUENCE of a Device Certificate, or null. */
    static ASN1Sequence hardwareModuleName(CertificateStructure c) {
        return hardwareModuleName(c.subjectAltName());
    }

    /** Returns the well-formed HardwareModuleName SEQUENCE of a Device subjectAltName, or null. */
    static @Nullable ASN1Sequence hardwareModuleName(GeneralNames names) {
        if (names == null || altNameProblem(names) != null) {
            return null;
        }
        Object value = otherNameValue(names);
        return hardwareModuleNameProblem(value) == null ? (ASN1Sequence) value : null;
    }

    /** Returns the hwSerialNum of a Device subjectAltName as an EUI-64 when it is 8 octets, or null; never throws. */
    static @Nullable Eui64 hardwareSerialOrNull(GeneralNames names) {
        try {
            ASN1Sequence hmn = hardwareModuleName(names);
            if (hmn == null) {
                return null;
            }
            byte[] serial = ASN1OctetString.getInstance(hmn.getObjectAt(1)).getOctets();
            return serial.length == 8 ? Eui64.fromOctets(serial) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Returns the hwSerialNum of a Device Certificate as an EUI-64 when it is 8 octets, or null; never throws. */
    static @Nullable Eui64 hardwareSerialOrNull(CertificateStructure c) {
        try {
            return hardwareSerialOrNull(c.subjectAltName());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Returns the reports with a CERT-51 finding added to every Device Certificate after the first with the
     * same hwSerialNum and key usage. {@code views} holds the certificate behind each report, or null.
     */
    static List<ValidationReport> onePerUsage(List<CertificateStructure> views, List<ValidationReport> reports) {
        Map<String, Integer> firstIndex = new HashMap<>();
        List<ValidationReport> result = new ArrayList<>(reports);
        for (int i = 0; i < reports.size(); i++) {
            CertificateStructure view = views.get(i);
            ValidationReport report = reports.get(i);
            if (view == null || report.profile() != ProfileKind.DEVICE) {
                continue;
            }
            Eui64 device = hardwareSerialOrNull(view);
            int bits = keyUsageOrMinusOne(view);
            String usage = bits == KeyUsage.digitalSignature
                    ? "digitalSignature"
                    : bits == KeyUsage.keyAgreement ? "keyAgreement" : null;
            if (device == null || usage == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(device + " " + usage, i);
            if (first != null) {
                Finding finding = new Finding(
                        ONE_CERTIFICATE_PER_USAGE,
                        "another " + usage + " certificate for device " + device + " ("
                                + reports.get(first).subject() + ")",
                        "one " + usage + " certificate per device");
                result.set(i, report.withFinding(finding));
            }
        }
        return result;
    }

    private static int keyUsageOrMinusOne(CertificateStructure view) {
        try {
            return view.keyUsageBits();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
