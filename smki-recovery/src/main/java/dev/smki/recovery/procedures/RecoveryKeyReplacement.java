package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;

import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationReason;
import dev.smki.core.revocation.Subscriber;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyUseAuthorisation;
import dev.smki.recovery.fleet.CommandFactory;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Whether the Recovery Private Key is reused or replaced after use, and its replacement (recovery.md §2.7: a
 * separate, reconstructed policy, configurable as {@link RecoveryKeyPolicy}). This is not the Recovery Key Direction:
 * that is the SMKI PMA's direction to use the key ({@link RecoveryKeyDirection}, seed 003); no source says what
 * becomes of the key afterwards.
 *
 * <p>RK0 records the {@link AfterUse} decision: under {@link RecoveryKeyPolicy#MAY_REUSE} it must be to reuse, under
 * {@link RecoveryKeyPolicy#MUST_REPLACE} to replace (the DCC records the standing policy), under {@link
 * RecoveryKeyPolicy#PMA_DECIDES} the SMKI PMA chooses (RKR-1). The replacement steps are refused unless the
 * decision is to replace (RKR-2). At RK2 the SMKI PMA authorises the key that signs the Recovery cell change: the
 * Recovery key itself after an ordinary use (mode anyExceptAbnormalRootByRecovery), or the Contingency key with the
 * Symmetric Key, the only one independent of a compromised Recovery key (mode anyByContingency; recovery.md §1.5
 * [R]); RK3 activates it under REC-1 and REC-2; RK6 closes under REC-8. Custodians may attend before RK2 (seed 002
 * §3.6): only the activation needs the authorisation.
 */
public final class RecoveryKeyReplacement {

    /** RK0: whether the Recovery Private Key is reused or replaced after use. */
    public static final StepId DIRECTED = StepId.of("RK0");

    /** RK1: a new Recovery key pair and Organisation Certificate (role 01) generated. */
    public static final StepId NEW_RECOVERY_KEY = StepId.of("RK1");

    /** RK2: the SMKI PMA authorises the key that signs the Recovery cell change. */
    public static final StepId AUTHORISED = StepId.of("RK2");

    /** RK3.attend: a Key Custodian attends and presents shares (per custodian). */
    public static final StepId CUSTODIAN_ATTENDS = StepId.of("RK3.attend");

    /** RK3: the quorum activates the authorising key. */
    public static final StepId KEY_ACTIVATED = StepId.of("RK3");

    /** RK4: the Recovery cell replaced on every commissioned Device. */
    public static final StepId CELLS_REPLACED = StepId.of("RK4");

    /** RK5: the old Recovery certificate revoked. */
    public static final StepId OLD_KEY_REVOKED = StepId.of("RK5");

    /** RK6: the new Recovery key's shares put into custody; the direction carried out. */
    public static final StepId NEW_KEY_IN_CUSTODY = StepId.of("RK6");

    /** The procedure's name. */
    public static final String NAME = "RECOVERY_KEY_REPLACEMENT";

    /** RKR-2: the Recovery key is replaced only when the after-use decision says so. */
    public static final Guard<IncidentState> REPLACEMENT_DIRECTED = Guard.<IncidentState>rule(
                    RuleId.of("RKR-2"), "replacement decided")
            .stating("The Recovery Private Key is replaced only when the decision after its use says to replace it.")
            .citing(Sources.note("§2.7 [R]"), Confidence.RECONSTRUCTED)
            .when(in ->
                    in.context().custody().afterUse().map(AfterUse::isReplace).orElse(false));

    /** REC-1: the authorising key (RK3) is one an SMKI PMA authorisation for the incident requires. */
    public static final Guard<IncidentState> AUTHORISING_KEY_DECIDED = Guard.<IncidentState>rule(
                    RuleId.of("REC-1"), "decision gate")
            .stating("The key that authorises the Recovery cell change is activated only where an SMKI PMA"
                    + " authorisation for the incident requires it.")
            .citing(Sources.L10, Confidence.VERIFIED)
            .when(in -> authorisedKeys(in.context()).isPresent());

    /** REC-2: the authorised key's ceremony is quorate. */
    public static final Guard<IncidentState> AUTHORISING_KEY_QUORUM = Guard.<IncidentState>rule(
                    RuleId.of("REC-2"), "quorum")
            .stating("Activating the authorising key needs shares from at least M distinct, currently appointed Key"
                    + " Custodians.")
            .citing(Sources.CUSTODIAN_NOMINATIONS, Confidence.INFERRED)
            .when(in -> eachAuthorisedKey(
                    in.context(), (state, key) -> state.custody().ceremony(key).isQuorate()));

    /** CUS-2: the authorised key is active while the Recovery cells are replaced. */
    public static final Guard<IncidentState> AUTHORISING_KEY_ACTIVE = Guard.<IncidentState>rule(
                    RuleId.of("CUS-2"), "key active")
            .stating("The Recovery cell commands are signed only while the authorising key is activated for the"
                    + " incident.")
            .citing(Sources.note("§2.3 R10"), Confidence.RECONSTRUCTED)
            .when(in -> eachAuthorisedKey(
                    in.context(), (state, key) -> state.custody().isActive(key)));

    /** The ceremony activating the authorising key (RK3.attend, RK3). */
    static final KeyCeremony CEREMONY = new KeyCeremony(
            CUSTODIAN_ATTENDS, KEY_ACTIVATED, s -> s.choices().authorisingKey().keys());

    private RecoveryKeyReplacement() {}

    private static AfterUse afterUse(IncidentState s) {
        return new AfterUse(s.choices().afterUse(), s.choices().afterUseReason());
    }

    /**
     * RK4: the Recovery cell of every Relevant Device replaced: signed with the activated Recovery Private Key (mode
     * anyExceptAbnormalRootByRecovery), or, when the SMKI PMA authorised the Contingency key, with it and the
     * Symmetric Key in clear (mode anyByContingency), which spends the contingency material.
     */
    private static String replaceCells(IncidentState s, Attempt attempt) {
        IssuedCertificate renewed = s.pki().requireReplacement();
        boolean contingency = authorisedKeys(s)
                .map(keys -> keys.contains(CustodyKey.CONTINGENCY_PRIVATE_KEY))
                .orElse(false);
        UpdateSecurityCredentials.Builder body = UpdateSecurityCredentials.builder(
                        contingency
                                ? CredentialsReplacementMode.ANY_BY_CONTINGENCY
                                : CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY)
                .sequenceNumber(1)
                .replace(TrustAnchorCellId.RECOVERY, renewed.parsed())
                .pathCertificate(s.pki().current().issuingOca().parsed());
        if (contingency) {
            body.symmetricKey(s.custody().symmetricKey());
        }
        s.fleet().target(renewed.parsed().subjectKeyIdentifier().orElseThrow(), CELLS_REPLACED.value());
        String sent = s.fleet()
                .send(
                        s.incident(),
                        CELLS_REPLACED.value(),
                        CommandFactory.signing(
                                body.build(),
                                contingency ? Contingency.contingencySigner(s) : RecoveryKeyUse.recoverySigner(s)));
        return contingency
                ? "anyByContingency: " + sent + "; the Symmetric Key went out in clear, so the contingency material is"
                        + " spent and is replaced next (the contingency-key scenario) [R]"
                : "anyExceptAbnormalRootByRecovery: " + sent;
    }

    /** The SMKI PMA's authorisation of a key for a Recovery Key Direction (RK2). */
    private record DirectionAuthorisation(String incidentReference, Set<CustodyKey> keys)
            implements KeyUseAuthorisation {

        @Override
        public boolean authorises(CustodyKey key) {
            return keys.contains(key);
        }
    }

    /** {@return the procedure with the default settings (policy {@link RecoveryKeyPolicy#PMA_DECIDES})} */
    public static Procedure<IncidentState> definition() {
        return definition(ProcedureSettings.defaults());
    }

    /**
     * {@return the procedure with {@code settings}' policy, durations and omitted steps}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> definition(ProcedureSettings settings) {
        return settings.applyTo(steps(settings));
    }

    /** Returns the RKR-1 guard that the direction follows {@code policy}. */
    static Guard<IncidentState> followsPolicy(RecoveryKeyPolicy policy) {
        return Guard.<IncidentState>rule(RuleId.of("RKR-1"), "after-use decision follows policy")
                .stating("Under policy " + policy + " the decision after the Recovery key's use is "
                        + switch (policy) {
                            case MAY_REUSE -> "to reuse the key.";
                            case MUST_REPLACE -> "to replace the key.";
                            case PMA_DECIDES -> "the SMKI PMA's choice.";
                        })
                .citing(Sources.note("§2.7"), Confidence.RECONSTRUCTED)
                .when(in -> in.payload(AfterUse.class)
                        .map(d -> switch (policy) {
                            case MAY_REUSE -> !d.isReplace();
                            case MUST_REPLACE -> d.isReplace();
                            case PMA_DECIDES -> true;
                        })
                        .orElse(false));
    }

    static Procedure<IncidentState> steps(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        RecoveryKeyPolicy policy = settings.recoveryKeyPolicy();
        Actor directing = policy == RecoveryKeyPolicy.PMA_DECIDES ? SMKI_PMA : DCC;
        return Procedure.<IncidentState>named(NAME)
                .pre(DIRECTED, "Recovery Private Key reused or replaced after use (a separate policy)", directing)
                .guardedBy(followsPolicy(policy))
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.7: what follows the use [R]"))
                .offering((s, item) -> afterUse(s))
                .does((s, attempt) -> {
                    s.custody().decideAfterUse(afterUse(s));
                    return "after use, under " + policy + ": " + afterUse(s).outcome();
                })
                .pre(NEW_RECOVERY_KEY, "New Recovery key pair and Organisation Certificate generated", DCC)
                .after(DIRECTED)
                .guardedBy(REPLACEMENT_DIRECTED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.7 RK1"))
                .does((s, attempt) -> {
                    String scope = s.fleet().scope(s.compromisedCertificate());
                    IssuedCertificate renewed =
                            s.pki().issueNew(RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE);
                    s.registry().register(renewed, Subscriber.DCC);
                    s.pki().replaceWith(renewed);
                    return "new " + renewed + "; " + scope;
                })
                .pre(AUTHORISED, "SMKI PMA authorises the key that signs the Recovery cell change", SMKI_PMA)
                .after(NEW_RECOVERY_KEY)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.7 RK2"))
                .offering((s, item) -> new Authorisation(s.choices().authorisingKey()))
                .does((s, attempt) -> {
                    AuthorisingKey key = s.choices().authorisingKey();
                    s.custody()
                            .authorise(new DirectionAuthorisation(s.incident().value(), key.keys()));
                    return "SMKI PMA authorises " + key;
                })
                .pre(CUSTODIAN_ATTENDS, "Key Custodian attends and presents shares", KEY_CUSTODIAN)
                .perItem()
                .guardedBy(RecoveryGuards.APPOINTED_CUSTODIAN, RecoveryGuards.OWN_SHARES)
                .citing(
                        Confidence.VERIFIED,
                        Sources.CUSTODIAN_NOMINATIONS,
                        Sources.CUSTODIANS_EARLY,
                        Sources.note("§2.7 RK3"))
                .offering(CEREMONY.offer())
                .does(CEREMONY.attend())
                .exec(KEY_ACTIVATED, "Authorising key activated by the quorum", DCC, KEY_CUSTODIAN)
                .after(AUTHORISED, CUSTODIAN_ATTENDS)
                .guardedBy(AUTHORISING_KEY_DECIDED, AUTHORISING_KEY_QUORUM, RecoveryGuards.HSM_AVAILABLE)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.7 RK3"))
                .does(CEREMONY.activate())
                .exec(CELLS_REPLACED, "Recovery cell replaced on every commissioned Device", DCC)
                .after(KEY_ACTIVATED)
                .guardedBy(AUTHORISING_KEY_ACTIVE)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.7 RK4"))
                .does(RecoveryKeyReplacement::replaceCells)
                .post(OLD_KEY_REVOKED, "Old Recovery certificate revoked", DCC)
                .after(CELLS_REPLACED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.7 RK5"))
                .does((s, attempt) -> s.revocation()
                                .revoke(s.compromisedCertificate(), RevocationReason.SUPERSEDED, Requester.dcc())
                        + "; " + s.revocation().publish(s.pki().current().issuingOca()))
                .post(NEW_KEY_IN_CUSTODY, "New Recovery key shares put into custody", DCC, KEY_CUSTODIAN)
                .after(OLD_KEY_REVOKED)
                .guardedBy(RecoveryGuards.SCOPE_SETTLED, RecoveryGuards.QUORUM_REACHABLE)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.7 RK6"))
                .does((s, attempt) -> {
                    String deactivated = CEREMONY.deactivate(s);
                    s.custody()
                            .store(
                                    CustodyKey.RECOVERY_PRIVATE_KEY,
                                    s.pki()
                                            .requireReplacement()
                                            .keyPair()
                                            .orElseThrow()
                                            .getPrivate()
                                            .getEncoded());
                    return deactivated + "; " + CustodyKey.RECOVERY_PRIVATE_KEY + " re-shared "
                            + s.custody().holders();
                })
                .deadline("T_convene", AUTHORISED, KEY_ACTIVATED, settings.duration("T_convene"))
                .deadline("T_deviceUpdates", CELLS_REPLACED, OLD_KEY_REVOKED, settings.duration("T_deviceUpdates"))
                .build();
    }

    /** Returns whether some key set is authorised for the incident and each of its keys passes {@code test}. */
    private static boolean eachAuthorisedKey(IncidentState state, BiPredicate<IncidentState, CustodyKey> test) {
        return authorisedKeys(state)
                .map(keys -> keys.stream().allMatch(key -> test.test(state, key)))
                .orElse(false);
    }

    /** Returns the keys of the first key set the incident's authorisations require, if any. */
    static Optional<Set<CustodyKey>> authorisedKeys(IncidentState state) {
        for (AuthorisingKey candidate : AuthorisingKey.values()) {
            if (candidate.keys().stream().allMatch(state::isAuthorised)) {
                return Optional.of(candidate.keys());
            }
        }
        return Optional.empty();
    }

    /** What is decided after the Recovery key's use: reuse it, or replace it. */
    public enum Outcome {
        /** The key may be used again. */
        REUSE,
        /** The key is replaced: a new key pair, certificate and Recovery cell on every Device. */
        REPLACE
    }

    /** Which key signs the Recovery cell change (RK2). */
    public enum AuthorisingKey {
        /** The current Recovery Private Key, after an ordinary use (mode anyExceptAbnormalRootByRecovery). */
        RECOVERY_KEY(EnumSet.of(CustodyKey.RECOVERY_PRIVATE_KEY)),
        /** The Contingency Private Key with the Symmetric Key (mode anyByContingency), after a compromise. */
        CONTINGENCY_KEY(EnumSet.of(CustodyKey.CONTINGENCY_PRIVATE_KEY, CustodyKey.CONTINGENCY_SYMMETRIC_KEY));

        private final Set<CustodyKey> keys;

        AuthorisingKey(Set<CustodyKey> keys) {
            this.keys = keys;
        }

        /** {@return the keys in custody this choice activates} */
        public Set<CustodyKey> keys() {
            return Set.copyOf(keys);
        }
    }

    /**
     * Whether the Recovery key is reused or replaced after use: RK0's payload.
     *
     * @param outcome reuse or replace
     * @param reason why, one line; may be empty
     */
    public record AfterUse(Outcome outcome, String reason) implements Payload {

        /**
         * Checks the components.
         *
         * @param outcome reuse or replace
         * @param reason why, one line; may be empty
         * @throws NullPointerException when a component is null
         */
        public AfterUse {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
        }

        /** {@return whether the decision is to replace the key} */
        public boolean isReplace() {
            return outcome == Outcome.REPLACE;
        }

        @Override
        public PayloadSummary summary() {
            return PayloadSummary.of("afterUse", outcome.name(), "reason", reason);
        }
    }

    /**
     * The SMKI PMA's authorisation of the key that signs the Recovery cell change: RK2's payload.
     *
     * @param key the authorising key
     */
    public record Authorisation(AuthorisingKey key) implements Payload {

        /**
         * Checks the components.
         *
         * @param key the authorising key
         * @throws NullPointerException when a component is null
         */
        public Authorisation {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public PayloadSummary summary() {
            return PayloadSummary.of("authorisingKey", key.name());
        }
    }
}
