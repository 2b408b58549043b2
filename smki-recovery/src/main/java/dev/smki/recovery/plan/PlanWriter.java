package dev.smki.recovery.plan;

import dev.smki.core.identity.DeviceType;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.provenance.Citation;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.Step;
import dev.smki.recovery.workflow.StepId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes an exercise plan as commented YAML, one value a line, in a fixed order, so that the text of a plan read back
 * is the text it was read from. Every value is written out, defaults included.
 */
final class PlanWriter {

    private final StringBuilder out = new StringBuilder();
    private final boolean comments;

    private PlanWriter(boolean comments) {
        this.comments = comments;
    }

    static String write(ExercisePlan plan, boolean expand) {
        PlanWriter w = new PlanWriter(true);
        w.plan(plan, expand);
        return w.out.toString();
    }

    /** Returns the plan's canonical text: its YAML without comments or blank lines. */
    static String canonical(ExercisePlan plan) {
        PlanWriter w = new PlanWriter(false);
        w.plan(plan, false);
        return w.out.toString();
    }

    private void plan(ExercisePlan p, boolean expand) {
        line("# smki exercise plan: everything a rehearsal needs. Check it with 'smki plan check FILE', rehearse it");
        line("# with 'smki rehearse --plan FILE', explore its step orders with 'smki analyze --plan FILE'.");
        line("# Every value is written out; a key left out takes the value of the built-in plan named by 'base'");
        line("# (contingency unless given). Durations are ISO-8601 (PT4H, P7D); shares run from 0 to 1.");
        line("name: " + q(p.name()));
        line("description: " + q(p.description()));
        line("# live: an exercise in the live environment, its test (T5) sent to test Devices; test: a test key only.");
        line("mode: " + p.mode().name().toLowerCase(Locale.ROOT));
        line("# The seed of every key, Device and injected failure: the same plan gives the same rehearsal.");
        line("seed: " + p.seed());
        line("# When the simulated clock starts.");
        line("start: " + q(p.start().toString()));
        line("");
        line("# Which key is compromised or suspected: compromised is none for an exercise.");
        line("incident:");
        line("  compromised: " + p.incident().compromised().map(Enum::name).orElse("none"));
        line("  role: " + p.incident().role().name());
        line("  usage: " + p.incident().usage().name());
        if (!p.incident().credentials().isEmpty()) {
            line("  credentials: ["
                    + p.incident().credentials().stream()
                            .map(OrganisationCredential::fileStem)
                            .collect(java.util.stream.Collectors.joining(", "))
                    + "]");
        }
        line("");
        procedure(p, expand);
        line("");
        custody(p.custody());
        line("");
        decisions(p.decisions());
        line("");
        fleet(p.fleet());
        line("");
        line("# Every duration: T_* deadlines between steps (a breach is reported, never enforced) and pace.STEP,");
        line("# how long a step takes on the simulated clock (pace.default for steps not named).");
        line("durations:");
        p.durations().forEach((name, value) -> line("  " + name + ": " + value));
        line("");
        line("# Other procedure settings: omit (reconstructed steps to leave out, such as R8,N6),");
        line("# confirmation.mechanisms (a|b), recoveryKey.policy, guidance.threshold, guidance.factor.ID, ...");
        if (p.settings().isEmpty()) {
            line("settings: {}");
        } else {
            line("settings:");
            p.settings().forEach((name, value) -> line("  " + name + ": " + q(value)));
        }
        line("");
        line("# Events injected just before the first attempt at step 'at': hsm-activation-failure (lasting),");
        line("# second-compromise (role, usage), solr-overlap (role).");
        if (p.events().isEmpty()) {
            line("events: []");
        } else {
            line("events:");
            for (InjectedEvent e : p.events()) {
                line("  - kind: " + e.kind().planName());
                line("    at: " + e.at());
                line("    lasting: " + e.lasting());
                line("    role: " + e.role().name());
                line("    usage: " + e.usage().name());
            }
        }
    }

