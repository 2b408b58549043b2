package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.KEY_CUSTODIAN;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;

import dev.smki.core.device.CredentialsReplacementMode;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.provenance.Seeds;
import dev.smki.core.revocation.Subscriber;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyUseAuthorisation;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Recovery Key Direction: the SMKI PMA directs the DCC to use the Recovery Private Key, and the DCC then follows
 * the "Further Use of the Recovery Private Key" procedure (seed 003, the MP173 Modification Report, §4 "When directed
 * to do so by the SMKI PMA, the DCC will need to adhere to these provisions", §7 "Recovery Private Key provisions").
 * That the SMKI PMA directs and the DCC acts is verified; what the procedure's steps are is not in the seed, so the
 * steps below (recovery.md §2.7) are reconstructed.
 *
 * <p>RKD1: the SMKI PMA's direction names the use, the cells and Devices (those holding the incident's certificate)
 * and when (a window from the direction); it is the authorisation the key's activation needs (REC-1). RKD2: the DCC
 * acknowledges it. RKD3: the replacement certificates are made ready. RKD4.attend: Key Custodians attend, before the
 * direction if they were notified early (seed 002 §3.6). RKD4: the key is activated only under the direction and
 * within its window (RKD-1, RKD-2) by the quorum (REC-2). RKD5: the DCC uses it as directed: one {@code
 * anyExceptAbnormalRootByRecovery} command per Device, replacing only the directed cells. RKD6: deactivation. RKD7: the
 * DCC reports back to the SMKI PMA once every Device is updated or written off (REC-8). Whether the key is then reused
 * or replaced is a separate, reconstructed policy ({@link RecoveryKeyReplacement}).
 */
public final class RecoveryKeyDirection {

    /** RKD1: the SMKI PMA directs the DCC to use the Recovery Private Key. */
    public static final StepId DIRECTED = StepId.of("RKD1");

    /** RKD2: the DCC acknowledges the direction and follows the Further Use procedure. */
    public static final StepId ACKNOWLEDGED = StepId.of("RKD2");

    /** RKD3: the certificates the directed use puts into the cells are made ready. */
    public static final StepId CERTIFICATES_READY = StepId.of("RKD3");

    /** RKD4.attend: a Key Custodian attends and presents shares (per custodian). */
    public static final StepId CUSTODIAN_ATTENDS = StepId.of("RKD4.attend");

    /** RKD4: the quorum activates the Recovery Private Key under the direction. */
    public static final StepId KEY_ACTIVATED = StepId.of("RKD4");

    /** RKD5: the DCC uses the key as directed. */
    public static final StepId USED = StepId.of("RKD5");

    /** RKD6: the key is deactivated; the shares go back into custody. */
    public static final StepId KEY_DEACTIVATED = StepId.of("RKD6");

    /** RKD7: the DCC reports back to the SMKI PMA. */
    public static final StepId REPORTED = StepId.of("RKD7");

    /** The procedure's name. */
    public static final String NAME = "RECOVERY_KEY_DIRECTION";

    /** The new floor sequence number the directed commands set for the replaced party. */
    static final long NEW_FLOOR = 2_000;

    /** RKD-1: the Recovery key is activated and used only under the SMKI PMA's Recovery Key Direction. */
    public static final Guard<IncidentState> DIRECTED_BY_PMA = Guard.<IncidentState>rule(
                    RuleId.of("RKD-1"), "directed by the SMKI PMA")
            .stating("The DCC activates and uses the Recovery Private Key only when the SMKI PMA has directed it to"
                    + " (a Recovery Key Direction); the DCC never directs itself.")
            .citing(Sources.RECOVERY_KEY_DIRECTION, Confidence.VERIFIED)
            .when(in -> in.context().custody().direction().isPresent());

    /** RKD-2: the key is activated and used only within the time the direction gives. */
    public static final Guard<IncidentState> WITHIN_DIRECTION = Guard.<IncidentState>rule(
                    RuleId.of("RKD-2"), "within the direction")
            .stating("The Recovery Private Key is activated and used only within the time the Recovery Key Direction"
                    + " gives for its use.")
            .citing(
                    Sources.note("§2.7 [R]: the direction names the use, the Devices or cells, and when"),
                    Confidence.RECONSTRUCTED)
            .when(in -> in.context()
                    .custody()
                    .direction()
                    .map(d -> d.allows(in.now()))
                    .orElse(false));

