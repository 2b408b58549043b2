package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.PARTY;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;

import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.RelevantSubscribers;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.List;
import java.util.Objects;

/**
 * P-NOTIFY: notification and confirmation of an actual or suspected compromise of a Relevant Private Key
 * (recovery.md §2.1; SEC L10 scope (a), verified; the 2015 draft's sections "Notification and confirmation of a
 * suspected Compromise" and "Permitted mechanisms for confirmation", verified; the notification files, verified
 * by name).
 *
 * <p>Every step is Pre-Recovery: nothing is recovered before the compromise is confirmed and the SMKI PMA told.
 * N3 is refused unless its payload is a {@link Confirmation} by one of the {@linkplain
 * ProcedureSettings#permittedConfirmations() permitted mechanisms} (reconstructed, configurable).
 */
public final class Notify {

    /** N1: a Party, RDP or the DCC detects or suspects that a Relevant Private Key is compromised. */
    public static final StepId DETECTED = StepId.of("N1");

    /**
     * N2: whoever detected the compromise notifies it: a Subscriber or Party notifies the DCC with an Organisation
     * Compromise Notification File; the DCC, for its own keys, notifies the SMKI PMA with an Other Compromise
     * Notification File.
     */
    public static final StepId DCC_NOTIFIED = StepId.of("N2");

    /** N3: the DCC confirms the suspicion through a permitted mechanism. */
    public static final StepId CONFIRMED = StepId.of("N3");

    /** N4: the DCC notifies the SMKI PMA, the affected Parties (by Party Category) and RDPs. */
    public static final StepId PMA_NOTIFIED = StepId.of("N4");

    /** N5: the DCC works out the Relevant Devices and Relevant Subscribers, and notifies the Relevant Subscribers. */
    public static final StepId SCOPED = StepId.of("N5");

    /**
     * N6: the DCC or the Subscriber asks for the compromised certificate to be revoked; for a Root OCA certificate,
     * which no list can revoke (REV-9), its withdrawal from the SMKI Repository.
     */
    public static final StepId REVOCATION_REQUESTED = StepId.of("N6");

    /** The procedure's name. */
    public static final String NAME = "NOTIFY";

    private Notify() {}

    private static String kind(IncidentState state) {
        return state.compromised().map(Enum::name).orElse("NONE");
    }

    /** Returns whether the compromised key is the DCC's own (a CA key, or an Organisation key of a DCC role). */
    static boolean dccKey(IncidentState state) {
        return RelevantSubscribers.PartyCategory.of(state.setup().role()) == RelevantSubscribers.PartyCategory.DCC;
    }

    private static boolean rootCertificate(IncidentState state) {
        return state.setup().role() == RemotePartyRole.ROOT;
    }

    /** {@return the procedure with the default settings} */
    public static Procedure<IncidentState> definition() {
        return definition(ProcedureSettings.defaults());
    }

