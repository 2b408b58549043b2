package dev.smki.core.revocation;

import dev.smki.core.provenance.SourcedRule;
import java.util.Objects;

/**
 * One step of handling a revocation request, as a rehearsal shows it: the stage, the rule applied, whether the
 * request passed it, and what was found.
 *
 * @param stage where in the handling the step falls
 * @param rule the rule applied
 * @param passed whether the request passed the rule
 * @param detail what was found, naming the certificate, requester or event
 */
public record RevocationStep(Stage stage, SourcedRule rule, boolean passed, String detail) {

    /** The stages of handling a revocation request, in order (recovery.md §6.2, workflow REVOKE). */
    public enum Stage {
        /** The request is received: does Section L16 displace Appendix D §8, is the reason one for certificates. */
        RECEIVE,
        /** The requester is checked: may they ask, and are they who they say. */
        VERIFY,
        /** The DCC decides: is the certificate still revocable. */
        DECIDE,
        /** The certificate is revoked in the SMKI Repository. */
        REVOKE,
        /** The revocation waits for the next CRL or ARL. */
        PUBLISH
    }

    /**
     * Checks the components.
     *
     * @param stage where in the handling the step falls
     * @param rule the rule applied
     * @param passed whether the request passed the rule
     * @param detail what was found, naming the certificate, requester or event
     * @throws NullPointerException when a component is null
     */
    public RevocationStep {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    /** Returns {@code STAGE RULE passed|failed: detail}. */
    @Override
    public String toString() {
        return stage + " " + rule.id() + (passed ? " passed: " : " failed: ") + detail;
    }
}