    /** The ceremony activating the Recovery Private Key under the direction (RKD4.attend, RKD4). */
    static final KeyCeremony CEREMONY =
            new KeyCeremony(CUSTODIAN_ATTENDS, KEY_ACTIVATED, s -> Set.of(CustodyKey.RECOVERY_PRIVATE_KEY));

    private RecoveryKeyDirection() {}

    /** Returns the direction the SMKI PMA gives now: the plan's use and window, the incident's cells. */
    private static Direction direction(IncidentState s) {
        Instant now = s.clock().instant();
        return new Direction(
                s.incident().value(),
                s.choices().directionUse(),
                s.compromisedCredentials().stream()
                        .map(OrganisationCredential::cell)
                        .toList(),
                now,
                now.plus(s.choices().directionWindow()));
    }

    /** RKD3: a new certificate for each directed cell, registered to its Subscriber. */
    private static String readyCertificates(IncidentState s, Attempt attempt) {
        Map<TrustAnchorCellId, IssuedCertificate> ready = new LinkedHashMap<>();
        for (OrganisationCredential credential : s.compromisedCredentials()) {
            IssuedCertificate renewed = s.pki().issueNew(credential);
            s.registry().register(renewed, Subscriber.ofRole(credential.role()));
            ready.put(credential.cell(), renewed);
        }
        s.pki().replaceAll(ready);
        return ready.size() + " certificates ready: " + ready.values();
    }

