package dev.smki.recovery.workflow;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import java.time.Duration;
import java.time.Instant;

/** Procedures, actors and guards shared by the workflow tests; modelled loosely on recovery.md §2. */
public final class Samples {

    /** When the procedures of the tests start: the simulated clock's first instant. */
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    public static final Actor SUBSCRIBER = Actor.of("SUBSCRIBER");
    public static final Actor DCC = Actor.of("DCC");
    public static final Actor PMA = Actor.of("SMKI_PMA");
    public static final Actor CUSTODIAN = Actor.of("KEY_CUSTODIAN");

    public static final StepId N1 = StepId.of("N1");
    public static final StepId N2 = StepId.of("N2");
    public static final StepId N3 = StepId.of("N3");
    public static final StepId N4 = StepId.of("N4");
    public static final StepId N5 = StepId.of("N5");
    public static final StepId N6 = StepId.of("N6");

    public static final StepId R1 = StepId.of("R1");
    public static final StepId R2 = StepId.of("R2");
    public static final StepId R5 = StepId.of("R5");
    public static final StepId R6 = StepId.of("R6");
    public static final StepId R7 = StepId.of("R7");
    public static final StepId R9 = StepId.of("R9");
    public static final StepId R11 = StepId.of("R11");

    /** The SMKI PMA's decisions for the incident, outside the run; the decision gate reads them. */
    public static final class Decisions {
        private volatile boolean recoveryKeyRequired;

        public void requireRecoveryKey(boolean required) {
            recoveryKeyRequired = required;
        }

        public boolean recoveryKeyRequired() {
            return recoveryKeyRequired;
        }
    }

    public static final Guard<Object> DECISION_GATE = Guard.rule(RuleId.of("REC-1"), "decision gate")
            .stating("the Recovery Private Key is activated only when an SMKI PMA decision requires it")
            .citing(Citation.of("recovery.md", "§6.3 1"), Confidence.VERIFIED)
            .when(in -> ((Decisions) in.context()).recoveryKeyRequired());

    public static final Guard<Object> QUORUM = Guard.rule(RuleId.of("REC-2"), "quorum")
            .stating("activation needs at least 3 distinct Key Custodians present")
            .citing(Citation.of("recovery.md", "§6.3 2"), Confidence.INFERRED)
            .when(in -> Integer.parseInt(in.payload().summary().asMap().getOrDefault("custodians", "0")) >= 3);

    public static final Procedure<Object> NOTIFY = Procedure.named("NOTIFY")
            .pre(N1, "Compromise detected", SUBSCRIBER, DCC)
            .pre(N2, "DCC notified", SUBSCRIBER)
            .after(N1)
            .exec(N3, "Compromise confirmed", DCC)
            .after(N2)
            .exec(N4, "SMKI PMA and parties notified", DCC)
            .after(N3)
            .exec(N5, "Relevant Device identified", DCC)
            .after(N3)
            .perItem()
            .post(N6, "Revocation requested", DCC, SUBSCRIBER)
            .after(N4, N5)
            .deadline("T_confirm", N2, N3, Duration.ofHours(4))
            .deadline("T_notifyPMA", N3, N4, Duration.ofHours(2))
            .build();

    public static final Procedure<Object> RECOVERY_KEY = Procedure.named("RECOVERY_KEY")
            .pre(R1, "Decision to use the Recovery Private Key", PMA)
            .pre(R2, "Key Custodians called", DCC)
            .after(R1)
            .exec(R5, "Recovery Private Key activated", CUSTODIAN, DCC)
            .after(R2)
            .guardedBy(DECISION_GATE, QUORUM)
            .exec(R6, "Command sent to Device", DCC)
            .after(R5)
            .perItem()
            .exec(R7, "Progress reported", DCC)
            .after(R5)
            .repeatable()
            .post(R9, "Device verified", DCC)
            .after(R6)
            .perItem()
            .post(R11, "Final report", DCC)
            .after(R7, R9)
            .build();

    private Samples() {}
}
