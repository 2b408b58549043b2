package dev.smki.core.profile;

import static dev.smki.core.profile.Severity.ERROR;
import static dev.smki.core.provenance.Confidence.VERIFIED;

import dev.smki.core.internal.crypto.EcdsaVerifier;
import dev.smki.core.internal.der.X500Names;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** The Device CSR rule (certificates.md §7, rule 52): what a Device sends for CS02c. */
final class CsrRules {

    private CsrRules() {}

    static final RuleCheck DEVICE_CSR = RuleCheck.of(
            "CERT-52",
            ERROR,
            VERIFIED,
            Scope.DEVICE_CSR,
            "A Device CSR is PKCS#10 v1 with an empty subject, a P-256 key and an ecdsa-with-SHA256 signature that"
                    + " verifies, requesting a critical keyUsage with one bit and a critical hwModuleName"
                    + " subjectAltName.",
            "v1, empty subject, P-256, ecdsa-with-SHA256, critical one-bit keyUsage and hwModuleName SAN,"
                    + " valid signature",
            in -> {
                List<String> problems = problems(in.csr(), in);
                return problems.isEmpty() ? RuleVerdict.PASS : RuleVerdict.fail(String.join("; ", problems));
            },
            ProfileSources.RTDS,
            ProfileSources.GBCS_DEVICE,
            ProfileSources.RFC2986);

    private static List<String> problems(PKCS10CertificationRequest csr, Inspection in) {
        List<String> problems = new ArrayList<>();
        CertificationRequestInfo info = csr.toASN1Structure().getCertificationRequestInfo();
        if (!info.getVersion().hasValue(0)) {
            problems.add("version " + info.getVersion().getValue());
        }
        if (info.getSubject().getRDNs().length != 0) {
            problems.add("subject " + X500Names.describe(info.getSubject()));
        }
        SubjectPublicKeyInfo spki = info.getSubjectPublicKeyInfo();
        String keyProblem = Keys.algorithmProblem(spki);
        if (keyProblem == null) {
            keyProblem = Keys.pointProblem(spki);
        }
        if (keyProblem != null) {
            problems.add(keyProblem);
        }
        String algorithmProblem = Keys.signatureAlgorithmProblem(csr.getSignatureAlgorithm());
        if (algorithmProblem != null) {
            problems.add("signature algorithm " + algorithmProblem);
        }
        Extensions requested = csr.getRequestedExtensions();
        if (requested == null) {
            problems.add("no extensionRequest");
        } else {
            keyUsageProblem(requested.getExtension(Extension.keyUsage), problems);
            altNameProblem(requested.getExtension(Extension.subjectAlternativeName), in, problems);
        }
        if (keyProblem == null) {
            String signatureProblem =
                    EcdsaVerifier.of(spki).problem(csr.getSignatureAlgorithm(), info, csr.getSignature());
            if (signatureProblem != null) {
                problems.add(signatureProblem + " with the requested key");
            }
        }
        return problems;
    }

    private static void keyUsageProblem(Extension keyUsage, List<String> problems) {
        if (keyUsage == null) {
            problems.add("no keyUsage requested");
            return;
        }
        if (!keyUsage.isCritical()) {
            problems.add("keyUsage not critical");
        }
        int bits = ASN1BitString.getInstance(keyUsage.getParsedValue()).intValue();
        if (bits != KeyUsage.digitalSignature && bits != KeyUsage.keyAgreement) {
            problems.add(CommonRules.describeKeyUsage(bits));
        }
    }

    private static void altNameProblem(Extension altName, Inspection in, List<String> problems) {
        if (altName == null) {
            problems.add("no subjectAltName requested");
            return;
        }
        if (!altName.isCritical()) {
            problems.add("subjectAltName not critical");
        }
        GeneralNames names = GeneralNames.getInstance(altName.getParsedValue());
        String problem = DeviceRules.altNameProblem(names);
        if (problem == null) {
            Object value = OtherName.getInstance(names.getNames()[0].getName()).getValue();
            problem = DeviceRules.hardwareModuleNameProblem(value);
            if (problem == null) {
                ASN1Sequence hmn = (ASN1Sequence) value;
                int length = ASN1OctetString.getInstance(hmn.getObjectAt(1)).getOctets().length;
                String hwType =
                        ASN1ObjectIdentifier.getInstance(hmn.getObjectAt(0)).getId();
                if (length != 8) {
                    problem = "hwSerialNum of " + length + " octets";
                } else if (!hwType.equals(in.environment().hwType())) {
                    problem = "hwType " + hwType + ", not " + in.environment().hwType();
                }
            }
        }
        if (problem != null) {
            problems.add("subjectAltName: " + problem);
        }
    }
}
