package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.DEVICE;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;

import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationReason;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A compromise of the Contingency Private Key (or its Symmetric Key): new contingency material, carried by a new Root
 * OCA certificate on every Device (recovery.md §1.5: the heading and "a new Contingency Symmetric Key" are verified,
 * the rest reconstructed). The Root key itself is not compromised, so the Root is replaced in a normal, not abnormal,
 * replacement: the Recovery Private Key signs an {@code anyExceptAbnormalRootByRecovery} command whose certification
 * path holds a link certificate, the new Root's key certified by the current Root (the mode and the link are this
 * simulation's reconstruction; recovery.md names {@code rootBySupplier} and {@code rootByWanProvider} as other
 * candidates). The new Root comes with a new Issuing OCA, so Organisation Certificates are re-issued as after a
 * contingency recovery ({@link CsrCoordination}, {@link Distribute}); the old OCA certificates are superseded, on the
 * old Root's ARL, which is sound here since the old Root's key is not compromised.
 */
public final class ContingencyKeyCompromise {

    /** CK1: a new Root OCA with fresh contingency material, its link certificate, and a new Issuing OCA. */
    public static final StepId NEW_ROOT = StepId.of("CK1");

    /** CK2.attend: a Key Custodian attends and presents shares (per custodian). */
    public static final StepId CUSTODIAN_ATTENDS = StepId.of("CK2.attend");

    /** CK2: the quorum activates the Recovery Private Key. */
    public static final StepId KEY_ACTIVATED = StepId.of("CK2");

    /** CK3: one anyExceptAbnormalRootByRecovery command per Relevant Device, carrying the new Root. */
    public static final StepId COMMANDS_SENT = StepId.of("CK3");

    /** CK4: the Devices hold the new Root. */
    public static final StepId ROOT_REPLACED = StepId.of("CK4");

    /** CK5: the old OCA certificates superseded. */
    public static final StepId OLD_OCA_SUPERSEDED = StepId.of("CK5");

    /** CK6: the Recovery key deactivated; the new contingency material's shares put into custody. */
    public static final StepId MATERIAL_IN_CUSTODY = StepId.of("CK6");

    /** The procedure's name. */
    public static final String NAME = "CONTINGENCY_KEY";

    /** The ceremony activating the Recovery Private Key (CK2.attend, CK2). */
    static final KeyCeremony CEREMONY =
            new KeyCeremony(CUSTODIAN_ATTENDS, KEY_ACTIVATED, s -> Set.of(CustodyKey.RECOVERY_PRIVATE_KEY));

    private ContingencyKeyCompromise() {}

    /** CK3: the new Root into the Root cell, the link certificate in the path, signed with the Recovery key. */
    private static String sendNewRoot(IncidentState s, Attempt attempt) {
        TestPki next = s.pki().requireNext();
        IssuedCertificate link = s.pki().linkCertificate().orElseThrow();
        CellReplacements sending = new CellReplacements(
                CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY,
                Map.of(TrustAnchorCellId.ROOT, next.rootOca()),
                List.of(link.parsed()),
                1,
                0);
        s.fleet().target(next.rootOca().parsed().subjectKeyIdentifier().orElseThrow(), COMMANDS_SENT.value());
        return "anyExceptAbnormalRootByRecovery, the new Root certified by the current one: "
                + s.fleet()
                        .send(s.incident(), COMMANDS_SENT.value(), sending.signedBy(RecoveryKeyUse.recoverySigner(s)));
    }

