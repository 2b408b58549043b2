package dev.smki.core.device;

import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.profile.CertificateValidator;
import dev.smki.core.profile.Finding;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.profile.ValidationContext;
import dev.smki.core.profile.ValidationReport;
import dev.smki.core.provenance.RuleId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certification-path checks of rule DEV-12, memoised across Devices.
 *
 * <p>Whether a replacement certificate conforms to its profile and chains to a Root key through the given path
 * certificates is a pure function of the certificate bytes, the path bytes and the Root cell's key, so the
 * verdict is computed once with the {@link CertificateValidator} and shared by every Device holding that Root:
 * a million Devices receiving the same new Root cost one validation. The validity period is the one part that
 * depends on the moment, so it is left out of the memo (rule CERT-53 is set aside) and each Device compares its
 * own clock with the verdict's window. The memo is cleared when it grows past {@value #MEMO_LIMIT} entries.
 */
final class CertificationPaths {

    static final int MEMO_LIMIT = 4096;

    private static final RuleId VALID_AT_INSTANT = RuleId.of("CERT-53");

    private final SmkiEnvironment environment;
    private final String contingencyExtensionOid;
    private final ConcurrentHashMap<Key, Verdict> memo = new ConcurrentHashMap<>();

    CertificationPaths(SmkiEnvironment environment, String contingencyExtensionOid) {
        this.environment = environment;
        this.contingencyExtensionOid = contingencyExtensionOid;
    }

    /**
     * What the check found: the certificate's facts (null when the bytes are not a certificate), the problem
     * (null when the certificate is valid under the Root), the window in which the certificate and its path are
     * all within their validity periods, and, for a new Root, whether the current Root certifies it. It also
     * keeps the cell made from the certificate, so that every Device installing it shares one cell.
     */
    static final class Verdict {
        private final CertificateFacts facts;
        private final String problem;
        private final long notBefore;
        private final long notAfter;
        private final boolean certifiedByRoot;
        private volatile TrustAnchorCell cell;

        Verdict(CertificateFacts facts, String problem, long notBefore, long notAfter, boolean certifiedByRoot) {
            this.facts = facts;
            this.problem = problem;
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            this.certifiedByRoot = certifiedByRoot;
        }

        static Verdict unusable(CertificateFacts facts, String problem) {
            return new Verdict(facts, problem, 0, -1, false);
        }

        CertificateFacts facts() {
            return facts;
        }

        String problem() {
            return problem;
        }

        boolean certifiedByRoot() {
            return certifiedByRoot;
        }

        boolean isValidAt(long epochSecond) {
            return epochSecond >= notBefore && epochSecond <= notAfter;
        }

        /** Returns the cell {@code target} holding this (valid) certificate. */
        TrustAnchorCell cell(TrustAnchorCellId target) {
            TrustAnchorCell known = cell;
            if (known != null && known.id().equals(target)) {
                return known;
            }
            TrustAnchorCell made = TrustAnchorCell.of(
                    target,
                    facts.subjectUniqueId,
                    facts.subjectKeyId,
                    facts.key,
                    target.isRoot() ? facts.wrappedContingencyKey : null);
            cell = made;
            return made;
        }
    }

    /**
     * Returns the verdict on {@code certificate} replacing the Root cell ({@code rootTarget}) or a party's cell,
     * with {@code path} as certification-path certificates, under the Device's current Root cell {@code root}.
     */
    Verdict check(byte[] certificate, List<byte[]> path, TrustAnchorCell root, boolean rootTarget, Instant at) {
        Key key = new Key(rootTarget, root.key().encoded(), certificate, path);
        Verdict known = memo.get(key);
        if (known != null) {
            return known;
        }
        Verdict verdict = compute(certificate, path, root.key(), rootTarget, at);
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        memo.putIfAbsent(key, verdict);
        return verdict;
    }

    int memoSize() {
        return memo.size();
    }

