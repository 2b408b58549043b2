package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.SMKI_PMA;

import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.PmaDecision;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.Objects;
import java.util.Optional;

/**
 * P-DECIDE: the SMKI PMA's decision whether to require the Recovery or the Contingency Private Key (recovery.md
 * §2.2; SEC L10 scope (b) and L10.9, verified).
 *
 * <p>D2 applies the {@link RecoveryKeyGuidance}: its payload is an {@link RecoveryKeyGuidance.Assessment}, and it
 * is refused unless every mandatory factor is answered and every pre-decision step done (GUIDE-1). D3's payload is
 * a {@link Decision} carrying the {@link PmaDecision}, refused unless it is for the run's incident (REC-1); the
 * decision is what the key steps of the other procedures are gated on.
 */
public final class Decide {

    /** D1: the SMKI PMA receives the notification and the DCC's impact data, convening as needed. */
    public static final StepId RECEIVED = StepId.of("D1");

    /** D2: the SMKI PMA applies the Recovery Key Guidance. */
    public static final StepId GUIDANCE_APPLIED = StepId.of("D2");

    /** D3: the SMKI PMA decides: no key use, the Recovery Private Key (Method 2 or 3), or the Contingency key. */
    public static final StepId DECIDED = StepId.of("D3");

    /** D4: the SMKI PMA communicates the decision to the DCC and Parties: the Recovery Event. */
    public static final StepId COMMUNICATED = StepId.of("D4");

    /** The procedure's name. */
    public static final String NAME = "DECIDE";

    /** GUIDE-1: the Guidance is applied in full before the decision. */
    public static final Guard<IncidentState> GUIDANCE_FOLLOWED = Guard.<IncidentState>rule(
                    RuleId.of("GUIDE-1"), "guidance followed")
            .stating("Before deciding, the SMKI PMA takes every mandatory factor of the SMKI Recovery Key Guidance into"
                    + " account and follows every step it sets out (L10.9(a) and (d)).")
            .citing(Sources.L10_9, Confidence.VERIFIED)
            .when(in -> in.payload(RecoveryKeyGuidance.Assessment.class)
                    .map(a -> a.guidance().missing(a).isEmpty())
                    .orElse(false));

    /** REC-1: the decision recorded is for this run's incident. */
    public static final Guard<IncidentState> DECISION_FOR_INCIDENT = Guard.<IncidentState>rule(
                    RuleId.of("REC-1"), "decision for the incident")
            .stating("The decision recorded at D3 is the SMKI PMA's decision for this incident.")
            .citing(Sources.L10, Confidence.VERIFIED)
            .when(in -> in.payload(Decision.class)
                    .map(d -> d.decision().incident().equals(in.context().incident()))
                    .orElse(false));

    private Decide() {}

    /** Returns the SMKI PMA's assessment of the incident under {@code guidance}, with the actors' answers. */
    static RecoveryKeyGuidance.Assessment assessment(RecoveryKeyGuidance guidance, IncidentState state) {
        RecoveryKeyGuidance.Assessment.Builder b = guidance.assess(
                        state.compromised().orElse(CompromisedKey.ORGANISATION_KEY))
                .allStepsDone();
        for (RecoveryKeyGuidance.Factor factor : guidance.factors()) {
            b.answer(
                    factor.id(),
                    state.choices().guidanceAnswers().getOrDefault(factor.id().value(), false));
        }
        return b.build();
    }

    /**
     * {@return whether the SMKI PMA's decision in {@code state} departs from the advice of {@code guidance} on its
     * answers: a decision the plan makes against the Guidance, which the Guidance informs but does not bind}
     *
     * @param guidance the Recovery Key Guidance
     * @param state the incident, the SMKI PMA's decision made
     */
    public static Optional<RecoveryMechanism> departure(RecoveryKeyGuidance guidance, IncidentState state) {
        return departure(guidance, state, state.choices().mechanism());
    }

