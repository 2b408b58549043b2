package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.DEVICE;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;

import dev.smki.core.device.Authoriser;
import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationReason;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.fleet.CommandFactory;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.Objects;
import java.util.Set;

/**
 * P-CONTINGENCY: recovery from a Root OCA compromise with the Contingency Private Key and the Symmetric Key (SEC
 * Appendix L §5, "Recovery using the Contingency Private Key"; recovery.md §2.4: the purpose, the mode and the
 * Pre/Execution/Post split are verified, the mechanics inferred from RFC 5934).
 *
 * <p>The DCC makes a new Root OCA carrying fresh contingency material (C2) and a new Issuing OCA (C3); a quorum of
 * Key Custodians activates the Contingency Private Key and recovers the current Symmetric Key (C4, after each
 * custodian's attendance C4.attend); one {@code anyByContingency} command per Relevant Device carries the new Root
 * and the Symmetric Key in clear (C5); each Device unwraps the contingency key from its current Root cell and
 * replaces the Root (C6). Only then is the old OCA revoked (C8) and are Organisation Certificates re-issued (C9)
 * and distributed (C10); the spent material is replaced in custody (C11).
 *
 * <p>Guards: C4 needs the SMKI PMA decision (REC-1) and the quorum (REC-2); C5 the active key (CUS-2) and the new
 * Root (REC-6); C8 and C10 Devices holding the new Root (REC-10); C11 every Relevant Device updated or written off
 * (REC-8). {@link Order} names the modelled order and three others a reader of §5 could take; {@link
 * ContingencyOrders} shows why those are unsafe.
 */
public final class Contingency {

    /** C1: the SMKI PMA's decision requires the Contingency Private Key with the Symmetric Key. */
    public static final StepId DECIDED = StepId.of("C1");

    /** C2: new Root OCA key pair, contingency key pair, Symmetric Key and Root OCA certificate. */
    public static final StepId NEW_ROOT = StepId.of("C2");

    /** C3: new Issuing OCA key pair and certificate under the new Root. */
    public static final StepId NEW_ISSUING_OCA = StepId.of("C3");

    /** C4.attend: a Key Custodian attends and presents shares (per custodian). */
    public static final StepId CUSTODIAN_ATTENDS = StepId.of("C4.attend");

    /** C4: the quorum activates the Contingency Private Key and recovers the current Symmetric Key. */
    public static final StepId KEY_ACTIVATED = StepId.of("C4");

    /** C5: one anyByContingency command per Relevant Device, carrying the new Root and the Symmetric Key. */
    public static final StepId COMMANDS_SENT = StepId.of("C5");

    /** C6: the Devices unwrap the contingency key, verify the command and replace their Root cell. */
    public static final StepId ROOT_REPLACED = StepId.of("C6");

    /** C7: progress reported in Other Compromise Recovery Progress Files. */
    public static final StepId PROGRESS_REPORTED = StepId.of("C7");

    /** C8: the old OCA certificates revoked (ARL); the new ones published in the SMKI Repository. */
    public static final StepId OLD_OCA_REVOKED = StepId.of("C8");

    /** C9: CSRs coordinated and Organisation Certificates re-issued under the new OCA (§2.6). */
    public static final StepId CERTIFICATES_REISSUED = StepId.of("C9");

    /** C10: new Organisation Certificates distributed to Devices where their cells need them (§2.5). */
    public static final StepId CERTIFICATES_DISTRIBUTED = StepId.of("C10");

    /** C11: the old contingency material is spent; the new material's shares are put into custody. */
    public static final StepId MATERIAL_IN_CUSTODY = StepId.of("C11");

    /** The ceremony activating the Contingency Private Key and recovering the Symmetric Key (C4.attend, C4). */
    static final KeyCeremony CEREMONY = new KeyCeremony(
            CUSTODIAN_ATTENDS,
            KEY_ACTIVATED,
            s -> Set.of(CustodyKey.CONTINGENCY_PRIVATE_KEY, CustodyKey.CONTINGENCY_SYMMETRIC_KEY));

    private Contingency() {}

