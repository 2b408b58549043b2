package dev.smki.recovery.fleet;

/** What an injected failure does to one attempt to deliver a command ({@link FailureInjection}). */
public enum InjectedFailure {
    /** The attempt reaches the Device, which judges the command. */
    NONE,
    /** The Device is found decommissioned: it is written off and sent nothing. */
    DECOMMISSIONED,
    /** No answer: the command did not reach the Device; the attempt may be retried. */
    UNCONTACTABLE,
    /** The Device answers {@code resourcesBusy} (30) without executing the command; the attempt may be retried. */
    BUSY
}
