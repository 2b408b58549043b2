package dev.smki.core.revocation;

import dev.smki.core.provenance.SourcedRule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a revocation request: revoked, refused under a rule, or held because Section L16 applies, with
 * every step taken.
 *
 * @param request the request
 * @param verdict what became of it
 * @param at when it was decided
 * @param steps the steps taken, in order; the last one decided the verdict
 * @param certificate the certificate's registry entry after the decision
 */
public record RevocationOutcome(
        RevocationRequest request,
        RevocationVerdict verdict,
        Instant at,
        List<RevocationStep> steps,
        RegisteredCertificate certificate) {

    /**
     * Checks the components.
     *
     * @param request the request
     * @param verdict what became of it
     * @param at when it was decided
     * @param steps the steps taken, in order; the last one decided the verdict
     * @param certificate the certificate's registry entry after the decision
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when no step is given
     */
    public RevocationOutcome {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(certificate, "certificate");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("An outcome records at least one step");
        }
    }

    /** {@return whether the certificate was revoked} */
    public boolean isRevoked() {
        return verdict == RevocationVerdict.REVOKED;
    }

    /** {@return the step that refused or held the request, if it was refused or held} */
    public Optional<RevocationStep> failedStep() {
        return steps.stream().filter(step -> !step.passed()).findFirst();
    }

    /**
     * {@return the rule that decided: the one that refused or held the request, or for a revocation the rule
     * that let the requester ask}
     */
    public SourcedRule rule() {
        return failedStep()
                .map(RevocationStep::rule)
                .orElseGet(() -> steps.stream()
                        .filter(step -> step.stage() == RevocationStep.Stage.VERIFY)
                        .findFirst()
                        .orElse(steps.get(steps.size() - 1))
                        .rule());
    }

    /** {@return one line: the verdict, the rule and what was found} */
    public String summary() {
        return switch (verdict) {
            case REVOKED ->
                "revoked " + certificate + " at " + at + " (" + request.reason().slug() + ") under " + rule().id()
                        + "; " + steps.get(steps.size() - 1).detail();
            case REFUSED, HELD ->
                verdict.name().toLowerCase(java.util.Locale.ROOT) + " by " + rule().id() + ": "
                        + failedStep().orElseThrow().detail();
        };
    }

    @Override
    public String toString() {
        return summary();
    }
}
