package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.SECAS;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;

import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * P-TEST: the periodic test of the recovery arrangements, a key ceremony exercising the HSM and the custodians
 * (SEC L10 scope (e), verified; ceremonies about once a year, verified; recovery.md §2.8: the steps are
 * reconstructed).
 *
 * <p>The SMKI PMA's approval at T2 is the authorisation T4 is gated on (REC-1); T4 needs the quorum (REC-2), T5
 * the active key (CUS-2). The exercised keys are a parameter: the Recovery Private Key unless given.
 */
public final class Exercise {

    /** T1: the DCC proposes a test plan and date. */
    public static final StepId PLANNED = StepId.of("T1");

    /** T2: the SMKI PMA approves the plan and will observe. */
    public static final StepId APPROVED = StepId.of("T2");

    /** T3: a Key Custodian attends (per custodian). */
    public static final StepId CUSTODIAN_ATTENDS = StepId.of("T3");

    /** T4: the quorum activates the exercised keys in the HSM. */
    public static final StepId KEY_ACTIVATED = StepId.of("T4");

    /** T5: the test is run, on test Devices or with a test key. */
    public static final StepId TESTED = StepId.of("T5");

    /** T6: the DCC reports to the SMKI PMA. */
    public static final StepId REPORTED = StepId.of("T6");

    /** T7: the custodian roster is refreshed, leavers replaced. */
    public static final StepId ROSTER_REFRESHED = StepId.of("T7");

    /** The procedure's name. */
    public static final String NAME = "EXERCISE";

    private Exercise() {}

    /** Returns the procedure exercising the Recovery Private Key, with the default settings. */
    public static Procedure definition() {
        return definition(ProcedureSettings.defaults(), EnumSet.of(CustodyKey.RECOVERY_PRIVATE_KEY));
    }

    /** Returns the procedure exercising {@code keys}, with {@code settings}' durations and omitted steps. */
    public static Procedure definition(ProcedureSettings settings, Set<CustodyKey> keys) {
        Objects.requireNonNull(settings, "settings");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("An exercise activates at least one key in custody");
        }
        return settings.applyTo(Procedure.named(NAME)
                .pre(PLANNED, "Test plan and date proposed", DCC)
                .citing(Confidence.RECONSTRUCTED, Sources.L10, Sources.note("§2.8 T1"))
                .pre(APPROVED, "SMKI PMA approves the plan and will observe", SMKI_PMA)
                .after(PLANNED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.8 T2"))
                .pre(CUSTODIAN_ATTENDS, "Key Custodian attends the ceremony", KEY_CUSTODIAN)
                .after(APPROVED)
                .perItem()
                .guardedBy(RecoveryGuards.APPOINTED_CUSTODIAN)
                .citing(Confidence.VERIFIED, Sources.CUSTODIAN_NOMINATIONS, Sources.note("§2.8 T3"))
                .exec(KEY_ACTIVATED, "Exercised keys activated in the HSM by the quorum", DCC, KEY_CUSTODIAN)
                .after(CUSTODIAN_ATTENDS)
                .guardedBy(RecoveryGuards.decisionGate(keys), RecoveryGuards.quorum(keys))
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.8 T4"))
                .exec(TESTED, "Test run on test Devices or with a test key", DCC)
                .after(KEY_ACTIVATED)
                .guardedBy(RecoveryGuards.keyActive(keys))
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.8 T5"))
                .post(REPORTED, "Exercise reported to the SMKI PMA", DCC)
                .after(TESTED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.8 T6"))
                .post(ROSTER_REFRESHED, "Custodian roster refreshed; leavers replaced", DCC, SECAS)
                .after(REPORTED)
                .citing(Confidence.RECONSTRUCTED, Sources.CUSTODIAN_NOMINATIONS, Sources.note("§2.8 T7"))
                .deadline("T_convene", APPROVED, KEY_ACTIVATED, settings.duration("T_convene"))
                .deadline("T_exerciseReport", TESTED, REPORTED, settings.duration("T_exerciseReport"))
                .build());
    }
}
