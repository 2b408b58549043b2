package dev.smki.core.issuance;

import dev.smki.core.profile.Finding;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.RuleId;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Thrown when the test PKI refuses to issue: the certificate (or the Device CSR it was asked to certify) breaks
 * a rule that was not declared with {@code breaking(...)}, or a declared rule is not in fact broken. Nothing is
 * issued; the findings say why.
 */
public final class IssuanceRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> undeclared;
    /** The rules declared broken that the certificate does not break. */
    private final SortedSet<RuleId> declaredButNotBroken;

    IssuanceRefusedException(String what, List<Finding> undeclared, Set<RuleId> declaredButNotBroken) {
        super(message(what, undeclared, declaredButNotBroken));
        this.undeclared = List.copyOf(undeclared);
        this.declaredButNotBroken = new TreeSet<>(declaredButNotBroken);
    }

    static IssuanceRefusedException forCertificate(
            ProfileKind kind, List<Finding> undeclared, Set<RuleId> declaredButNotBroken) {
        return new IssuanceRefusedException(
                "Refused to issue a " + kind.displayName() + " certificate", undeclared, declaredButNotBroken);
    }

    static IssuanceRefusedException forCsr(List<Finding> findings) {
        return new IssuanceRefusedException(
                "Refused to certify a Device CSR that does not conform", findings, Set.of());
    }

    /** {@return the broken rules that were not declared (or, for a CSR, every broken rule)} */
    public List<Finding> findings() {
        return undeclared;
    }

    /** {@return the rules declared as broken that the certificate does not in fact break} */
    public SortedSet<RuleId> declaredButNotBroken() {
        return new TreeSet<>(declaredButNotBroken);
    }

    private static String message(String what, List<Finding> undeclared, Set<RuleId> notBroken) {
        StringBuilder sb = new StringBuilder(what).append(':');
        if (!undeclared.isEmpty()) {
            sb.append(" breaks ")
                    .append(undeclared.stream().map(Finding::toString).collect(Collectors.joining("; ")));
        }
        if (!notBroken.isEmpty()) {
            if (!undeclared.isEmpty()) {
                sb.append(';');
            }
            sb.append(" declared as broken but not broken: ").append(new TreeSet<>(notBroken));
        }
        return sb.toString();
    }
}
