package dev.smki.recovery.plan;

import java.util.Objects;

/**
 * One custodian's attendance at one session.
 *
 * @param custodian the custodian's id
 * @param session the session, from 1
 * @param outcome how they attend
 */
public record AttendancePlan(String custodian, int session, AttendanceOutcome outcome) {

    /**
     * Checks the components.
     *
     * @param custodian the custodian's id
     * @param session the session, from 1
     * @param outcome how they attend
     * @throws NullPointerException when a component is null
     */
    public AttendancePlan {
        Objects.requireNonNull(custodian, "custodian");
        Objects.requireNonNull(outcome, "outcome");
    }
}
