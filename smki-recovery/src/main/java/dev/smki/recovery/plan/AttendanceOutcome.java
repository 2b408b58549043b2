package dev.smki.recovery.plan;

import java.util.Locale;

/** How a custodian attends a session. */
public enum AttendanceOutcome {
    /** On time, with their own shares. */
    ATTENDS,
    /** After the first attempt to activate the key; the activation is tried again once they present. */
    LATE,
    /** Does not come. */
    NO_SHOW,
    /** Ceased to be a Key Custodian before the session; their attendance is refused (REC-2). */
    CEASED,
    /** Presents a share that is not theirs; refused (CUS-1). */
    WRONG_SHARE;

    /** {@return the name in a plan: {@code attends}, {@code late}, {@code no-show}, {@code ceased}, ..} */
    public String planName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