    private Verdict compute(
            byte[] certificate, List<byte[]> path, VerificationKey rootKey, boolean rootTarget, Instant at) {
        CertificateFacts subject;
        try {
            subject = CertificateFacts.parse(certificate, contingencyExtensionOid);
        } catch (IllegalArgumentException e) {
            return Verdict.unusable(null, e.getMessage());
        }
        List<CertificateFacts> pathFacts = new ArrayList<>(path.size());
        for (byte[] der : path) {
            try {
                pathFacts.add(CertificateFacts.parse(der, contingencyExtensionOid));
            } catch (IllegalArgumentException e) {
                return Verdict.unusable(subject, "a certification-path certificate is " + e.getMessage());
            }
        }
        ValidationContext context = ValidationContext.of(environment, at);
        return rootTarget
                ? newRoot(subject, pathFacts, rootKey, context)
                : partyCertificate(subject, pathFacts, rootKey, context);
    }

    private Verdict newRoot(
            CertificateFacts root,
            List<CertificateFacts> path,
            VerificationKey currentRoot,
            ValidationContext context) {
        List<String> problems = errors(
                CertificateValidator.validate(root.holder, ProfileKind.ROOT_OCA, context.withIssuer(root.holder)));
        if (root.wrappedContingencyKey == null) {
            problems.add("no readable WrappedApexContingencyKey in extension " + contingencyExtensionOid);
        }
        if (!problems.isEmpty()) {
            return Verdict.unusable(
                    root, "the new Root " + root.describe() + " is not a conforming Root OCA: " + problems);
        }
        boolean certified = path.stream()
                .anyMatch(link -> link.key != null && link.key.equals(root.key) && link.isSignedBy(currentRoot));
        return new Verdict(root, null, root.notBefore, root.notAfter, certified);
    }

    private Verdict partyCertificate(
            CertificateFacts subject, List<CertificateFacts> path, VerificationKey rootKey, ValidationContext context) {
        String firstProblem = null;
        for (CertificateFacts issuer : path) {
            if (!issuer.holder.getSubject().equals(subject.holder.getIssuer())) {
                continue;
            }
            List<String> problems = errors(CertificateValidator.validate(
                    subject.holder, ProfileKind.ORGANISATION, context.withIssuer(issuer.holder)));
            List<String> issuerProblems =
                    errors(CertificateValidator.validate(issuer.holder, ProfileKind.ISSUING_OCA, context));
            String problem = null;
            if (!problems.isEmpty()) {
                problem = subject.describe() + " is not a conforming Organisation Certificate issued by "
                        + issuer.describe() + ": " + problems;
            } else if (!issuerProblems.isEmpty()) {
                problem = "its issuer " + issuer.describe() + " is not a conforming Issuing OCA: " + issuerProblems;
            } else if (!issuer.isSignedBy(rootKey)) {
                problem = "its issuer " + issuer.describe() + " is not signed by the Device's Root";
            }
            if (problem == null) {
                return new Verdict(
                        subject,
                        null,
                        Math.max(subject.notBefore, issuer.notBefore),
                        Math.min(subject.notAfter, issuer.notAfter),
                        false);
            }
            if (firstProblem == null) {
                firstProblem = problem;
            }
        }
        return Verdict.unusable(
                subject,
                firstProblem != null
                        ? firstProblem
                        : "no certification-path certificate is its issuer " + subject.holder.getIssuer());
    }

    /** Returns the broken rules of severity error, but for the validity period, which each Device checks itself. */
    private static List<String> errors(ValidationReport report) {
        List<String> errors = new ArrayList<>();
        for (Finding finding : report.errors()) {
            if (!finding.rule().id().equals(VALID_AT_INSTANT)) {
                errors.add(finding.rule().id() + " (" + finding.actual() + ")");
            }
        }
        return errors;
    }

    /** The memo key: whether the Root is targeted, the Root cell's key, the certificate and the path. */
    private static final class Key {
        private final boolean rootTarget;
        private final byte[] rootKey;
        private final byte[] certificate;
        private final byte[][] path;
        private final int hash;

        Key(boolean rootTarget, byte[] rootKey, byte[] certificate, List<byte[]> path) {
            this.rootTarget = rootTarget;
            this.rootKey = rootKey;
            this.certificate = certificate;
            this.path = path.toArray(byte[][]::new);
            this.hash = 31 * (31 * Arrays.hashCode(certificate) + Arrays.hashCode(rootKey))
                    + Arrays.deepHashCode(this.path)
                    + (rootTarget ? 1 : 0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && hash == other.hash
                    && rootTarget == other.rootTarget
                    && Arrays.equals(certificate, other.certificate)
                    && Arrays.equals(rootKey, other.rootKey)
                    && Arrays.deepEquals(path, other.path);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
