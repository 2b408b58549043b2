package dev.smki.core.revocation;

import dev.smki.core.provenance.SourcedRule;
import java.util.Objects;

/**
 * What became of one step of a SoLR event: a delay asked for, an MPID transfer attempted or agreed.
 *
 * @param eventId the event
 * @param action what was attempted, such as {@code delay revocation}
 * @param actor who attempted it, such as {@code smki-pma} or {@code dcc}
 * @param result what became of it
 * @param rule the rule applied
 * @param message what was found
 */
public record SolrOutcome(
        SolrEventId eventId, String action, String actor, Result result, SourcedRule rule, String message) {

    /** What became of a SoLR step. */
    public enum Result {
        /** The delay was granted (or was already in force). */
        GRANTED,
        /** A rule refused it; nothing changed. */
        REFUSED,
        /** It waits: the MPID transfer is delayed. */
        HELD,
        /** It was carried out. */
        COMPLETED
    }

    /**
     * Checks that every component is given.
     *
     * @param eventId the event
     * @param action what was attempted, such as {@code delay revocation}
     * @param actor who attempted it, such as {@code smki-pma} or {@code dcc}
     * @param result what became of it
     * @param rule the rule applied
     * @param message what was found
     * @throws NullPointerException when a component is null
     */
    public SolrOutcome {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** {@return whether it was granted or carried out} */
    public boolean isAccepted() {
        return result == Result.GRANTED || result == Result.COMPLETED;
    }

    /** Returns {@code event: action by actor RESULT (RULE): message}. */
    @Override
    public String toString() {
        return eventId + ": " + action + " by " + actor + " " + result + " (" + rule.id() + "): " + message;
    }
}
