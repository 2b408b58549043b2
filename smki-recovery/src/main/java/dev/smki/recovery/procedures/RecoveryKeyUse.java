package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;

import dev.smki.core.device.Authoriser;
import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.revocation.Subscriber;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * P-RECOVERY-KEY: use of the Recovery Private Key after the compromise of a Party's Organisation key, by Method 2
 * (DCC Access Control Broker certificates into the affected cells, the Subscriber's new certificate later) or
 * Method 3 (the Subscriber's new certificates directly), in GBCS mode {@code anyExceptAbnormalRootByRecovery}
 * (recovery.md §1.5 and §2.3; the methods and the Pre/Execution/Post split are verified, the steps inferred or
 * reconstructed).
 *
 * <p>R2 is done once per attending Key Custodian (the item is the custodian's id) and counts only appointed ones;
 * R5 is refused without an SMKI PMA decision requiring the Recovery Private Key (REC-1) or without the quorum
 * (REC-2); R6 signs only while the key is active (CUS-2); R11 closes only once every Relevant Device is updated
 * or written off (REC-8). R3 (new certificates first) exists for Method 3 only, R8 (the Subscriber's certificate
 * put in later) for Method 2 only.
 */
public final class RecoveryKeyUse {

    /** R1: the SMKI PMA's decision requires the Recovery Private Key, naming the method. */
    public static final StepId DECIDED = StepId.of("R1");

    /** R2: a Key Custodian attends and presents their share (per custodian). */
    public static final StepId CUSTODIAN_ATTENDS = StepId.of("R2");

    /** R3: the Relevant Subscriber's new key pairs are certified (Method 3). */
    public static final StepId NEW_CERTIFICATES = StepId.of("R3");

    /** R4: the DCC builds one command per Relevant Device. */
    public static final StepId COMMANDS_BUILT = StepId.of("R4");

    /** R5: the quorum activates the Recovery Private Key in the HSM. */
    public static final StepId KEY_ACTIVATED = StepId.of("R5");

    /** R6: the DCC signs and sends the commands; Devices verify, replace the cells and answer. */
    public static final StepId COMMANDS_SENT = StepId.of("R6");

    /** R7: the DCC reports progress in Recovery Progress Files. */
    public static final StepId PROGRESS_REPORTED = StepId.of("R7");

    /** R8: the Subscriber's new certificate is put in place with the DCC key now in the cells (Method 2). */
    public static final StepId SUBSCRIBER_CERTIFICATE_PLACED = StepId.of("R8");

    /** R9: the DCC verifies the Devices and deals with failures. */
    public static final StepId DEVICES_VERIFIED = StepId.of("R9");

    /** R10: the key is deactivated and the shares go back into custody. */
    public static final StepId KEY_DEACTIVATED = StepId.of("R10");

    /** R11: the DCC reports to the SMKI PMA; the incident closes. */
    public static final StepId CLOSED = StepId.of("R11");

    /** The new floor sequence number a Recovery command sets for the replaced party. */
    public static final long NEW_FLOOR = 1_000;

    /** The ceremony activating the Recovery Private Key (R2, R5). */
    static final KeyCeremony CEREMONY =
            new KeyCeremony(CUSTODIAN_ATTENDS, KEY_ACTIVATED, s -> Set.of(CustodyKey.RECOVERY_PRIVATE_KEY));

    private RecoveryKeyUse() {}

    /** Returns the signer of the activated Recovery Private Key, speaking as the DCC's Recovery role. */
    static Authoriser recoverySigner(IncidentState s) {
        return s.custody()
                .signer(
                        CustodyKey.RECOVERY_PRIVATE_KEY,
                        s.pki().current().parties().of(RemotePartyRole.RECOVERY),
                        s.pki()
                                .certificate(RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE)
                                .publicKey());
    }

    /**
     * R4: the anyExceptAbnormalRootByRecovery commands for the Relevant Devices, with a new floor: each replaces the
     * compromised cells the Device holds (one cell, or several in a multi-cell compromise) with the Subscriber's new
     * certificates (Method 3) or the DCC's Access Control Broker certificates of the same key usage (Method 2).
     */
    private static String buildCommands(IncidentState s, boolean three) {
        if (!three) {
            Map<TrustAnchorCellId, IssuedCertificate> acb = new LinkedHashMap<>();
            for (OrganisationCredential credential : s.compromisedCredentials()) {
                acb.put(
                        credential.cell(),
                        s.pki().certificate(RemotePartyRole.ACCESS_CONTROL_BROKER, credential.keyUsage()));
            }
            s.pki().replaceAll(acb);
        }
        CellReplacements sending = new CellReplacements(
                CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY,
                s.pki().replacements(),
                List.of(s.pki().current().issuingOca().parsed()),
                1,
                NEW_FLOOR);
        s.fleet().prepare(sending.full());
        s.prepareSending(sending);
        IssuedCertificate replacement = s.pki().requireReplacement();
        s.fleet().target(replacement.parsed().subjectKeyIdentifier().orElseThrow(), COMMANDS_SENT.value());
        return sending.full() + ", replacing " + sending.cells() + " with "
                + (three ? "the Subscriber's new" : "the DCC's ACB") + " certificates "
                + sending.replacements().values();
    }

    /** Returns the mode in which {@code role} replaces its own cells, such as {@code supplierBySupplier}. */
    static CredentialsReplacementMode sameRole(RemotePartyRole role) {
        for (CredentialsReplacementMode mode : CredentialsReplacementMode.values()) {
            if (mode.authorisingRole() == role
                    && mode.replacedRole().filter(r -> r == role).isPresent()) {
                return mode;
            }
        }
        throw new IllegalArgumentException("No Credentials Replacement Mode lets " + role + " replace its own cells");
    }

    /**
     * R8: the Subscriber's new certificates put in place with the DCC's ACB key now in the cells (Method 2), in the
     * role's own mode (such as supplierBySupplier).
     */
    private static String placeSubscriberCertificate(IncidentState s, Attempt attempt) {
        Map<TrustAnchorCellId, IssuedCertificate> acb = s.pki().replacements();
        Map<TrustAnchorCellId, IssuedCertificate> renewed = new LinkedHashMap<>();
        for (OrganisationCredential credential : s.compromisedCredentials()) {
            IssuedCertificate certificate = s.pki().issueNew(credential);
            s.registry().register(certificate, Subscriber.ofRole(credential.role()));
            renewed.put(credential.cell(), certificate);
        }
        IssuedCertificate first = renewed.values().iterator().next();
        s.pki().placeSubscriberCertificate(first);
        CellReplacements sending = new CellReplacements(
                sameRole(s.setup().role()),
                renewed,
                List.of(s.pki().current().issuingOca().parsed()),
                NEW_FLOOR + 1,
                0);
        IssuedCertificate acbCertificate = acb.values().iterator().next();
        Authoriser acbKey = Authoriser.of(acbCertificate.parsed(), SigningKey.of(acbCertificate));
        s.fleet().target(first.parsed().subjectKeyIdentifier().orElseThrow(), SUBSCRIBER_CERTIFICATE_PLACED.value());
        return s.fleet().send(s.incident(), SUBSCRIBER_CERTIFICATE_PLACED.value(), sending.signedBy(acbKey));
    }

    /** Which method of using the Recovery Private Key (recovery.md §1.5). */
    public enum Method {
        /** Method 2: DCC Access Control Broker certificates first, the Subscriber's new certificate later. */
        METHOD_2(RecoveryMechanism.RECOVERY_METHOD_2),
        /** Method 3: the Subscriber's new certificates directly. */
        METHOD_3(RecoveryMechanism.RECOVERY_METHOD_3);

        private final RecoveryMechanism mechanism;

        Method(RecoveryMechanism mechanism) {
            this.mechanism = mechanism;
        }

        /** {@return the mechanism an SMKI PMA decision names for this method} */
        public RecoveryMechanism mechanism() {
            return mechanism;
        }

        /** {@return the method's number, 2 or 3} */
        public int number() {
            return this == METHOD_2 ? 2 : 3;
        }

        /**
         * {@return the method numbered {@code number}}
         *
         * @param number 2 or 3
         * @throws IllegalArgumentException unless it is 2 or 3
         */
        public static Method of(int number) {
            return switch (number) {
                case 2 -> METHOD_2;
                case 3 -> METHOD_3;
                default ->
                    throw new IllegalArgumentException(
                            "The Recovery Private Key is used by Method 2 or 3, not " + number);
            };
        }
    }

    /**
     * {@return the procedure's name for {@code method}: {@code RECOVERY_KEY_M2} or {@code RECOVERY_KEY_M3}}
     *
     * @param method how the Recovery Private Key is used
     */
    public static String name(Method method) {
        return "RECOVERY_KEY_M" + method.number();
    }

    /**
     * {@return the procedure for {@code method} with the default settings}
     *
     * @param method how the Recovery Private Key is used
     */
    public static Procedure<IncidentState> definition(Method method) {
        return definition(ProcedureSettings.defaults(), method);
    }

    /**
     * {@return the procedure for {@code method} with {@code settings}' durations and omitted steps}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     * @param method how the Recovery Private Key is used
     */
    public static Procedure<IncidentState> definition(ProcedureSettings settings, Method method) {
        return settings.applyTo(steps(settings, method));
    }

    /** Returns the REC-1 guard that the SMKI PMA's decision names {@code method}. */
    static Guard<IncidentState> methodDecided(Method method) {
        return Guard.<IncidentState>rule(RuleId.of("REC-1"), "method decided")
                .stating("The Recovery Private Key is used by Method " + method.number()
                        + " only where the SMKI PMA's decision for the incident names that method.")
                .citing(Sources.L10, Confidence.VERIFIED)
                .when(in -> in.context()
                        .custody()
                        .decision()
                        .map(d -> d.mechanism() == method.mechanism())
                        .orElse(false));
    }

    static Procedure<IncidentState> steps(ProcedureSettings settings, Method method) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(method, "method");
        boolean three = method == Method.METHOD_3;
        Procedure.Builder<IncidentState> b = Procedure.<IncidentState>named(name(method))
                .pre(DECIDED, "SMKI PMA decision requires the Recovery Private Key by " + method.name(), SMKI_PMA)
                .guardedBy(RecoveryGuards.RECOVERY_KEY_DECISION, methodDecided(method))
                .citing(Confidence.VERIFIED, Sources.L10, Sources.DRAFT_2015, Sources.note("§2.3 R1"))
                .pre(CUSTODIAN_ATTENDS, "Key Custodian attends and presents their share", KEY_CUSTODIAN)
                .perItem()
                .guardedBy(RecoveryGuards.APPOINTED_CUSTODIAN, RecoveryGuards.OWN_SHARES)
                .citing(
                        Confidence.VERIFIED,
                        Sources.CUSTODIAN_NOMINATIONS,
                        Sources.CUSTODIANS_EARLY,
                        Sources.note("§2.3 R2 (quorum [I])"))
                .offering(CEREMONY.offer())
                .does(CEREMONY.attend());
        if (three) {
            b.pre(NEW_CERTIFICATES, "Subscriber's new key pairs certified through its ARO's CSRs", SUBSCRIBER, DCC)
                    .after(DECIDED)
                    .citing(Confidence.INFERRED, Sources.note("§2.3 R3"))
                    .does((s, attempt) -> {
                        Map<TrustAnchorCellId, IssuedCertificate> renewed = new LinkedHashMap<>();
                        for (OrganisationCredential credential : s.compromisedCredentials()) {
                            IssuedCertificate certificate = s.pki().issueNew(credential);
                            s.registry().register(certificate, Subscriber.ofRole(credential.role()));
                            renewed.put(credential.cell(), certificate);
                        }
                        s.pki().replaceAll(renewed);
                        return "new " + renewed.values();
                    });
        }
        b.pre(
                        COMMANDS_BUILT,
                        "One anyExceptAbnormalRootByRecovery command built per Relevant Device, with a new floor",
                        DCC)
                .after(DECIDED)
                .citing(Confidence.INFERRED, Sources.CS02B, Sources.note("§2.3 R4"))
                .does((s, attempt) -> buildCommands(s, three));
        if (three) {
            b.after(NEW_CERTIFICATES);
        }
        b.exec(KEY_ACTIVATED, "Recovery Private Key activated in the HSM by the quorum", DCC, KEY_CUSTODIAN)
                .after(CUSTODIAN_ATTENDS, COMMANDS_BUILT)
                .guardedBy(
                        RecoveryGuards.RECOVERY_KEY_DECISION,
                        RecoveryGuards.RECOVERY_KEY_QUORUM,
                        RecoveryGuards.HSM_AVAILABLE)
                .citing(Confidence.INFERRED, Sources.CUSTODIAN_NOMINATIONS, Sources.note("§2.3 R5"))
                .does(CEREMONY.activate())
                .exec(COMMANDS_SENT, "Commands signed and sent; Devices replace the cells and answer", DCC)
                .after(KEY_ACTIVATED)
                .guardedBy(RecoveryGuards.RECOVERY_KEY_ACTIVE)
                .citing(Confidence.INFERRED, Sources.CS02B, Sources.note("§2.3 R6"))
                .does((s, attempt) -> s.fleet()
                        .send(
                                s.incident(),
                                COMMANDS_SENT.value(),
                                s.requireSending().signedBy(recoverySigner(s))))
                .exec(PROGRESS_REPORTED, "Progress reported in Recovery Progress Files", DCC)
                .after(COMMANDS_SENT)
                .repeatable()
                .citing(Confidence.RECONSTRUCTED, Sources.FILE_FORMATS_2015, Sources.note("§2.3 R7 (cadence [R])"))
                .does((s, attempt) -> "progress " + s.fleet().scope());
        if (!three) {
            b.post(
                            SUBSCRIBER_CERTIFICATE_PLACED,
                            "Subscriber's new certificate put in place by a same-role replacement signed with the"
                                    + " DCC key now in the cells",
                            DCC)
                    .after(COMMANDS_SENT)
                    .citing(Confidence.INFERRED, Sources.note("§1.5 Method 2, §2.3 R8"))
                    .does(RecoveryKeyUse::placeSubscriberCertificate);
        }
        return b.post(DEVICES_VERIFIED, "Devices verified; failed and uncontactable Devices dealt with", DCC)
                .after(three ? COMMANDS_SENT : SUBSCRIBER_CERTIFICATE_PLACED)
                .citing(Confidence.INFERRED, Sources.note("§2.3 R9"))
                .does((s, attempt) -> "verified: " + s.fleet().counts() + "; " + s.stillHolding())
                .post(KEY_DEACTIVATED, "Recovery Private Key deactivated; shares back in custody", DCC, KEY_CUSTODIAN)
                .after(COMMANDS_SENT)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.3 R10"))
                .does((s, attempt) -> CEREMONY.deactivate(s))
                .post(CLOSED, "Final report to the SMKI PMA; incident closed", DCC)
                .after(PROGRESS_REPORTED, DEVICES_VERIFIED, KEY_DEACTIVATED)
                .guardedBy(RecoveryGuards.SCOPE_SETTLED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.3 R11"))
                .does((s, attempt) -> "final report: " + s.fleet().counts())
                .deadline("T_convene", DECIDED, KEY_ACTIVATED, settings.duration("T_convene"))
                .deadline("T_progressReport", COMMANDS_SENT, PROGRESS_REPORTED, settings.duration("T_progressReport"))
                .deadline("T_deviceUpdates", COMMANDS_SENT, DEVICES_VERIFIED, settings.duration("T_deviceUpdates"))
                .deadline("T_finalReport", DEVICES_VERIFIED, CLOSED, settings.duration("T_finalReport"))
                .build();
    }
}
