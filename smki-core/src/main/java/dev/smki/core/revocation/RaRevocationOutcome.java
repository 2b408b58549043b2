package dev.smki.core.revocation;

import dev.smki.core.provenance.SourcedRule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a request to revoke RA personnel credentials: revoked, or refused under REV-10 (§8.3.3, who may
 * ask) or REV-11 (§8.3.4, not verified), with every step taken.
 *
 * @param request the request
 * @param verdict {@link RevocationVerdict#REVOKED} or {@link RevocationVerdict#REFUSED}
 * @param at when it was decided
 * @param steps the steps taken, in order
 * @param credential the credentials after the decision
 */
public record RaRevocationOutcome(
        RaRevocationRequest request,
        RevocationVerdict verdict,
        Instant at,
        List<RevocationStep> steps,
        RaCredential credential) {

    /**
     * Checks the components.
     *
     * @param request the request
     * @param verdict {@link RevocationVerdict#REVOKED} or {@link RevocationVerdict#REFUSED}
     * @param at when it was decided
     * @param steps the steps taken, in order
     * @param credential the credentials after the decision
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the verdict is {@link RevocationVerdict#HELD}
     */
    public RaRevocationOutcome {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(credential, "credential");
        steps = List.copyOf(steps);
        if (verdict == RevocationVerdict.HELD) {
            throw new IllegalArgumentException("Requests to revoke RA credentials are never held");
        }
    }

    /** {@return whether the credentials were revoked} */
    public boolean isRevoked() {
        return verdict == RevocationVerdict.REVOKED;
    }

    /** {@return the rule that refused the request, if it was refused} */
    public Optional<SourcedRule> refusedBy() {
        return steps.stream().filter(step -> !step.passed()).findFirst().map(RevocationStep::rule);
    }

    @Override
    public String toString() {
        RevocationStep last = steps.get(steps.size() - 1);
        return verdict.name().toLowerCase(java.util.Locale.ROOT) + " ("
                + last.rule().id() + "): " + last.detail();
    }
}