    private void procedure(ExercisePlan p, boolean expand) {
        ProcedurePlan procedure = p.procedure();
        line("# The procedure: a built-in one (" + String.join(", ", builtIns()) + "), or an explicit list of steps");
        line(
                "# (smki plan init --expand writes the built-in one's): each step has an id, an actor, the steps it waits");
        line(
                "# for (after), and optionally a title, source and confidence; a step whose id is a built-in step's keeps");
        line("# its guards and effect.");
        line("procedure:");
        line("  builtIn: " + procedure.builtIn());
        line("  # Who does a step that allows several actors; other steps are done by their first actor.");
        if (procedure.actors().isEmpty()) {
            line("  actors: {}");
        } else {
            line("  actors:");
            procedure.actors().forEach((step, actor) -> line("    " + step + ": " + actor));
        }
        List<StepPlan> steps = procedure.steps();
        if (expand && steps.isEmpty()) {
            Procedure<IncidentState> built = PlanProcedures.procedure(p);
            steps = built.steps().stream()
                    .map(s -> new StepPlan(
                            s.id().value(),
                            PlanProcedures.actor(p, s).role(),
                            s.prerequisites().stream().map(StepId::value).toList(),
                            java.util.Optional.of(s.title()),
                            sources(s),
                            s.confidence()))
                    .toList();
        }
        if (steps.isEmpty()) {
            line("  steps: []");
            return;
        }
        line("  steps:");
        for (StepPlan s : steps) {
            line("    - id: " + s.id());
            line("      actor: " + s.actor());
            line("      after: [" + String.join(", ", s.after()) + "]");
            s.title().ifPresent(t -> line("      title: " + q(t)));
            s.source().ifPresent(t -> line("      source: " + q(t)));
            s.confidence().ifPresent(c -> line("      confidence: " + c.name().toLowerCase(Locale.ROOT)));
        }
    }

    private static java.util.Optional<String> sources(Step<?> step) {
        return step.sources().isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(
                        step.sources().stream().map(Citation::toString).collect(Collectors.joining("; ")));
    }

    private static List<String> builtIns() {
        return java.util.Arrays.stream(dev.smki.recovery.procedures.BuiltInProcedure.values())
                .map(dev.smki.recovery.procedures.BuiltInProcedure::planName)
                .toList();
    }

    private void custody(CustodyPlan c) {
        line(
                "# Key Custodians: the quorum M/N (N on the roster, M to activate a key), the notice lead time before the");
        line("# first session, how late a late custodian is, whether they reconvene when the quorum is not reached,");
        line("# and who attends which session: attends, late, no-show, ceased or wrong-share.");
        line("custody:");
        line("  quorum: " + c.quorum());
        line("  custodians:");
        for (CustodianPlan custodian : c.custodians()) {
            line("    - id: " + custodian.id());
            line("      party: " + q(custodian.party()));
        }
        line("  noticeLeadTime: " + c.noticeLeadTime());
        line("  lateBy: " + c.lateBy());
        line("  reconvene: " + c.reconvene());
        line("  reconveneAfter: " + c.reconveneAfter());
        if (c.attendance().isEmpty()) {
            line("  attendance: []");
            return;
        }
        line("  attendance:");
        for (AttendancePlan a : c.attendance()) {
            line("    - custodian: " + a.custodian());
            line("      session: " + a.session());
            line("      outcome: " + a.outcome().planName());
        }
    }

    private void decisions(DecisionsPlan d) {
        line("# What the actors decide: the SMKI PMA's decision (NONE, RECOVERY_METHOD_2, RECOVERY_METHOD_3 or");
        line(
                "# CONTINGENCY), which may depart from what the Recovery Key Guidance advises on its answers; how the DCC");
        line("# confirms the compromise; the SMKI PMA's Recovery Key Direction (what use, and for how long it");
        line("# allows the key's activation); whether the Recovery key is reused or replaced after use (a");
        line("# reconstructed policy) and which key signs its replacement; what ends a SoLR delay.");
        line("decisions:");
        line("  mechanism: " + d.mechanism().name());
        if (d.guidance().isEmpty()) {
            line("  guidance: {}");
        } else {
            line("  guidance:");
            d.guidance().forEach((factor, answer) -> line("    " + factor + ": " + answer));
        }
        line("  confirmationMechanism: " + q(d.confirmationMechanism()));
        line("  confirmedWith: " + q(d.confirmedWith()));
        line("  directionUse: " + q(d.directionUse()));
        line("  directionWindow: " + d.directionWindow());
        line("  afterUse: " + d.afterUse().name());
        line("  afterUseReason: " + q(d.afterUseReason()));
        line("  authorisingKey: " + d.authorisingKey().name());
        line("  solrEnd: " + d.solrEnd().name());
    }

    private void fleet(FleetPlan f) {
        line("# The simulated Devices: how many, the Device type mix in thousandths (summing to 1000), the share");
        line("# commissioned, the share of Relevant Devices that never answer, the chance an attempt finds a Device");
        line("# busy, and the retries before a Device is written off.");
        line("fleet:");
        line("  devices: " + f.devices());
        line("  mix:");
        for (Map.Entry<DeviceType, Integer> e : f.mix().entrySet()) {
            line("    " + e.getKey().name() + ": " + e.getValue());
        }
        line("  commissioned: " + f.commissioned());
        line("  uncontactable: " + f.uncontactable());
        line("  busy: " + f.busy());
        line("  retries: " + f.retries());
    }

    private void line(String text) {
        if (!comments && (text.isBlank() || text.stripLeading().startsWith("#"))) {
            return;
        }
        out.append(text).append('\n');
    }

    /** Returns {@code text} as a double-quoted YAML scalar. */
    static String q(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