    private static Optional<RecoveryMechanism> departure(
            RecoveryKeyGuidance guidance, IncidentState state, RecoveryMechanism decided) {
        RecoveryKeyGuidance.Assessment a = assessment(guidance, state);
        if (!guidance.missing(a).isEmpty()) {
            return Optional.empty();
        }
        RecoveryMechanism advice = guidance.advise(a);
        return advice == decided ? Optional.empty() : Optional.of(advice);
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
        RecoveryKeyGuidance guidance = settings.guidance();
        return Procedure.<IncidentState>named(NAME)
                .pre(RECEIVED, "Notification and the DCC's impact data received; SMKI PMA convened", SMKI_PMA)
                .citing(Confidence.RECONSTRUCTED, Sources.L10, Sources.note("§2.2 D1 (convening [R])"))
                .pre(
                        GUIDANCE_APPLIED,
                        "SMKI Recovery Key Guidance applied (its factors F1-F6 and steps here are this simulation's)",
                        SMKI_PMA)
                .after(RECEIVED)
                .guardedBy(GUIDANCE_FOLLOWED)
                .citing(
                        Confidence.RECONSTRUCTED,
                        Sources.L10_9,
                        Sources.note("§2.2 D2: the Guidance may set factors [V]; which factors is not known [R]"))
                .offering((s, item) -> assessment(guidance, s))
                .does((s, attempt) -> {
                    RecoveryKeyGuidance.Assessment a = assessment(guidance, s);
                    return "advice " + guidance.advise(a) + " (weight " + guidance.weigh(a) + ", threshold "
                            + guidance.threshold() + "; reconstructed factors)";
                })
                .pre(DECIDED, "Decision on the use of the Recovery or Contingency Private Key", SMKI_PMA)
                .after(GUIDANCE_APPLIED)
                .guardedBy(DECISION_FOR_INCIDENT)
                .citing(Confidence.INFERRED, Sources.L10, Sources.note("§2.2 D3 (choice [V], enumeration [I])"))
                .offering((s, item) -> new Decision(new PmaDecision(
                        s.incident(), s.choices().mechanism(), s.clock().instant())))
                .does((s, attempt) -> {
                    PmaDecision decision = attempt.payload() instanceof Decision handed
                            ? handed.decision()
                            : new PmaDecision(
                                    s.incident(),
                                    s.choices().mechanism(),
                                    s.clock().instant());
                    s.custody().decide(decision);
                    return "SMKI PMA requires " + decision.mechanism()
                            + departure(guidance, s, decision.mechanism())
                                    .map(advice -> ", departing from the Recovery Key Guidance's advice " + advice)
                                    .orElse("");
                })
                .pre(
                        COMMUNICATED,
                        "Decision communicated to the DCC, the Parties (by Party Category), RDPs and the Panel",
                        SMKI_PMA)
                .after(DECIDED)
                .citing(
                        Confidence.RECONSTRUCTED,
                        Sources.note("§2.2 D4; §2 L10 (d): steps for Parties by Party Category, RDPs, the Panel"),
                        Sources.PARTY_CATEGORIES)
                .does((s, attempt) -> "decision " + s.choices().mechanism() + " communicated to the DCC, "
                        + (s.relevantSubscribers().size() > 0
                                ? "the Relevant Subscribers' Party Categories "
                                        + s.relevantSubscribers().byCategory().keySet().stream()
                                                .map(c -> c.title())
                                                .toList()
                                        + ", "
                                : "")
                        + "RDPs and the Panel")
                .deadline("T_decide", RECEIVED, DECIDED, settings.duration("T_decide"))
                .deadline("T_communicate", DECIDED, COMMUNICATED, settings.duration("T_communicate"))
                .build();
    }

    /**
     * The SMKI PMA's decision as D3's payload; the journal records the incident and the mechanism.
     *
     * @param decision the decision
     */
    public record Decision(PmaDecision decision) implements Payload {

        /**
         * Checks the components.
         *
         * @param decision the decision
         * @throws NullPointerException when a component is null
         */
        public Decision {
            Objects.requireNonNull(decision, "decision");
        }

        /** Returns the incident and the mechanism required. */
        @Override
        public PayloadSummary summary() {
            return PayloadSummary.of(
                    "incident",
                    decision.incident().value(),
                    "mechanism",
                    decision.mechanism().name());
        }
    }
}
