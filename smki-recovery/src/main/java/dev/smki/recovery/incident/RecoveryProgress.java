package dev.smki.recovery.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How far one sending of commands to an incident's Relevant Devices was at one moment: one line of a Recovery
 * Progress File ({@link ProgressFile}). Every report keeps {@code total = succeeded + failed + pending}
 * ({@link ScopeRules#PROGRESS_CONSERVED REC-9}); {@link #requireFollows} checks that counts only move forward.
 *
 * <p>{@code failed} counts the Devices whose command finally failed (refused, or no answer after the last
 * retry) or that were found decommissioned; {@code writtenOff} counts those of them written off with a reason,
 * so it never exceeds {@code failed}. The incident may close once nothing is pending and every failed Device is
 * written off ({@link ScopeRules#SCOPE_SETTLED REC-8}).
 *
 * @param incident the incident
 * @param operation the step sending the commands, such as {@code C5}: letters, digits, {@code .}, {@code _} and
 *     {@code -}
 * @param at when, on the simulated clock
 * @param total the Devices sent to
 * @param succeeded those that executed their command
 * @param failed those whose command finally failed, or that were found decommissioned
 * @param pending those not finished yet
 * @param writtenOff the failed ones written off with a reason
 */
public record RecoveryProgress(
        IncidentId incident,
        String operation,
        Instant at,
        long total,
        long succeeded,
        long failed,
        long pending,
        long writtenOff) {

    private static final Pattern OPERATION = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Checks the report.
     *
     * @param incident the incident
     * @param operation the step sending the commands, such as {@code C5}: letters, digits, {@code .}, {@code _} and
     *     {@code -}
     * @param at when, on the simulated clock
     * @param total the Devices sent to
     * @param succeeded those that executed their command
     * @param failed those whose command finally failed, or that were found decommissioned
     * @param pending those not finished yet
     * @param writtenOff the failed ones written off with a reason
     * @throws IllegalArgumentException when a count is negative, {@code total != succeeded + failed + pending}
     *     (REC-9), more are written off than failed, or the operation is not 1 to 64 letters, digits, {@code .},
     *     {@code _} or {@code -}
     */
    public RecoveryProgress {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(at, "at");
        if (!OPERATION.matcher(operation).matches()) {
            throw new IllegalArgumentException(
                    "An operation is 1 to 64 letters, digits, '.', '_' or '-', such as C5; got '" + operation + "'");
        }
        if (total < 0 || succeeded < 0 || failed < 0 || pending < 0 || writtenOff < 0) {
            throw new IllegalArgumentException(
                    "Progress counts are not negative: " + counts(total, succeeded, failed, pending, writtenOff));
        }
        if (succeeded + failed + pending != total) {
            throw new IllegalArgumentException(ScopeRules.PROGRESS_CONSERVED.id() + ": succeeded + failed + pending"
                    + " = total, not " + succeeded + " + " + failed + " + " + pending + " = " + total);
        }
        if (writtenOff > failed) {
            throw new IllegalArgumentException(
                    "Only failed Devices are written off: " + writtenOff + " written off of " + failed + " failed");
        }
    }

    /**
     * {@return the report of a sending that has not started: every one of {@code total} Devices pending}
     *
     * @param incident the incident
     * @param operation the step sending the commands
     * @param at when it happens
     * @param total how many Relevant Devices in all
     */
    public static RecoveryProgress start(IncidentId incident, String operation, Instant at, long total) {
        return new RecoveryProgress(incident, operation, at, total, 0, 0, total, 0);
    }

    /** {@return whether every Device sent to executed its command or was written off with a reason (REC-8)} */
    public boolean isSettled() {
        return unsettled().isEmpty();
    }

    /**
     * {@return why the incident may not close yet (REC-8), or empty when every Device sent to executed its command
     * or was written off with a reason}
     */
    public Optional<String> unsettled() {
        if (pending == 0 && writtenOff == failed) {
            return Optional.empty();
        }
        return Optional.of(ScopeRules.SCOPE_SETTLED.id() + ": incident " + incident + " may not close: of " + total
                + " Relevant Devices sent " + operation + ", " + pending + " pending and " + (failed - writtenOff)
                + " failed but not written off");
    }

    /**
     * Checks that the incident may close.
     *
     * @throws IllegalStateException naming REC-8 and the Devices still open, when some are pending or failed but
     *     not written off
     */
    public void requireSettled() {
        unsettled().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
    }

    /**
     * {@return why this report may not follow {@code previous} in one progress file (REC-9), or empty when it may:
     * same incident, operation and total, not earlier, and no count of succeeded, failed or written-off Devices
     * lower}
     *
     * @param previous the report before
     */
    public Optional<String> notFollowing(RecoveryProgress previous) {
        Objects.requireNonNull(previous, "previous");
        String rule = ScopeRules.PROGRESS_CONSERVED.id() + ": ";
        if (!incident.equals(previous.incident) || !operation.equals(previous.operation)) {
            return Optional.of(
                    rule + incident + " " + operation + " follows " + previous.incident + " " + previous.operation);
        }
        if (total != previous.total) {
            return Optional.of(rule + "the total changed from " + previous.total + " to " + total);
        }
        if (at.isBefore(previous.at)) {
            return Optional.of(rule + at + " is before the previous report's " + previous.at);
        }
        if (succeeded < previous.succeeded || failed < previous.failed || writtenOff < previous.writtenOff) {
            return Optional.of(rule + "counts went back from " + previous.counts() + " to " + counts());
        }
        return Optional.empty();
    }

    /**
     * Checks that this report may follow {@code previous} (REC-9).
     *
     * @param previous the report before
     * @throws IllegalArgumentException naming REC-9 when it may not
     */
    public void requireFollows(RecoveryProgress previous) {
        notFollowing(previous).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }

    /** {@return the counts as {@code total=.., succeeded=.., failed=.., pending=.., writtenOff=..}} */
    public String counts() {
        return counts(total, succeeded, failed, pending, writtenOff);
    }

    private static String counts(long total, long succeeded, long failed, long pending, long writtenOff) {
        return "total=" + total + ", succeeded=" + succeeded + ", failed=" + failed + ", pending=" + pending
                + ", writtenOff=" + writtenOff;
    }

    /** Returns {@code INCIDENT OPERATION at TIME: counts}. */
    @Override
    public String toString() {
        return incident + " " + operation + " at " + at + ": " + counts();
    }
}
