package dev.smki.recovery.rehearsal;

import dev.smki.core.revocation.RevocationOutcome;
import dev.smki.core.revocation.RevocationVerdict;
import dev.smki.recovery.custody.ActivationProgress;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.journal.DeadlineBreach;
import dev.smki.recovery.journal.ProcedureRun;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.procedures.Decide;
import dev.smki.recovery.procedures.DeviceCounts;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.procedures.KeyCeremony;
import dev.smki.recovery.procedures.RecoveryKeyGuidance;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Refusal;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a rehearsal's result reports as anomalous: refused attempts, a quorum not reached, a decision departing from the
 * Recovery Key Guidance, injected events, Devices written off or still holding the replaced key, refused or held
 * revocations, breached deadlines, steps not attempted and an incomplete procedure. Each is a typed {@link Anomaly}.
 */
final class RehearsalAnomalies {

    private final ExercisePlan plan;
    private final Procedure<IncidentState> procedure;
    private final IncidentState state;
    private final ProcedureRun<IncidentState> run;
    private final List<TimelineEntry> timeline;
    private final Map<StepId, Refusal> lastRefusal;
    private final Map<StepId, Set<String>> skipped;
    private final RecoveryKeyGuidance guidance;
    private final boolean finished;

    /**
     * Looks at a rehearsal of {@code plan}: its {@code timeline} so far, the {@code lastRefusal} of each step, the
     * steps {@code skipped} as they wait for a step refused for good, and whether every move is made ({@code
     * finished}).
     */
    RehearsalAnomalies(
            ExercisePlan plan,
            Procedure<IncidentState> procedure,
            IncidentState state,
            ProcedureRun<IncidentState> run,
            List<TimelineEntry> timeline,
            Map<StepId, Refusal> lastRefusal,
            Map<StepId, Set<String>> skipped,
            RecoveryKeyGuidance guidance,
            boolean finished) {
        this.plan = plan;
        this.procedure = procedure;
        this.state = state;
        this.run = run;
        this.timeline = timeline;
        this.lastRefusal = lastRefusal;
        this.skipped = skipped;
        this.guidance = guidance;
        this.finished = finished;
    }