    /** C5: one anyByContingency command per Relevant Device, signed with the activated Contingency Private Key. */
    private static String sendNewRoot(IncidentState s, Attempt attempt) {
        TestPki next = s.pki().requireNext();
        UpdateSecurityCredentials body = UpdateSecurityCredentials.builder(
                        CredentialsReplacementMode.ANY_BY_CONTINGENCY)
                .symmetricKey(s.custody().symmetricKey())
                .sequenceNumber(1)
                .replace(TrustAnchorCellId.ROOT, next.rootOca().parsed())
                .build();
        s.fleet().target(next.rootOca().parsed().subjectKeyIdentifier().orElseThrow(), COMMANDS_SENT.value());
        return s.fleet().send(s.incident(), COMMANDS_SENT.value(), CommandFactory.signing(body, contingencySigner(s)));
    }

    /** Returns the signer of the activated Contingency Private Key, speaking as the Root. */
    static Authoriser contingencySigner(IncidentState s) {
        return s.custody()
                .signer(
                        CustodyKey.CONTINGENCY_PRIVATE_KEY,
                        s.pki().current().parties().of(RemotePartyRole.ROOT),
                        s.pki().current().contingency().keyPair().getPublic());
    }

    /**
     * C8: the old Issuing OCA revoked on an ARL signed by the old Root, the old Root withdrawn from the SMKI Repository
     * (no list revokes a Root, REV-9), and the new Root's first ARL published. The old Root's ARL is signed with the
     * compromised key, so it proves nothing: whoever holds that key can sign a contrary list. What protects the
     * Devices is their new Root cell (C6); what tells Parties is the Repository's withdrawal of the old Root and the
     * new Root's ARL, which covers the certificates under the new Root (reconstructed, recovery.md §2.4 C8 [R]).
     */
    private static String revokeOldOca(IncidentState s, Attempt attempt) {
        TestPki old = s.pki().current();
        String revoked = s.revocation().revoke(old.issuingOca(), RevocationReason.KEY_COMPROMISE, Requester.dcc());
        String arl = s.revocation().publish(old.rootOca());
        s.registry().retire(old.rootOca());
        String newArl = s.revocation().publish(s.pki().requireNext().rootOca());
        return revoked + "; old Root's " + arl + " (signed with the compromised key: it proves nothing); old Root"
                + " withdrawn from the SMKI Repository; new Root's " + newArl;
    }

    /**
     * An order of the contingency steps: the modelled one and three a reader of Appendix L §5 could take
     * (observations 5 and 11 of the issue), each stated as the reading that leads to it.
     */
    public enum Order {
        /** The modelled order (recovery.md §2.4 ordering, with REC-6 and REC-10 honoured). */
        MODELLED("CONTINGENCY", "C2 < C5, C4 < C5, C5 < C6 < C8 < C9 < C10 < C11, as modelled"),
        /**
         * The old OCA revoked as soon as the new OCAs exist: §2.4 says only "C8/C9 after C2 and C3", so C8 may come
         * before the Devices hold the new Root.
         */
        REVOKE_BEFORE_DEVICES_UPDATED(
                "CONTINGENCY.revoke-early",
                "C8 (revoke the old OCA) right after C2 and C3, before the Devices hold the new Root"),
        /**
         * The Symmetric Key released as soon as it is recovered: C4 recovers it and C5 sends it, with the new Root
         * prepared in parallel, so C5 may come before C2.
         */
        SYMMETRIC_KEY_BEFORE_NEW_ROOT(
                "CONTINGENCY.key-early", "C5 (release the Symmetric Key) right after C4, before the new Root exists"),
        /**
         * The DCC prepares and activates on its own initiative, Appendix L applying "other than as directed by the
         * SMKI PMA": the key is activated before the decision C1. (The custodians attending early is allowed in every
         * order: they are notified early, seed 002 §3.6.)
         */
        KEY_USE_BEFORE_DECISION(
                "CONTINGENCY.activate-early",
                "C4 (activate the key) before the decision C1; the custodians may attend before it in every order"),
        /**
         * The new OCA published and Organisation Certificates re-issued as soon as the new Issuing OCA exists (CS1
         * after C3), the old OCA revoked once the Devices hold the new Root (C8 after C6) but without the re-issue
         * waiting for it: no source orders C8 before CS1 and C9 (recovery.md §2.4 says only "C8/C9 after C2 and C3",
         * §2.6 {@code CS1 < CS3}), and the serialised order leaves every Organisation Certificate chaining to a revoked
         * OCA
         * until it is re-issued.
         */
        REISSUE_BEFORE_REVOKE(
                "CONTINGENCY.reissue-first",
                "CS1 (publish the new OCA) right after C3 and C9 (re-issue) not waiting for C8, so no Organisation"
                        + " Certificate chains only to a revoked OCA while the Devices are updated (the"
                        + " contingency-reissue-first plan)");

