package dev.smki.recovery.workflow;

/**
 * The part of a recovery procedure a step belongs to.
 *
 * <p>Every procedure of the 2015 draft SMKI Recovery Procedure is split into Pre-Recovery, Execution of
 * Recovery Procedure and Post-Recovery (recovery.md §2). A step's prerequisites come from its own phase or
 * an earlier one, so the phases are ordered along every path of a procedure (REC-14).
 */
public enum Phase {
    /** Pre-Recovery: decisions, preparations, new keys and certificates. */
    PRE("Pre-Recovery"),
    /** Execution of Recovery Procedure: commands to Devices and progress reports. */
    EXEC("Execution of Recovery Procedure"),
    /** Post-Recovery: verification, revocation, custody and the final report. */
    POST("Post-Recovery");

    private final String heading;

    Phase(String heading) {
        this.heading = heading;
    }

    /** {@return the phase's heading in the SMKI Recovery Procedure, such as {@code Pre-Recovery}} */
    public String heading() {
        return heading;
    }

    /**
     * {@return whether this phase comes after {@code other}}
     *
     * @param other the phase to compare with
     */
    public boolean isAfter(Phase other) {
        return compareTo(other) > 0;
    }
}