    /** Returns the anomalies, in a stable order, ending with {@code breaches}. */
    List<Anomaly> find(List<DeadlineBreach> breaches) {
        List<Anomaly> anomalies = new ArrayList<>();
        for (TimelineEntry entry : timeline) {
            if (!entry.accepted()) {
                anomalies.add(new Anomaly(
                        Anomaly.Kind.REFUSED,
                        1,
                        entry.stepAndItem() + " by " + entry.actor() + " refused: " + entry.outcome()));
            }
        }
        quorumNotReached().ifPresent(text -> anomalies.add(new Anomaly(Anomaly.Kind.QUORUM_NOT_REACHED, 1, text)));
        Decide.departure(guidance, state)
                .filter(advice ->
                        timeline.stream().anyMatch(e -> e.accepted() && e.step().equals(Decide.DECIDED)))
                .ifPresent(advice -> anomalies.add(new Anomaly(
                        Anomaly.Kind.DEPARTS_FROM_GUIDANCE,
                        1,
                        "the SMKI PMA's decision " + state.choices().mechanism()
                                + " departs from the Recovery Key Guidance's advice " + advice)));
        state.events().forEach(event -> anomalies.add(new Anomaly(Anomaly.Kind.INJECTED, 1, "injected: " + event)));
        if (!state.fleet().writtenOff().isEmpty()) {
            Map<String, Long> reasons = new TreeMap<>();
            state.fleet().writtenOff().byReason().forEach((reason, count) -> reasons.put(reason.slug(), count));
            long count = state.fleet().writtenOff().size();
            anomalies.add(new Anomaly(Anomaly.Kind.WRITTEN_OFF, count, devices(count) + " written off: " + reasons));
        }
        DeviceCounts counts = state.fleet().counts();
        if (state.fleet().isRecovering() && counts.holdingCompromisedKey() > 0) {
            anomalies.add(new Anomaly(
                    Anomaly.Kind.STILL_HOLDING_REPLACED_KEY,
                    counts.holdingCompromisedKey(),
                    devices(counts.holdingCompromisedKey()) + " still holding the replaced key"));
        }
        for (RevocationOutcome outcome : state.revocation().history()) {
            if (outcome.verdict() == RevocationVerdict.REFUSED) {
                anomalies.add(
                        new Anomaly(Anomaly.Kind.REVOCATION_REFUSED, 1, "revocation refused: " + outcome.summary()));
            }
        }
        state.revocation()
                .solrEvent()
                .filter(solr -> !solr.held().isEmpty())
                .ifPresent(solr -> anomalies.add(new Anomaly(
                        Anomaly.Kind.REVOCATIONS_HELD,
                        solr.held().size(),
                        solr.held().size()
                                + (solr.held().size() == 1 ? " revocation" : " revocations")
                                + " still held under Section L16 by"
                                + " the Supplier of Last Resort event "
                                + solr.event().id())));
        for (DeadlineBreach breach : breaches) {
            anomalies.add(new Anomaly(
                    Anomaly.Kind.DEADLINE_BREACHED,
                    1,
                    "deadline " + breach.deadline().name() + " breached by " + breach.overdueBy()));
        }
        skipped.forEach((refused, steps) -> anomalies.add(new Anomaly(
                Anomaly.Kind.NOT_ATTEMPTED,
                steps.size(),
                "not attempted, as they wait for " + refused + ", refused: " + String.join(", ", steps))));
        if (finished && !run.isComplete()) {
            List<StepId> notDone = procedure.steps().stream()
                    .map(Step::id)
                    .filter(id -> !run.hasCompleted(id))
                    .toList();
            anomalies.add(new Anomaly(
                    Anomaly.Kind.PROCEDURE_INCOMPLETE,
                    notDone.size(),
                    "procedure incomplete: " + notDone + " not done"));
        }
        return anomalies;
    }

    /**
     * Returns the anomaly of a key ceremony whose quorum was never reached, naming the quorum, who presented shares
     * and whether the custodians reconvened; empty when every ceremony reached its quorum or was not tried.
     */
    private Optional<String> quorumNotReached() {
        for (KeyCeremony ceremony : KeyCeremony.all()) {
            StepId activation = ceremony.activation();
            if (!procedure.hasStep(activation) || run.hasCompleted(activation)) {
                continue;
            }
            Refusal refusal = lastRefusal.get(activation);
            boolean quorate = !(refusal instanceof Refusal.GuardFailed failed
                            && failed.guard().rule().value().equals("REC-2"))
                    && !(refusal instanceof Refusal.MissingPrerequisites missing
                            && missing.missingIds().contains(ceremony.attendance()));
            if (quorate) {
                continue;
            }
            Function<CustodyKey, ActivationProgress> progress =
                    key -> state.custody().ceremony(key);
            Set<CustodyKey> keys = ceremony.keys().apply(state);
            ActivationProgress shown =
                    progress.apply(keys.stream().sorted().findFirst().orElseThrow());
            return Optional.of("REC-2 quorum not reached: activating "
                    + keys.stream().sorted().map(Enum::name).collect(Collectors.joining(" and ")) + " needs "
                    + plan.custody().quorum().m() + " of the "
                    + plan.custody().quorum().n()
                    + " Key Custodians (quorum " + plan.custody().quorum() + "); " + shown.presented()
                    + " presented shares at session " + state.custody().session() + " " + shown.counted()
                    + "; the key was not activated"
                    + (plan.custody().reconvene()
                            ? " and no later session reached the quorum"
                            : " and the custodians do not reconvene"));
        }
        return Optional.empty();
    }

    private static String devices(long count) {
        return count + (count == 1 ? " Relevant Device" : " Relevant Devices");
    }
}