    /** RKD5: one command per Device replacing the directed cells it holds, signed with the Recovery key. */
    private static String use(IncidentState s, Attempt attempt) {
        CellReplacements replacements = new CellReplacements(
                CredentialsReplacementMode.ANY_EXCEPT_ABNORMAL_ROOT_BY_RECOVERY,
                s.pki().replacements(),
                List.of(s.pki().current().issuingOca().parsed()),
                1,
                NEW_FLOOR);
        IssuedCertificate first =
                replacements.replacements().values().iterator().next();
        s.fleet().target(first.parsed().subjectKeyIdentifier().orElseThrow(), USED.value());
        return "as directed, anyExceptAbnormalRootByRecovery replacing " + replacements.cells() + ": "
                + s.fleet().send(s.incident(), USED.value(), replacements.signedBy(RecoveryKeyUse.recoverySigner(s)));
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
                        DIRECTED,
                        "SMKI PMA directs the DCC to use the Recovery Private Key (a Recovery Key Direction)",
                        SMKI_PMA)
                .citing(
                        Confidence.VERIFIED,
                        Sources.RECOVERY_KEY_DIRECTION,
                        Seeds.RECOVERY_KEY_DIRECTION_SUMMARY,
                        Sources.note("§2.7: what the direction names (the use, the cells and Devices, when) [R]"))
                .offering((s, item) -> direction(s))
                .does((s, attempt) -> {
                    Direction given = attempt.payload() instanceof Direction d ? d : direction(s);
                    String scope = s.fleet().scope(s.compromisedCertificate());
                    s.custody().direct(given);
                    return "SMKI PMA directs the DCC: " + given.use() + "; cells " + given.cells() + "; " + scope
                            + "; from " + given.from() + " until " + given.until();
                })
                .pre(
                        ACKNOWLEDGED,
                        "DCC acknowledges the direction and follows the Further Use of the Recovery Private Key"
                                + " procedure",
                        DCC)
                .after(DIRECTED)
                .citing(Confidence.RECONSTRUCTED, Sources.FURTHER_USE, Sources.note("§2.7 acknowledgement [R]"))
                .does((s, attempt) -> "DCC acknowledges the Recovery Key Direction for incident " + s.incident())
                .pre(CERTIFICATES_READY, "New certificates for the directed cells obtained", SUBSCRIBER, DCC)
                .after(ACKNOWLEDGED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.3 R3, §2.7 [R]"))
                .does(RecoveryKeyDirection::readyCertificates)
                .pre(CUSTODIAN_ATTENDS, "Key Custodian attends and presents shares", KEY_CUSTODIAN)
                .perItem()
                .guardedBy(RecoveryGuards.APPOINTED_CUSTODIAN, RecoveryGuards.OWN_SHARES)
                .citing(Confidence.VERIFIED, Sources.CUSTODIAN_NOMINATIONS, Sources.CUSTODIANS_EARLY)
                .offering(CEREMONY.offer())
                .does(CEREMONY.attend())
                .exec(
                        KEY_ACTIVATED,
                        "Recovery Private Key activated under the direction by the quorum",
                        DCC,
                        KEY_CUSTODIAN)
                .after(ACKNOWLEDGED, CUSTODIAN_ATTENDS)
                .guardedBy(
                        DIRECTED_BY_PMA,
                        WITHIN_DIRECTION,
                        RecoveryGuards.RECOVERY_KEY_DECISION,
                        RecoveryGuards.RECOVERY_KEY_QUORUM,
                        RecoveryGuards.HSM_AVAILABLE)
                .citing(Confidence.INFERRED, Sources.RECOVERY_KEY_DIRECTION, Sources.note("§2.7, §2.3 R5"))
                .does(CEREMONY.activate())
                .exec(USED, "Recovery Private Key used as directed: the directed cells replaced on the Devices", DCC)
                .after(KEY_ACTIVATED, CERTIFICATES_READY)
                .guardedBy(RecoveryGuards.RECOVERY_KEY_ACTIVE, WITHIN_DIRECTION)
                .citing(Confidence.INFERRED, Sources.CS02B, Sources.note("§2.7, §2.3 R6"))
                .does(RecoveryKeyDirection::use)
                .post(KEY_DEACTIVATED, "Recovery Private Key deactivated; shares back in custody", DCC, KEY_CUSTODIAN)
                .after(USED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.7 [R]"))
                .does((s, attempt) -> CEREMONY.deactivate(s))
                .post(REPORTED, "DCC reports the use back to the SMKI PMA", DCC)
                .after(KEY_DEACTIVATED)
                .guardedBy(RecoveryGuards.SCOPE_SETTLED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.7 [R]"))
                .does((s, attempt) -> "report to the SMKI PMA: " + s.fleet().counts()
                        + "; whether the key is reused or replaced is a separate policy (recovery-key-replacement)")
                .deadline("T_convene", DIRECTED, KEY_ACTIVATED, settings.duration("T_convene"))
                .deadline("T_deviceUpdates", USED, REPORTED, settings.duration("T_deviceUpdates"))
                .build();
    }

    /**
     * The SMKI PMA's Recovery Key Direction: RKD1's payload, and the authorisation that lets the DCC activate the
     * Recovery Private Key (REC-1) for its use.
     *
     * @param incidentReference the incident it is given for
     * @param use what the key is to be used for, one line
     * @param cells the trust-anchor cells the use replaces
     * @param from when it is given
     * @param until until when the key may be activated and used
     */
    public record Direction(
            String incidentReference, String use, List<TrustAnchorCellId> cells, Instant from, Instant until)
            implements Payload, KeyUseAuthorisation {

        /**
         * Checks the components.
         *
         * @param incidentReference the incident it is given for
         * @param use what the key is to be used for, one line
         * @param cells the trust-anchor cells the use replaces
         * @param from when it is given
         * @param until until when the key may be activated and used
         * @throws NullPointerException when a component is null
         * @throws IllegalArgumentException when the direction ends before it is given
         */
        public Direction {
            Objects.requireNonNull(incidentReference, "incidentReference");
            Objects.requireNonNull(use, "use");
            cells = List.copyOf(cells);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (until.isBefore(from)) {
                throw new IllegalArgumentException("A direction ends (" + until + ") after it is given (" + from + ")");
            }
        }

        /**
         * {@return whether the key may be activated and used at {@code instant}}
         *
         * @param instant the instant
         */
        public boolean allows(Instant instant) {
            return !instant.isBefore(from) && !instant.isAfter(until);
        }

        /** {@return how long the direction allows the use} */
        public Duration window() {
            return Duration.between(from, until);
        }

        @Override
        public boolean authorises(CustodyKey key) {
            return key == CustodyKey.RECOVERY_PRIVATE_KEY;
        }

        @Override
        public PayloadSummary summary() {
            return PayloadSummary.builder()
                    .put("use", use)
                    .put(
                            "cells",
                            cells.stream().map(TrustAnchorCellId::toString).collect(Collectors.joining(",")))
                    .put("until", until.toString())
                    .build();
        }
    }
}
