package dev.smki.recovery.journal;

import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Refusal;
import dev.smki.recovery.workflow.StepId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a journal after its header: one attempt, accepted or refused.
 *
 * @param sequence the attempt's number, from 1; the entry is on line {@code sequence + 1} of the file
 * @param time when the attempt was decided
 * @param step the step attempted
 * @param item the item, for a per-item step
 * @param actor who attempted it
 * @param accepted whether it was accepted
 * @param refusal the kind of refusal, when refused
 * @param rule the rule of the failed guard, for {@link Refusal.Kind#GUARD_FAILED}
 * @param guard the name of the failed guard, for {@link Refusal.Kind#GUARD_FAILED}
 * @param reason the refusal's message, when refused
 * @param payload the payload's summary
 * @param previousHash the SHA-256 of the previous line, 64 hex digits
 * @param hash the SHA-256 of this line up to its hash field, 64 hex digits
 */
public record JournalEntry(
        long sequence,
        Instant time,
        StepId step,
        Optional<String> item,
        Actor actor,
        boolean accepted,
        Optional<Refusal.Kind> refusal,
        Optional<RuleId> rule,
        Optional<String> guard,
        Optional<String> reason,
        PayloadSummary payload,
        String previousHash,
        String hash) {

    /**
     * Checks the components.
     *
     * @param sequence the attempt's number, from 1; the entry is on line {@code sequence + 1} of the file
     * @param time when the attempt was decided
     * @param step the step attempted
     * @param item the item, for a per-item step
     * @param actor who attempted it
     * @param accepted whether it was accepted
     * @param refusal the kind of refusal, when refused
     * @param rule the rule of the failed guard, for {@link Refusal.Kind#GUARD_FAILED}
     * @param guard the name of the failed guard, for {@link Refusal.Kind#GUARD_FAILED}
     * @param reason the refusal's message, when refused
     * @param payload the payload's summary
     * @param previousHash the SHA-256 of the previous line, 64 hex digits
     * @param hash the SHA-256 of this line up to its hash field, 64 hex digits
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the sequence number is below 1, or the refusal kind, reason, rule
     *     and guard do not match whether the attempt was accepted
     */
    public JournalEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (sequence < 1) {
            throw new IllegalArgumentException("A journal entry's sequence number starts at 1, not " + sequence);
        }
        if (accepted == refusal.isPresent() || accepted == reason.isPresent()) {
            throw new IllegalArgumentException(
                    "Journal entry " + sequence + " needs a refusal kind and reason exactly when refused");
        }
        boolean guardFailed =
                refusal.filter(kind -> kind == Refusal.Kind.GUARD_FAILED).isPresent();
        if (guardFailed != rule.isPresent() || guardFailed != guard.isPresent()) {
            throw new IllegalArgumentException(
                    "Journal entry " + sequence + " names a rule and a guard exactly when a guard failed");
        }
    }

    /** {@return {@code ACCEPTED} or {@code REFUSED}, as written in the journal} */
    public String outcome() {
        return accepted ? "ACCEPTED" : "REFUSED";
    }

    /** {@return the step and item as {@code STEP} or {@code STEP[item]}} */
    public String stepAndItem() {
        return step + item.map(i -> "[" + i + "]").orElse("");
    }

    /** {@return the entry's line number in the journal file: its sequence number plus one for the header} */
    public long line() {
        return sequence + 1;
    }
}
