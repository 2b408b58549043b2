package dev.smki.recovery.rehearsal;

import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.plan.AttendanceOutcome;
import dev.smki.recovery.plan.AttendancePlan;
import dev.smki.recovery.plan.DecisionsPlan;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.FleetPlan;
import dev.smki.recovery.procedures.ActorChoices;
import dev.smki.recovery.procedures.IncidentSetup;
import dev.smki.recovery.procedures.KeyCeremony;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The simulated incident an exercise plan sets up: its id, the key compromised, the fleet, custody and the actors'
 * choices.
 */
final class PlanSetup {

    private PlanSetup() {}

    /** Returns the incident the plan sets up. */
    static IncidentSetup of(ExercisePlan plan) {
        IncidentId id =
                IncidentId.of("INC-" + plan.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "-") + "-"
                        + Long.toUnsignedString(plan.seed(), 36).toUpperCase(Locale.ROOT));
        DecisionsPlan d = plan.decisions();
        Set<String> wrongShares = new HashSet<>();
        for (AttendancePlan a : plan.custody().attendance()) {
            if (a.outcome() == AttendanceOutcome.WRONG_SHARE) {
                wrongShares.add(KeyCeremony.item(CustodianId.of(a.custodian()), a.session()));
            }
        }
        ActorChoices choices = new ActorChoices(
                d.confirmationMechanism(),
                d.confirmedWith(),
                d.guidance(),
                d.mechanism(),
                d.directionUse(),
                d.directionWindow(),
                d.afterUse(),
                d.afterUseReason(),
                d.authorisingKey(),
                d.solrEnd(),
                wrongShares,
                plan.mode());
        FleetPlan f = plan.fleet();
        return new IncidentSetup(
                id,
                plan.incident().compromised(),
                plan.incident().role(),
                plan.incident().usage(),
                plan.incident().credentials(),
                plan.seed(),
                plan.start(),
                f.devices(),
                f.mix(),
                f.commissioned(),
                f.uncontactable(),
                f.busy(),
                f.retries(),
                plan.custody().quorum(),
                plan.custody().custodians().stream()
                        .map(c -> new IncidentSetup.Custodian(CustodianId.of(c.id()), c.party()))
                        .toList(),
                choices);
    }
}
