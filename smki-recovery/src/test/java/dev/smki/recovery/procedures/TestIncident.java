package dev.smki.recovery.procedures;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyUseAuthorisation;
import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.PmaDecision;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Outcome;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real incident state for the procedure tests: a seeded PKI, twelve Devices that always answer, five Key Custodians
 * holding 3-of-5 shares. Tests move it through the slices' own operations, as the steps' effects would, to show each
 * guard refusing and then allowing.
 */
final class TestIncident {

    static final IncidentId INCIDENT = IncidentId.of("INC-2026-001");
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final IncidentState state;

    TestIncident() {
        this(CompromisedKey.ROOT_OCA_KEY, RemotePartyRole.ROOT);
    }

    TestIncident(CompromisedKey kind, RemotePartyRole role) {
        List<IncidentSetup.Custodian> custodians = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            custodians.add(new IncidentSetup.Custodian(CustodianId.of("KC-0" + i), "Party " + i));
        }
        ActorChoices choices = new ActorChoices(
                "call-back to a nominated ARO",
                "ARO of the Subscriber",
                Map.of("F1", true, "F2", true, "F3", true, "F4", true),
                RecoveryMechanism.NONE,
                "replace the Supplier's digital-signature cell",
                java.time.Duration.ofDays(7),
                RecoveryKeyReplacement.Outcome.REPLACE,
                "used",
                RecoveryKeyReplacement.AuthorisingKey.RECOVERY_KEY,
                SolrEndCondition.PREPAYMENT_CUSTOMERS_PROTECTED,
                Set.of("KC-05"),
                ActorChoices.ExerciseMode.TEST);
        state = IncidentState.create(new IncidentSetup(
                INCIDENT,
                Optional.of(kind),
                role,
                CertificateUsage.DIGITAL_SIGNATURE,
                List.of(),
                7,
                START,
                12,
                Map.of(DeviceType.ESME, 1000),
                1.0,
                0.0,
                0.0,
                0,
                Quorum.of(3, 5),
                custodians,
                choices));
    }

    /** Has the SMKI PMA authorise {@code keys} for the incident, as a decision, direction or approval does. */
    void authorise(CustodyKey... keys) {
        Set<CustodyKey> authorised = Set.of(keys);
        state.custody().authorise(new KeyUseAuthorisation() {
            @Override
            public String incidentReference() {
                return INCIDENT.value();
            }

            @Override
            public boolean authorises(CustodyKey key) {
                return authorised.contains(key);
            }
        });
    }

    /** Records the SMKI PMA's decision requiring {@code mechanism}. */
    void decide(RecoveryMechanism mechanism) {
        state.custody().decide(new PmaDecision(INCIDENT, mechanism, START));
    }

    /** Has custodians KC-01 to KC-0{@code count} present at session 1. */
    void present(int count) {
        for (int i = 1; i <= count; i++) {
            state.custody().attend(CustodianId.of("KC-0" + i), 1);
        }
    }

    /** Activates {@code keys} from the custodians present. */
    void activate(CustodyKey... keys) {
        state.custody().activate(List.of(keys), INCIDENT.value());
    }

    /** Returns the attempt of {@code custodian}'s attendance at {@code step}, handing over what the step offers. */
    Attempt attends(Procedure<IncidentState> procedure, StepId step, String custodian) {
        Payload shares = procedure.step(step).offer().payload(state, Optional.of(custodian));
        return Attempt.ofItem(step, custodian, Actors.KEY_CUSTODIAN, shares);
    }

    /**
     * Attempts {@code step} by {@code actor} with what the step offers, and carries out its effect when accepted, as a
     * rehearsal does; returns the outcome's short form.
     */
    String does(ProcedureRun<IncidentState> run, StepId step, Actor actor) {
        Procedure<IncidentState> procedure = run.procedure();
        Attempt attempt = Attempt.of(step, actor, procedure.step(step).offer().payload(state, Optional.empty()));
        Outcome outcome = run.attempt(attempt);
        if (outcome.isAccepted()) {
            procedure.step(step).effect().apply(state, attempt);
        }
        return Outcomes.of(outcome);
    }
}
