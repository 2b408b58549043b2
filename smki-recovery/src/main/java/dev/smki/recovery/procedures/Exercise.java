package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.SECAS;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;

import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.provenance.Confidence;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodianStatus;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyCustodian;
import dev.smki.recovery.custody.KeyUseAuthorisation;
import dev.smki.recovery.fleet.CommandFactory;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * P-TEST: a recovery exercise of the kind the DCC ran in the live environment in June 2019 (seed 002 §3.6: the DCC
 * plans the exercise, brings the plan to the SMKI PMA, and notifies the Key Custodians early because they must
 * attend; verified). The remaining steps are reconstructed (recovery.md §2.8): the SMKI PMA approves, the custodians
 * attend (they may be present before the approval; only activation needs it, REC-1), the quorum activates the key
 * (REC-2), the test runs on test Devices or with a test key, the outcome is reported to the SMKI PMA and the roster is
 * refreshed, leavers replaced and the keys re-shared.
 *
 * <p>The exercised keys are a parameter: the Recovery Private Key unless given. In a {@linkplain
 * ActorChoices.ExerciseMode#LIVE live} exercise T5 sends the key's commands to the fleet, which are test Devices; in
 * a {@linkplain ActorChoices.ExerciseMode#TEST test} one it only signs a command, and no Device is sent anything.
 */
public final class Exercise {

    /** T1: the DCC plans the exercise and brings the plan and date to the SMKI PMA. */
    public static final StepId PLANNED = StepId.of("T1");

    /** T1.notify: the DCC notifies the Key Custodians who must attend, with a lead time. */
    public static final StepId CUSTODIANS_NOTIFIED = StepId.of("T1.notify");

    /** T2: the SMKI PMA approves the exercise and will observe. */
    public static final StepId APPROVED = StepId.of("T2");

    /** T3: a Key Custodian attends (per custodian). */
    public static final StepId CUSTODIAN_ATTENDS = StepId.of("T3");

    /** T4: the quorum activates the exercised keys in the HSM. */
    public static final StepId KEY_ACTIVATED = StepId.of("T4");

    /** T5: the test is run, on test Devices or with a test key. */
    public static final StepId TESTED = StepId.of("T5");

    /** T6: the DCC reports the outcome to the SMKI PMA; the keys are deactivated. */
    public static final StepId REPORTED = StepId.of("T6");

    /** T7: the custodian roster is refreshed, leavers replaced and the keys re-shared. */
    public static final StepId ROSTER_REFRESHED = StepId.of("T7");

    /** The procedure's name. */
    public static final String NAME = "EXERCISE";

    /** The keys an exercise activates unless told otherwise: the Recovery Private Key. */
    public static final Set<CustodyKey> KEYS = Set.of(CustodyKey.RECOVERY_PRIVATE_KEY);

    /** The ceremony of an exercise of the Recovery Private Key (T3, T4). */
    static final KeyCeremony CEREMONY = new KeyCeremony(CUSTODIAN_ATTENDS, KEY_ACTIVATED, s -> KEYS);

    private Exercise() {}

    /** {@return the procedure exercising the Recovery Private Key, with the default settings} */
    public static Procedure<IncidentState> definition() {
        return definition(ProcedureSettings.defaults(), KEYS);
    }

    /**
     * {@return the procedure exercising {@code keys}, with {@code settings}' durations and omitted steps}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     * @param keys the keys
     */
    public static Procedure<IncidentState> definition(ProcedureSettings settings, Set<CustodyKey> keys) {
        Objects.requireNonNull(settings, "settings");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("An exercise activates at least one key in custody");
        }
        Set<CustodyKey> exercised = EnumSet.copyOf(keys);
        KeyCeremony ceremony = new KeyCeremony(CUSTODIAN_ATTENDS, KEY_ACTIVATED, s -> exercised);
        return settings.applyTo(Procedure.<IncidentState>named(NAME)
                .pre(PLANNED, "Exercise planned by the DCC and brought to the SMKI PMA", DCC)
                .citing(Confidence.VERIFIED, Sources.LIVE_EXERCISE_2019, Sources.L10, Sources.note("§2.8 T1"))
                .does((s, attempt) -> "exercise of " + names(exercised) + " planned ("
                        + s.choices().mode().name().toLowerCase(Locale.ROOT) + ") and brought to the SMKI PMA")
                .pre(CUSTODIANS_NOTIFIED, "Key Custodians who must attend notified early", DCC)
                .after(PLANNED)
                .citing(Confidence.VERIFIED, Sources.CUSTODIANS_EARLY, Sources.CUSTODIAN_NOMINATIONS)
                .does((s, attempt) -> {
                    s.custody().notifyCustodians(s.clock().instant());
                    return s.custody().custodians().appointed().size() + " Key Custodians notified";
                })
                .pre(APPROVED, "SMKI PMA approves the exercise and will observe", SMKI_PMA)
                .after(PLANNED)
                .citing(Confidence.RECONSTRUCTED, Sources.LIVE_EXERCISE_2019, Sources.note("§2.8 T2"))
                .does((s, attempt) -> {
                    s.custody().authorise(new Approval(s.incident().value(), exercised));
                    return "SMKI PMA approves the use of " + names(exercised) + " for the exercise";
                })
                .pre(CUSTODIAN_ATTENDS, "Key Custodian attends the ceremony", KEY_CUSTODIAN)
                .after(CUSTODIANS_NOTIFIED)
                .perItem()
                .guardedBy(RecoveryGuards.APPOINTED_CUSTODIAN, RecoveryGuards.OWN_SHARES)
                .citing(Confidence.VERIFIED, Sources.CUSTODIANS_EARLY, Sources.CUSTODIAN_NOMINATIONS)
                .offering(ceremony.offer())
                .does(ceremony.attend())
                .exec(KEY_ACTIVATED, "Exercised keys activated in the HSM by the quorum", DCC, KEY_CUSTODIAN)
                .after(APPROVED, CUSTODIAN_ATTENDS)
                .guardedBy(
                        RecoveryGuards.decisionGate(exercised),
                        RecoveryGuards.quorum(exercised),
                        RecoveryGuards.HSM_AVAILABLE)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.8 T4"))
                .does(ceremony.activate())
                .exec(TESTED, "Test run on test Devices or with a test key", DCC)
                .after(KEY_ACTIVATED)
                .guardedBy(RecoveryGuards.keyActive(exercised))
                .citing(Confidence.RECONSTRUCTED, Sources.LIVE_EXERCISE_2019, Sources.note("§2.8 T5"))
                .does(Exercise::test)
                .post(REPORTED, "Outcome reported to the SMKI PMA; keys deactivated", DCC)
                .after(TESTED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.8 T6"))
                .does((s, attempt) ->
                        ceremony.deactivate(s) + "; reported: " + s.fleet().counts())
                .post(ROSTER_REFRESHED, "Custodian roster refreshed; leavers replaced; keys re-shared", DCC, SECAS)
                .after(REPORTED)
                .citing(Confidence.RECONSTRUCTED, Sources.CUSTODIAN_NOMINATIONS, Sources.note("§2.8 T7"))
                .does(Exercise::refreshRoster)
                .deadline("T_convene", APPROVED, KEY_ACTIVATED, settings.duration("T_convene"))
                .deadline("T_exerciseReport", TESTED, REPORTED, settings.duration("T_exerciseReport"))
                .build());
    }

    private static String names(Set<CustodyKey> keys) {
        return keys.stream().sorted().map(Enum::name).toList().toString();
    }

    /**
     * T5: live, a Recovery command replacing the Supplier's signing cell with the DCC's ACB certificate (what Method 2
     * does) is sent to every test Device; test, the command is signed and nothing is sent.
     */
    private static String test(IncidentState s, Attempt attempt) {
        IssuedCertificate supplier = s.pki().certificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
        IssuedCertificate acb =
                s.pki().certificate(RemotePartyRole.ACCESS_CONTROL_BROKER, CertificateUsage.DIGITAL_SIGNATURE);
        UpdateSecurityCredentials body = UpdateSecurityCredentials.builder(
                        CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY)
                .sequenceNumber(1)
                .newFloor(RecoveryKeyUse.NEW_FLOOR)
                .replace(TrustAnchorCellId.SUPPLIER_DS, acb.parsed())
                .pathCertificate(s.pki().current().issuingOca().parsed())
                .build();
        CommandFactory commands = CommandFactory.signing(body, RecoveryKeyUse.recoverySigner(s));
        if (s.choices().mode() == ActorChoices.ExerciseMode.TEST) {
            return "test key use: " + body + " signed with the activated key; no Device sent anything";
        }
        String scope = s.fleet().scope(supplier);
        s.fleet().target(acb.parsed().subjectKeyIdentifier().orElseThrow(), TESTED.value());
        return "test Devices: " + scope + "; " + s.fleet().send(s.incident(), TESTED.value(), commands);
    }

    /** T7: each custodian who ceased is replaced by a new one of the same Party, and the keys are re-shared. */
    private static String refreshRoster(IncidentState s, Attempt attempt) {
        List<KeyCustodian> ceased = s.custody().custodians().all().stream()
                .filter(c -> c.status() == CustodianStatus.CEASED)
                .toList();
        if (ceased.isEmpty()) {
            return "roster unchanged: " + s.custody().custodians().appointed().size() + " appointed custodians";
        }
        List<String> appointed = new ArrayList<>();
        int next = s.custody().custodians().all().size() + 1;
        for (KeyCustodian leaver : ceased) {
            CustodianId id = CustodianId.of(String.format(Locale.ROOT, "KC-%02d", next++));
            s.custody().appoint(id, leaver.party(), s.clock().instant());
            appointed.add(id + " for " + leaver.id());
        }
        s.custody()
                .store(
                        CustodyKey.RECOVERY_PRIVATE_KEY,
                        s.pki()
                                .certificate(RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE)
                                .keyPair()
                                .orElseThrow()
                                .getPrivate()
                                .getEncoded());
        s.storeContingency(s.pki().current());
        return "appointed " + appointed + "; keys re-shared " + s.custody().holders();
    }

    /** The SMKI PMA's approval of an exercise (T2): it authorises the exercised keys for the exercise only. */
    private record Approval(String incidentReference, Set<CustodyKey> keys) implements KeyUseAuthorisation {

        @Override
        public boolean authorises(CustodyKey key) {
            return keys.contains(key);
        }
    }
}