    /**
     * {@return the procedure with {@code settings}' durations, omitted steps and permitted confirmations}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> definition(ProcedureSettings settings) {
        return settings.applyTo(steps(settings));
    }

    static Procedure<IncidentState> steps(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return Procedure.<IncidentState>named(NAME)
                .pre(DETECTED, "Compromise of a Relevant Private Key detected or suspected", PARTY, SUBSCRIBER, DCC)
                .citing(Confidence.VERIFIED, Sources.L10, Sources.note("§2.1 N1"))
                .offering((s, item) -> Payload.of("compromised", kind(s)))
                .does((s, attempt) -> "incident " + s.incident() + ": " + kind(s) + " suspected")
                .pre(
                        DCC_NOTIFIED,
                        "Compromise notified by whoever detected it: to the DCC, or by the DCC (its own key) to the"
                                + " SMKI PMA",
                        SUBSCRIBER,
                        PARTY,
                        DCC)
                .after(DETECTED)
                .citing(
                        Confidence.VERIFIED,
                        Sources.L10,
                        Sources.FILE_FORMATS_2015,
                        Sources.note("§2.1 N2 (files [V] by name, content [R])"))
                .offering((s, item) -> Payload.of(PayloadSummary.of(
                        "to",
                        dccKey(s) ? "SMKI_PMA" : "DCC",
                        "file",
                        s.compromised().orElse(null) == CompromisedKey.ORGANISATION_KEY && !dccKey(s)
                                ? "Organisation Compromise Notification File"
                                : "Other Compromise Notification File")))
                .does((s, attempt) -> dccKey(s)
                        ? "the DCC, which detected the compromise of its own key, notifies the SMKI PMA"
                        : "the DCC is notified by the Subscriber")
                .pre(CONFIRMED, "Compromise confirmed through a permitted mechanism", DCC)
                .after(DCC_NOTIFIED)
                .guardedBy(permittedConfirmation(settings.permittedConfirmations()))
                .citing(Confidence.RECONSTRUCTED, Sources.DRAFT_2015, Sources.note("§2.1 N3 (mechanism [R])"))
                .offering((s, item) -> new Confirmation(
                        s.choices().confirmationMechanism(), s.choices().confirmedWith()))
                .pre(PMA_NOTIFIED, "SMKI PMA, affected Parties (by Party Category) and RDPs notified", DCC)
                .after(CONFIRMED)
                .citing(
                        Confidence.VERIFIED,
                        Sources.L10,
                        Sources.PARTY_CATEGORIES,
                        Sources.note("§2.1 N4; L10 (a) and (d)"))
                .pre(SCOPED, "Relevant Devices and Relevant Subscribers worked out; Relevant Subscribers notified", DCC)
                .after(CONFIRMED)
                .citing(Confidence.INFERRED, Sources.note("§1.1 definitions, §2.1 N5"), Sources.PARTY_CATEGORIES)
                .does((s, attempt) -> s.scope())
                .pre(
                        REVOCATION_REQUESTED,
                        "Revocation of the compromised certificate requested (for a Root OCA certificate, which no"
                                + " list revokes, its withdrawal from the SMKI Repository)",
                        DCC,
                        SUBSCRIBER)
                .after(CONFIRMED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.1 N6, §3"))
                .offering((s, item) -> Payload.of(PayloadSummary.of(
                        "certificate",
                        s.compromisedCertificate().serialNumber().toString(16),
                        "request",
                        rootCertificate(s) ? "withdrawal" : "revocation")))
                .does((s, attempt) -> rootCertificate(s)
                        ? "withdrawal of " + s.compromisedCertificate() + " from the SMKI Repository requested: no"
                                + " list revokes a Root certificate (REV-9); the Devices stop trusting it when their"
                                + " Root cell is replaced"
                        : "revocation of " + s.compromisedCertificates() + " requested")
                .deadline("T_notify", DETECTED, DCC_NOTIFIED, settings.duration("T_notify"))
                .deadline("T_confirm", DCC_NOTIFIED, CONFIRMED, settings.duration("T_confirm"))
                .deadline("T_notifyPMA", CONFIRMED, PMA_NOTIFIED, settings.duration("T_notifyPMA"))
                .deadline("T_scope", CONFIRMED, SCOPED, settings.duration("T_scope"))
                .build();
    }

    /** Returns the guard refusing N3 unless confirmed by one of {@code mechanisms}. */
    static Guard<IncidentState> permittedConfirmation(List<String> mechanisms) {
        List<String> permitted = List.copyOf(mechanisms);
        return Guard.<IncidentState>rule(RuleId.of("NOT-1"), "permitted confirmation")
                .stating("A suspected compromise is confirmed only through a permitted mechanism: "
                        + String.join(", ", permitted) + ".")
                .citing(Sources.DRAFT_2015, Confidence.RECONSTRUCTED)
                .when(in -> in.payload(Confirmation.class)
                        .map(c -> permitted.contains(c.mechanism()))
                        .orElse(false));
    }

    /**
     * How the DCC confirmed a suspected compromise: N3's payload.
     *
     * @param mechanism the permitted mechanism used, such as {@code call-back to a nominated ARO}
     * @param confirmedWith whom or what it was confirmed with, such as the ARO's name; may be empty
     */
    public record Confirmation(String mechanism, String confirmedWith) implements Payload {

        /**
         * Checks the components.
         *
         * @param mechanism the permitted mechanism used, such as {@code call-back to a nominated ARO}
         * @param confirmedWith whom or what it was confirmed with, such as the ARO's name; may be empty
         * @throws NullPointerException when a component is null
         */
        public Confirmation {
            Objects.requireNonNull(mechanism, "mechanism");
            Objects.requireNonNull(confirmedWith, "confirmedWith");
        }

        /** Returns the mechanism and whom it was confirmed with. */
        @Override
        public PayloadSummary summary() {
            return PayloadSummary.of("mechanism", mechanism, "with", confirmedWith);
        }
    }
}