        private final String procedureName;
        private final String reading;

        Order(String procedureName, String reading) {
            this.procedureName = procedureName;
            this.reading = reading;
        }

        /** {@return the name of the procedure in this order, such as {@code CONTINGENCY.revoke-early}} */
        public String procedureName() {
            return procedureName;
        }

        /** {@return how this order reads, one line} */
        public String reading() {
            return reading;
        }
    }

    /** {@return the procedure in the modelled order with the default settings} */
    public static Procedure<IncidentState> definition() {
        return definition(ProcedureSettings.defaults(), Order.MODELLED);
    }

    /**
     * {@return the procedure in the modelled order with {@code settings}' durations and omitted steps}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> definition(ProcedureSettings settings) {
        return definition(settings, Order.MODELLED);
    }

    /**
     * {@return the procedure in {@code order} with {@code settings}' durations and omitted steps}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     * @param order the order of the steps
     */
    public static Procedure<IncidentState> definition(ProcedureSettings settings, Order order) {
        return settings.applyTo(steps(settings, order));
    }

    static Procedure<IncidentState> steps(ProcedureSettings settings, Order order) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(order, "order");
        Procedure.Builder<IncidentState> b = Procedure.<IncidentState>named(order.procedureName())
                .pre(DECIDED, "SMKI PMA decision requires the Contingency Private Key and Symmetric Key", SMKI_PMA)
                .guardedBy(RecoveryGuards.CONTINGENCY_KEY_DECISION)
                .citing(Confidence.VERIFIED, Sources.L10, Sources.note("§2.4 C1"))
                .pre(
                        NEW_ROOT,
                        "New Root OCA, contingency key pair and Symmetric Key; the new Root wraps the new"
                                + " contingency public key",
                        DCC)
                .after(DECIDED)
                .citing(Confidence.INFERRED, Sources.RFC_5934, Sources.note("§2.4 C2"))
                .does((s, attempt) -> s.pki().makeNewRoot())
                .pre(NEW_ISSUING_OCA, "New Issuing OCA key pair and certificate under the new Root", DCC)
                .after(NEW_ROOT)
                .citing(Confidence.INFERRED, Sources.note("§2.4 C3"))
                .does((s, attempt) -> "new " + s.pki().requireNext().issuingOca())
                .pre(CUSTODIAN_ATTENDS, "Key Custodian attends and presents shares", KEY_CUSTODIAN)
                .perItem()
                .guardedBy(RecoveryGuards.APPOINTED_CUSTODIAN, RecoveryGuards.OWN_SHARES)
                .citing(
                        Confidence.VERIFIED,
                        Sources.CUSTODIAN_NOMINATIONS,
                        Sources.CUSTODIANS_EARLY,
                        Sources.note("§2.4 C4 (quorum [I])"))
                .offering(CEREMONY.offer())
                .does(CEREMONY.attend())
                .pre(
                        KEY_ACTIVATED,
                        "Contingency Private Key activated and the current Symmetric Key recovered by the quorum",
                        DCC,
                        KEY_CUSTODIAN)
                .after(CUSTODIAN_ATTENDS);
        if (order != Order.KEY_USE_BEFORE_DECISION) {
            b.after(DECIDED);
        }
        b.guardedBy(
                        RecoveryGuards.CONTINGENCY_KEY_DECISION,
                        RecoveryGuards.CONTINGENCY_KEY_QUORUM,
                        RecoveryGuards.HSM_AVAILABLE)
                .citing(Confidence.INFERRED, Sources.CUSTODIAN_NOMINATIONS, Sources.note("§2.4 C4"))
                .does(CEREMONY.activate())
                .exec(
                        COMMANDS_SENT,
                        "anyByContingency command with the new Root and the plaintext Symmetric Key signed and sent"
                                + " to every Relevant Device",
                        DCC)
                .after(KEY_ACTIVATED)
                .guardedBy(RecoveryGuards.CONTINGENCY_KEY_ACTIVE, RecoveryGuards.NEW_ROOT_FIRST)
                .citing(Confidence.INFERRED, Sources.CS02B, Sources.RFC_5934, Sources.note("§2.4 C5"))
                .does(Contingency::sendNewRoot);
        if (order != Order.SYMMETRIC_KEY_BEFORE_NEW_ROOT) {
            b.after(NEW_ROOT);
        }
        b.exec(ROOT_REPLACED, "Devices unwrap the contingency key, verify and replace their Root cell", DCC, DEVICE)
                .after(COMMANDS_SENT)
                .citing(Confidence.INFERRED, Sources.RFC_5934, Sources.note("§2.4 C6"))
                .does((s, attempt) -> "Root replaced: " + s.fleet().scope()
                        + "; every reachable Relevant Device holds the new Root: " + s.devicesHoldNewRoot())
                .exec(PROGRESS_REPORTED, "Progress reported in Other Compromise Recovery Progress Files", DCC)
                .after(COMMANDS_SENT)
                .repeatable()
                .citing(Confidence.VERIFIED, Sources.FILE_FORMATS_2015, Sources.note("§2.4 C7"))
                .does((s, attempt) -> "progress " + s.fleet().scope())
                .post(
                        OLD_OCA_REVOKED,
                        "Old Issuing OCA revoked on the old Root's ARL (worth nothing: its key is compromised); old"
                                + " Root withdrawn from the SMKI Repository; the new Root's ARL published",
                        DCC)
                .after(NEW_ISSUING_OCA)
                .guardedBy(RecoveryGuards.DEVICES_HOLD_NEW_ROOT)
                .citing(
                        Confidence.RECONSTRUCTED,
                        Sources.note("§2.4 C8 [R]; §6.3 REC-11"),
                        Sources.REV_9,
                        Sources.CONTINGENCY_ORDER_UNRESOLVED)
                .does(Contingency::revokeOldOca);
        if (order != Order.REVOKE_BEFORE_DEVICES_UPDATED) {
            b.after(ROOT_REPLACED);
        }
        b.post(
                CERTIFICATES_REISSUED,
                "CSRs coordinated; Organisation Certificates re-issued under the new OCA",
                DCC,
                SUBSCRIBER);
        b.after(order == Order.REISSUE_BEFORE_REVOKE ? NEW_ISSUING_OCA : OLD_OCA_REVOKED);
        return b.citing(
                        Confidence.VERIFIED,
                        Sources.L10,
                        Sources.note("§2.4 C9, §2.6 (the step [V]; its order [R])"),
                        Sources.CONTINGENCY_ORDER_UNRESOLVED)
                .does((s, attempt) ->
                        s.pki().reissued().size() + " Organisation Certificates re-issued under the new Issuing OCA")
                .post(
                        CERTIFICATES_DISTRIBUTED,
                        "New Organisation Certificates distributed to Devices where needed",
                        DCC)
                .after(CERTIFICATES_REISSUED)
                .guardedBy(RecoveryGuards.DEVICES_HOLD_NEW_ROOT)
                .citing(Confidence.VERIFIED, Sources.L10, Sources.note("§2.4 C10, §2.5"))
                .post(
                        MATERIAL_IN_CUSTODY,
                        "Old contingency material spent; new Contingency Private Key and Symmetric Key shares in"
                                + " custody",
                        DCC,
                        KEY_CUSTODIAN)
                .after(PROGRESS_REPORTED, CERTIFICATES_DISTRIBUTED, OLD_OCA_REVOKED)
                .guardedBy(RecoveryGuards.SCOPE_SETTLED, RecoveryGuards.QUORUM_REACHABLE)
                .citing(Confidence.INFERRED, Sources.note("§2.4 C11"))
                .does((s, attempt) -> {
                    String deactivated = CEREMONY.deactivate(s);
                    s.storeContingency(s.pki().requireNext());
                    return deactivated + "; new contingency material shared "
                            + s.custody().holders();
                })
                .deadline("T_newRoot", DECIDED, NEW_ROOT, settings.duration("T_newRoot"))
                .deadline("T_convene", DECIDED, KEY_ACTIVATED, settings.duration("T_convene"))
                .deadline("T_deviceUpdates", COMMANDS_SENT, ROOT_REPLACED, settings.duration("T_deviceUpdates"))
                .deadline("T_progressReport", COMMANDS_SENT, PROGRESS_REPORTED, settings.duration("T_progressReport"))
                .deadline("T_revokeOldOca", ROOT_REPLACED, OLD_OCA_REVOKED, settings.duration("T_revokeOldOca"))
                .deadline(
                        "T_finalReport",
                        CERTIFICATES_DISTRIBUTED,
                        MATERIAL_IN_CUSTODY,
                        settings.duration("T_finalReport"))
                .build();
    }
}