    /** CK5: the old Issuing OCA superseded on the old Root's ARL, and the old Root withdrawn from the Repository. */
    private static String supersedeOldOca(IncidentState s, Attempt attempt) {
        TestPki old = s.pki().current();
        String revoked = s.revocation().revoke(old.issuingOca(), RevocationReason.SUPERSEDED, Requester.dcc());
        String arl = s.revocation().publish(old.rootOca());
        s.registry().retire(old.rootOca());
        return revoked + "; " + arl + " (the old Root's key is not compromised, so its ARL stands); old Root"
                + " withdrawn from the SMKI Repository";
    }

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
        return settings.applyTo(steps(settings));
    }

    static Procedure<IncidentState> steps(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return Procedure.<IncidentState>named(NAME)
                .pre(
                        NEW_ROOT,
                        "New Root OCA with fresh contingency material, a link certificate for it under the current"
                                + " Root, and a new Issuing OCA",
                        DCC)
                .citing(Confidence.RECONSTRUCTED, Sources.RFC_5934, Sources.note("§1.5 Contingency key [R]"))
                .does((s, attempt) -> s.pki().makeNewRoot() + "; " + s.pki().makeLinkCertificate())
                .pre(CUSTODIAN_ATTENDS, "Key Custodian attends and presents shares", KEY_CUSTODIAN)
                .perItem()
                .guardedBy(RecoveryGuards.APPOINTED_CUSTODIAN, RecoveryGuards.OWN_SHARES)
                .citing(Confidence.VERIFIED, Sources.CUSTODIAN_NOMINATIONS, Sources.CUSTODIANS_EARLY)
                .offering(CEREMONY.offer())
                .does(CEREMONY.attend())
                .exec(KEY_ACTIVATED, "Recovery Private Key activated in the HSM by the quorum", DCC, KEY_CUSTODIAN)
                .after(CUSTODIAN_ATTENDS)
                .guardedBy(
                        RecoveryGuards.RECOVERY_KEY_DECISION,
                        RecoveryGuards.RECOVERY_KEY_QUORUM,
                        RecoveryGuards.HSM_AVAILABLE)
                .citing(Confidence.INFERRED, Sources.CUSTODIAN_NOMINATIONS, Sources.note("§2.3 R5"))
                .does(CEREMONY.activate())
                .exec(
                        COMMANDS_SENT,
                        "anyExceptAbnormalRootByRecovery command with the new Root, certified by the current one,"
                                + " signed and sent to every Relevant Device",
                        DCC)
                .after(NEW_ROOT, KEY_ACTIVATED)
                .guardedBy(RecoveryGuards.RECOVERY_KEY_ACTIVE)
                .citing(Confidence.RECONSTRUCTED, Sources.CS02B, Sources.note("§1.5, §2.5 DS2 (mode [I], use [R])"))
                .does(ContingencyKeyCompromise::sendNewRoot)
                .exec(
                        ROOT_REPLACED,
                        "Devices verify the new Root against the current one and replace their Root cell",
                        DCC,
                        DEVICE)
                .after(COMMANDS_SENT)
                .citing(Confidence.INFERRED, Sources.CS02B, Sources.note("§6.3 invariant 5"))
                .does((s, attempt) -> "Root replaced: " + s.fleet().scope()
                        + "; every reachable Relevant Device holds the new Root: " + s.devicesHoldNewRoot())
                .post(OLD_OCA_SUPERSEDED, "Old Issuing OCA superseded on the old Root's ARL; old Root withdrawn", DCC)
                .after(ROOT_REPLACED)
                .guardedBy(RecoveryGuards.DEVICES_HOLD_NEW_ROOT)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.4 C8 by analogy [R]"))
                .does(ContingencyKeyCompromise::supersedeOldOca)
                .post(
                        MATERIAL_IN_CUSTODY,
                        "Recovery Private Key deactivated; the new Contingency Private Key and Symmetric Key shares"
                                + " in custody",
                        DCC,
                        KEY_CUSTODIAN)
                .after(OLD_OCA_SUPERSEDED)
                .guardedBy(RecoveryGuards.SCOPE_SETTLED, RecoveryGuards.QUORUM_REACHABLE)
                .citing(Confidence.INFERRED, Sources.note("§2.4 C11 by analogy"))
                .does((s, attempt) -> {
                    String deactivated = CEREMONY.deactivate(s);
                    s.storeContingency(s.pki().requireNext());
                    return deactivated + "; new contingency material shared "
                            + s.custody().holders();
                })
                .deadline("T_deviceUpdates", COMMANDS_SENT, ROOT_REPLACED, settings.duration("T_deviceUpdates"))
                .build();
    }
}
