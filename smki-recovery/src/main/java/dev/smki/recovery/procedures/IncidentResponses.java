package dev.smki.recovery.procedures;

import dev.smki.recovery.workflow.Phase;
import dev.smki.recovery.workflow.Procedure;
import java.util.List;
import java.util.Objects;

/**
 * The whole response to one incident as one procedure: the SEC procedures it spans, composed with {@link
 * Procedure.Builder#include} and linked so that the order across them holds (REC-14: notification before the
 * SMKI PMA's decision, the decision before any use of a key). Step ids stay those of each procedure, which are
 * distinct across the SEC procedures (N, D, R, C, CS, DS, RV, ...).
 *
 * <p>Each composition first takes every part whole, links them, then leaves out the steps the settings omit, so
 * that a link to an omitted step keeps the order it implied.
 */
public final class IncidentResponses {

    private IncidentResponses() {}

    /**
     * {@return the response to a suspected compromise on which the SMKI PMA requires no key: {@link Notify} then
     * {@link Decide} (D1 after N4)} Named {@code NOTIFICATION}.
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> notification(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return settings.applyTo(notifyAndDecide("NOTIFICATION", settings).build());
    }

    /**
     * {@return the response to a Party's Organisation key compromise recovered with the Recovery Private Key by
     * {@code method}: {@link Notify}, {@link Decide}, {@link RecoveryKeyUse} and {@link Revoke} for the compromised
     * certificate} Links: D1 after N4; R1 after D4; R4 after N5 (the Relevant Devices are known before commands are
     * built); N6 is the revocation request that RV2 decides; R11 after RV3. The revocation steps come right after
     * Notify, since the revocation should not wait for the Devices (recovery.md §2.3). Named {@code
     * ORGANISATION_KEY_COMPROMISE.M2} or {@code .M3}.
     *
     * @param settings the procedure settings: durations, steps left out, policies
     * @param method how the Recovery Private Key is used
     */
    public static Procedure<IncidentState> organisationKeyCompromise(
            ProcedureSettings settings, RecoveryKeyUse.Method method) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(method, "method");
        return settings.applyTo(Procedure.<IncidentState>named("ORGANISATION_KEY_COMPROMISE.M" + method.number())
                .include(Notify.steps(settings))
                .include(Revoke.steps(settings).without(List.of(Revoke.REQUESTED)))
                .include(Decide.steps(settings))
                .amend(Decide.RECEIVED)
                .after(Notify.PMA_NOTIFIED)
                .include(RecoveryKeyUse.steps(settings, method))
                .amend(RecoveryKeyUse.DECIDED)
                .after(Decide.COMMUNICATED)
                .amend(RecoveryKeyUse.COMMANDS_BUILT)
                .after(Notify.SCOPED)
                .amend(Revoke.DECIDED)
                .after(Notify.REVOCATION_REQUESTED)
                .amend(RecoveryKeyUse.CLOSED)
                .after(Revoke.PUBLISHED)
                .deadline(
                        "T_processRevocation",
                        Notify.REVOCATION_REQUESTED,
                        Revoke.DECIDED,
                        settings.duration("T_processRevocation"))
                .build());
    }

    /**
     * {@return the response to a Root OCA compromise in the modelled order ({@link #rootOcaCompromise(
     * ProcedureSettings, Contingency.Order)})}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> rootOcaCompromise(ProcedureSettings settings) {
        return rootOcaCompromise(settings, Contingency.Order.MODELLED);
    }

    /**
     * {@return the response to a Root OCA compromise recovered with the Contingency key, the contingency steps in
     * {@code order}: {@link Notify}, {@link Decide}, {@link Contingency}, and, within its Post-Recovery phase,
     * {@link CsrCoordination} (as C9) and {@link Distribute} (as C10)} Links: D1 after N4; C1 after D4; C5 after N5;
     * CS1 after C8 and C9 after CS6; DS1 after C9 and C10 after DS4. Named {@code ROOT_OCA_COMPROMISE}, with the
     * order's suffix for the orders other than the modelled one.
     *
     * @param settings the procedure settings: durations, steps left out, policies
     * @param order the order of the steps
     */
    public static Procedure<IncidentState> rootOcaCompromise(ProcedureSettings settings, Contingency.Order order) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(order, "order");
        String suffix = order == Contingency.Order.MODELLED
                ? ""
                : order.procedureName().substring(order.procedureName().indexOf('.'));
        return settings.applyTo(notifyAndDecide("ROOT_OCA_COMPROMISE" + suffix, settings)
                .include(Contingency.steps(settings, order))
                .include(CsrCoordination.steps(settings), Phase.POST)
                .include(Distribute.steps(settings), Phase.POST)
                .amend(Contingency.DECIDED)
                .after(Decide.COMMUNICATED)
                .amend(Contingency.COMMANDS_SENT)
                .after(Notify.SCOPED)
                .amend(CsrCoordination.OCA_PUBLISHED)
                .after(
                        order == Contingency.Order.REISSUE_BEFORE_REVOKE
                                ? Contingency.NEW_ISSUING_OCA
                                : Contingency.OLD_OCA_REVOKED)
                .amend(Contingency.CERTIFICATES_REISSUED)
                .after(CsrCoordination.REPORTED)
                .amend(Distribute.CELLS_CHOSEN)
                .after(Contingency.CERTIFICATES_REISSUED, Contingency.ROOT_REPLACED)
                .amend(Contingency.CERTIFICATES_DISTRIBUTED)
                .after(Distribute.SENT)
                .build());
    }

    /**
     * {@return the reuse or replacement of the Recovery key after use, a separate, reconstructed policy: {@link
     * RecoveryKeyReplacement}, named as it is}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> recoveryKeyReplacement(ProcedureSettings settings) {
        return RecoveryKeyReplacement.definition(settings);
    }

    /**
     * {@return the SMKI PMA's Recovery Key Direction and the DCC's further use of the Recovery Private Key under it:
     * {@link RecoveryKeyDirection}, named as it is}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> recoveryKeyDirection(ProcedureSettings settings) {
        return RecoveryKeyDirection.definition(settings);
    }

    /**
     * {@return the response to a Party's Organisation key compromise recovered by Method 1, the Subscriber replacing
     * its own trust anchors with its current key, no DCC key used: {@link Notify}, {@link Decide} (which requires no
     * key), {@link MethodOne} (M1.pre after D4, M1.exec after N5; M1.post revokes the old certificate once the Devices
     * are updated, since a revoked certificate could no longer sign the Subscriber's commands)} Named {@code
     * METHOD_1}.
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> methodOne(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return settings.applyTo(notifyAndDecide("METHOD_1", settings)
                .include(MethodOne.steps(settings))
                .amend(MethodOne.PREPARED)
                .after(Decide.COMMUNICATED)
                .amend(MethodOne.SENT)
                .after(Notify.SCOPED)
                .build());
    }

    /**
     * {@return the response to an Issuing OCA compromise: {@link Notify}, {@link Revoke} (the Issuing OCA on the Root's
     * ARL, requested at N6), {@link Decide}, {@link IssuingOcaCompromise} with {@link CsrCoordination} (CS1 after IO1,
     * IO3 after CS6 and RV3; IO2 after N5)} Named {@code ISSUING_OCA_COMPROMISE}.
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> issuingOcaCompromise(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return settings.applyTo(Procedure.<IncidentState>named("ISSUING_OCA_COMPROMISE")
                .include(Notify.steps(settings))
                .include(Revoke.steps(settings).without(List.of(Revoke.REQUESTED)))
                .include(Decide.steps(settings))
                .amend(Decide.RECEIVED)
                .after(Notify.PMA_NOTIFIED)
                .amend(Revoke.DECIDED)
                .after(Notify.REVOCATION_REQUESTED)
                .include(IssuingOcaCompromise.steps(settings))
                .include(CsrCoordination.steps(settings), Phase.POST)
                .amend(IssuingOcaCompromise.NEW_ISSUING_OCA)
                .after(Decide.COMMUNICATED)
                .amend(IssuingOcaCompromise.DEVICES_CHECKED)
                .after(Notify.SCOPED)
                .amend(CsrCoordination.OCA_PUBLISHED)
                .after(IssuingOcaCompromise.NEW_ISSUING_OCA)
                .amend(IssuingOcaCompromise.CLOSED)
                .after(CsrCoordination.REPORTED, Revoke.PUBLISHED)
                .build());
    }

    /**
     * {@return the response to a Contingency key compromise: {@link Notify}, {@link Decide} (requiring the Recovery
     * key), {@link ContingencyKeyCompromise} with {@link CsrCoordination} and {@link Distribute} in its Post-Recovery
     * phase (CK2 after D4, CK3 after N5, CS1 after CK1, DS1 after CS6, CK6 after DS4)} Named {@code
     * CONTINGENCY_KEY_COMPROMISE}.
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> contingencyKeyCompromise(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return settings.applyTo(notifyAndDecide("CONTINGENCY_KEY_COMPROMISE", settings)
                .include(ContingencyKeyCompromise.steps(settings))
                .include(CsrCoordination.steps(settings), Phase.POST)
                .include(Distribute.steps(settings), Phase.POST)
                .amend(ContingencyKeyCompromise.KEY_ACTIVATED)
                .after(Decide.COMMUNICATED)
                .amend(ContingencyKeyCompromise.COMMANDS_SENT)
                .after(Notify.SCOPED)
                .amend(CsrCoordination.OCA_PUBLISHED)
                .after(ContingencyKeyCompromise.NEW_ROOT)
                .amend(Distribute.CELLS_CHOSEN)
                .after(CsrCoordination.REPORTED)
                .amend(ContingencyKeyCompromise.MATERIAL_IN_CUSTODY)
                .after(Distribute.SENT)
                .build());
    }

    /**
     * {@return the response to a Recovery key compromise: {@link Notify}, {@link Decide} (requiring the Contingency
     * key), and {@link RecoveryKeyReplacement} with the Recovery cells replaced by anyByContingency (RK0 after D4, RK4
     * after N5)} Named {@code RECOVERY_KEY_COMPROMISE}.
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> recoveryKeyCompromise(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return settings.applyTo(notifyAndDecide("RECOVERY_KEY_COMPROMISE", settings)
                .include(RecoveryKeyReplacement.steps(settings))
                .amend(RecoveryKeyReplacement.DIRECTED)
                .after(Decide.COMMUNICATED)
                .amend(RecoveryKeyReplacement.CELLS_REPLACED)
                .after(Notify.SCOPED)
                .build());
    }

    /**
     * {@return a Supplier of Last Resort event with a revocation delay: {@link SupplierOfLastResortDelay}}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> supplierOfLastResort(ProcedureSettings settings) {
        return SupplierOfLastResortDelay.definition(settings);
    }

    /**
     * {@return a recovery exercise of the Recovery Private Key: {@link Exercise}, named as it is}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> exercise(ProcedureSettings settings) {
        return Exercise.definition(settings, Exercise.KEYS);
    }

    private static Procedure.Builder<IncidentState> notifyAndDecide(String name, ProcedureSettings settings) {
        return Procedure.<IncidentState>named(name)
                .include(Notify.steps(settings))
                .include(Decide.steps(settings))
                .amend(Decide.RECEIVED)
                .after(Notify.PMA_NOTIFIED);
    }
}
