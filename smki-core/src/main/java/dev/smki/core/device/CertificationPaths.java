package dev.smki.core.device;

import dev.smki.core.certificate.MalformedCertificateException;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.contingency.WrappedApexContingencyKey;
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
import org.jspecify.annotations.Nullable;

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
    private final String contingencyKeyExtension;
    private final ConcurrentHashMap<MemoKey, PathVerdict> memo = new ConcurrentHashMap<>();

    CertificationPaths(SmkiEnvironment environment, String contingencyKeyExtension) {
        this.environment = environment;
        this.contingencyKeyExtension = contingencyKeyExtension;
    }

    /**
     * What the check found: the certificate (null when the bytes are not a certificate) and the key usage a cell
     * would take it for, the problem (null when the certificate is valid under the Root), the window in which the
     * certificate and its path are all within their validity periods, and, for a new Root, whether the current
     * Root certifies it. It also keeps the cell made from the certificate, so that every Device installing it
     * shares one cell.
     */
    static final class PathVerdict {
        private final @Nullable SmkiCertificate certificate;
        private final @Nullable AnchorKeyUsage keyUsage;
        private final @Nullable String problem;
        private final long notBefore;
        private final long notAfter;
        private final boolean certifiedByRoot;
        private volatile @Nullable TrustAnchorCell cell;

        PathVerdict(
                @Nullable SmkiCertificate certificate,
                @Nullable String problem,
                long notBefore,
                long notAfter,
                boolean certifiedByRoot) {
            this.certificate = certificate;
            this.keyUsage = certificate == null
                    ? null
                    : AnchorKeyUsage.assertedBy(certificate).orElse(null);
            this.problem = problem;
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            this.certifiedByRoot = certifiedByRoot;
        }

        static PathVerdict unusable(@Nullable SmkiCertificate certificate, String problem) {
            return new PathVerdict(certificate, problem, 0, -1, false);
        }

        /** Returns the certificate's short description ({@link SmkiCertificate#describe()}). */
        String describe() {
            return certificate == null ? "(not a certificate)" : certificate.describe();
        }

        /** Returns whether the bytes were an X.509 certificate. */
        boolean isCertificate() {
            return certificate != null;
        }

        /** Returns the key usage a cell would take the certificate for, or null when it asserts none of them. */
        @Nullable
        AnchorKeyUsage keyUsage() {
            return keyUsage;
        }

        @Nullable
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
        TrustAnchorCell cell(TrustAnchorCellId target, String contingencyKeyExtension) {
            TrustAnchorCell known = cell;
            if (known != null && known.id().equals(target)) {
                return known;
            }
            TrustAnchorCell made = TrustAnchorCell.anchoring(target, certificate, contingencyKeyExtension);
            cell = made;
            return made;
        }
    }

    /**
     * Returns the verdict on {@code certificate} replacing the Root cell ({@code rootTarget}) or a party's cell,
     * with {@code path} as certification-path certificates, under the Device's current Root cell {@code root}.
     */
    PathVerdict check(byte[] certificate, List<byte[]> path, TrustAnchorCell root, boolean rootTarget, Instant at) {
        MemoKey key = new MemoKey(rootTarget, root.key().encoded(), certificate, path);
        PathVerdict known = memo.get(key);
        if (known != null) {
            return known;
        }
        PathVerdict verdict = compute(certificate, path, root.key(), rootTarget, at);
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        memo.putIfAbsent(key, verdict);
        return verdict;
    }

    int memoSize() {
        return memo.size();
    }

    private PathVerdict compute(
            byte[] certificate, List<byte[]> path, VerificationKey rootKey, boolean rootTarget, Instant at) {
        SmkiCertificate subject;
        try {
            subject = SmkiCertificate.parse(certificate);
        } catch (MalformedCertificateException e) {
            return PathVerdict.unusable(null, e.problem());
        }
        List<SmkiCertificate> links = new ArrayList<>(path.size());
        for (byte[] der : path) {
            try {
                links.add(SmkiCertificate.parse(der));
            } catch (MalformedCertificateException e) {
                return PathVerdict.unusable(subject, "a certification-path certificate: " + e.problem());
            }
        }
        ValidationContext context = ValidationContext.of(environment, at);
        try {
            return rootTarget
                    ? newRoot(subject, links, rootKey, context)
                    : partyCertificate(subject, links, rootKey, context);
        } catch (MalformedCertificateException e) {
            return PathVerdict.unusable(subject, e.getMessage());
        }
    }

    private PathVerdict newRoot(
            SmkiCertificate root, List<SmkiCertificate> path, VerificationKey currentRoot, ValidationContext context) {
        List<String> problems = errors(
                CertificateValidator.validate(root.holder(), ProfileKind.ROOT_OCA, context.withIssuer(root.holder())));
        if (!hasWrappedContingencyKey(root)) {
            problems.add("no readable WrappedApexContingencyKey in extension " + contingencyKeyExtension);
        }
        if (!problems.isEmpty()) {
            return PathVerdict.unusable(
                    root, "the new Root " + root.describe() + " is not a conforming Root OCA: " + problems);
        }
        byte[] rootKey = root.subjectPublicKeyInfo();
        boolean certified = path.stream()
                .anyMatch(link ->
                        Arrays.equals(link.subjectPublicKeyInfo(), rootKey) && currentRoot.verifiesSignatureOf(link));
        return new PathVerdict(
                root, null, root.notBefore().getEpochSecond(), root.notAfter().getEpochSecond(), certified);
    }

    private boolean hasWrappedContingencyKey(SmkiCertificate root) {
        try {
            return root.extensionValue(contingencyKeyExtension)
                    .map(WrappedApexContingencyKey::parse)
                    .isPresent();
        } catch (IllegalArgumentException e) { // MalformedCertificateException is one
            return false;
        }
    }

    private PathVerdict partyCertificate(
            SmkiCertificate subject, List<SmkiCertificate> path, VerificationKey rootKey, ValidationContext context) {
        String firstProblem = null;
        for (SmkiCertificate issuer : path) {
            if (!subject.namesIssuer(issuer)) {
                continue;
            }
            List<String> problems = errors(CertificateValidator.validate(
                    subject.holder(), ProfileKind.ORGANISATION, context.withIssuer(issuer.holder())));
            List<String> issuerProblems =
                    errors(CertificateValidator.validate(issuer.holder(), ProfileKind.ISSUING_OCA, context));
            String problem = null;
            if (!problems.isEmpty()) {
                problem = subject.describe() + " is not a conforming Organisation Certificate issued by "
                        + issuer.describe() + ": " + problems;
            } else if (!issuerProblems.isEmpty()) {
                problem = "its issuer " + issuer.describe() + " is not a conforming Issuing OCA: " + issuerProblems;
            } else if (!rootKey.verifiesSignatureOf(issuer)) {
                problem = "its issuer " + issuer.describe() + " is not signed by the Device's Root";
            }
            if (problem == null) {
                return new PathVerdict(
                        subject,
                        null,
                        Math.max(
                                subject.notBefore().getEpochSecond(),
                                issuer.notBefore().getEpochSecond()),
                        Math.min(
                                subject.notAfter().getEpochSecond(),
                                issuer.notAfter().getEpochSecond()),
                        false);
            }
            if (firstProblem == null) {
                firstProblem = problem;
            }
        }
        return PathVerdict.unusable(
                subject,
                firstProblem != null
                        ? firstProblem
                        : "no certification-path certificate is its issuer " + subject.describeIssuer());
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
    private static final class MemoKey {
        private final boolean rootTarget;
        private final byte[] rootKey;
        private final byte[] certificate;
        private final byte[][] path;
        private final int hash;

        MemoKey(boolean rootTarget, byte[] rootKey, byte[] certificate, List<byte[]> path) {
            this.rootTarget = rootTarget;
            this.rootKey = rootKey;
            this.certificate = certificate;
            this.path = path.toArray(byte[][]::new);
            this.hash = 31 * (31 * Arrays.hashCode(certificate) + Arrays.hashCode(rootKey))
                    + Arrays.deepHashCode(this.path)
                    + (rootTarget ? 1 : 0);
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof MemoKey other
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
