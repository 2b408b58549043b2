package dev.smki.recovery.workflow;

/** How often a step of a procedure may be done in one run. */
public enum Multiplicity {
    /** Done once; a second attempt is refused as already done. */
    ONCE,
    /** Done any number of times, such as a progress report; complete after the first time. */
    REPEATABLE,
    /**
     * Done once per item, such as once per Device; complete (for the steps that require it and for ordering
     * analysis) after the first item. A step that must wait for every item states so with a guard, since only
     * the run's context knows the full set of items.
     */
    PER_ITEM
}
