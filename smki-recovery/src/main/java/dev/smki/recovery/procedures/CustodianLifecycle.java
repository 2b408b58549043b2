package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.PARTY;
import static dev.smki.recovery.procedures.Actors.SECAS;

import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.Objects;

/**
 * P-CUSTODIAN: the Key Custodian lifecycle: nominate, vet, appoint, issue a share, cease, re-share (the 2015
 * draft's custodian sections and SECAS's 2019 call for nominations, verified; recovery.md §2.9: the steps are
 * reconstructed). The custody rules themselves (CUS-3) are {@link dev.smki.recovery.custody.Custodians}'.
 *
 * <p>KC1 to KC5 are done once per custodian (the item is the custodian's id), each after the previous one for the
 * same custodian. KC6, re-sharing the keys after a custodian ceases, is refused unless at least N custodians are
 * appointed to take the N shares (REC-2, read from the incident's {@link CustodyState}).
 */
public final class CustodianLifecycle {

    /** KC1: a Party nominates an employee on a Key Custodian Nomination Form. */
    public static final StepId NOMINATED = StepId.of("KC1");

    /** KC2: the nominee passes security screening. */
    public static final StepId VETTED = StepId.of("KC2");

    /** KC3: the custodian is appointed. */
    public static final StepId APPOINTED = StepId.of("KC3");

    /** KC4: the custodian receives a share at a key ceremony. */
    public static final StepId SHARE_ISSUED = StepId.of("KC4");

    /** KC5: the custodian ceases: resigns, leaves the Party or is removed. */
    public static final StepId CEASED = StepId.of("KC5");

    /** KC6: the keys are re-shared among the appointed custodians, so the quorum stays reachable. */
    public static final StepId RESHARED = StepId.of("KC6");

    /** The procedure's name. */
    public static final String NAME = "CUSTODIAN_LIFECYCLE";

    /** REC-2: enough appointed custodians to take every share of a new split. */
    public static final Guard<IncidentState> QUORUM_REACHABLE = RecoveryGuards.QUORUM_REACHABLE;

    private CustodianLifecycle() {}

    /** {@return the procedure with the default settings} */
    public static Procedure<IncidentState> definition() {
        return definition(ProcedureSettings.defaults());
    }

    /**
     * {@return the procedure with {@code settings}' durations and omitted steps}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> definition(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return settings.applyTo(Procedure.<IncidentState>named(NAME)
                .pre(NOMINATED, "Nominated on a Key Custodian Nomination Form", PARTY)
                .perItem()
                .citing(Confidence.VERIFIED, Sources.CUSTODIAN_NOMINATIONS, Sources.note("§2.9"))
                .pre(VETTED, "Security screening passed", SECAS)
                .after(NOMINATED)
                .perItem()
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.9 (screening as for AROs [I])"))
                .pre(APPOINTED, "Appointed as Key Custodian", SECAS, DCC)
                .after(VETTED)
                .perItem()
                .citing(Confidence.VERIFIED, Sources.DRAFT_2015, Sources.note("§2.9"))
                .exec(SHARE_ISSUED, "Share issued at a key ceremony", DCC)
                .after(APPOINTED)
                .perItem()
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.9"))
                .post(CEASED, "Ceased: resigned, left the Party or removed", PARTY, SECAS, KEY_CUSTODIAN)
                .after(APPOINTED)
                .perItem()
                .citing(Confidence.VERIFIED, Sources.DRAFT_2015, Sources.CUSTODIAN_NOMINATIONS)
                .post(RESHARED, "Keys re-shared among the appointed custodians", DCC)
                .after(CEASED)
                .repeatable()
                .guardedBy(QUORUM_REACHABLE)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.9"))
                .deadline("T_reshare", CEASED, RESHARED, settings.duration("T_reshare"))
                .build());
    }
}
