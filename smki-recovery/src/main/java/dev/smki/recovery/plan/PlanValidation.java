package dev.smki.recovery.plan;

import dev.smki.core.issuance.SimulatedEui64s;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.procedures.BuiltInProcedure;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.procedures.ProcedureSettings;
import dev.smki.recovery.workflow.Actor;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks what a plan read by {@link PlanReader} means, reporting each problem where its value is in the text. */
final class PlanValidation {

    private PlanValidation() {}

    static void check(ExercisePlan plan, PlanNode root, PlanReader reader) {
        PlanNode fleet = at(root, "fleet");
        FleetPlan f = plan.fleet();
        long capacity = SimulatedEui64s.DEVICES.size().longValueExact();
        if (f.devices() < 1 || f.devices() > capacity) {
            reader.problem(at(fleet, "devices"), "devices is 1 to " + capacity + ", not " + f.devices());
        }
        int sum = f.mix().values().stream().mapToInt(Integer::intValue).sum();
        if (sum != 1000 || f.mix().values().stream().anyMatch(v -> v < 0)) {
            reader.problem(at(fleet, "mix"), "the mix's thousandths are not negative and sum to 1000, not " + sum);
        }
        share(reader, fleet, "commissioned", f.commissioned(), 1.0);
        share(reader, fleet, "uncontactable", f.uncontactable(), 1.0);
        share(reader, fleet, "busy", f.busy(), 0.95);
        if (f.retries() < 0 || f.retries() > FleetPlan.MAX_RETRIES) {
            reader.problem(at(fleet, "retries"), "retries is 0 to " + FleetPlan.MAX_RETRIES + ", not " + f.retries());
        }
        PlanNode custody = at(root, "custody");
        CustodyPlan c = plan.custody();
        if (c.custodians().size() != c.quorum().n()) {
            reader.problem(
                    at(custody, "quorum"),
                    "the quorum " + c.quorum() + " needs " + c.quorum().n() + " custodians on the roster; "
                            + c.custodians().size() + " are");
        }
        Set<String> roster = new HashSet<>();
        for (CustodianPlan custodian : c.custodians()) {
            try {
                CustodianId.of(custodian.id());
            } catch (IllegalArgumentException e) {
                reader.problem(at(custody, "custodians"), e.getMessage());
            }
            if (!roster.add(custodian.id())) {
                reader.problem(at(custody, "custodians"), custodian.id() + " is on the roster twice");
            }
        }
        Set<String> attending = new HashSet<>();
        PlanNode attendanceAt = at(custody, "attendance");
        for (int i = 0; i < c.attendance().size(); i++) {
            AttendancePlan a = c.attendance().get(i);
            PlanNode here = item(attendanceAt, i, "custodian");
            if (!roster.contains(a.custodian())) {
                reader.problem(
                        here,
                        a.custodian() + " attends but is not on the roster "
                                + roster.stream().sorted().toList());
            }
            if (a.session() > 1 && !c.reconvene()) {
                reader.problem(
                        here,
                        a.custodian() + " attends session " + a.session()
                                + ", but the custodians do not reconvene (reconvene: false)");
            }
            if (!attending.add(a.custodian() + "@" + a.session())) {
                reader.problem(here, a.custodian() + " attends session " + a.session() + " twice");
            }
        }
        for (String duration : List.of("noticeLeadTime", "lateBy", "reconveneAfter")) {
            Duration d = switch (duration) {
                case "noticeLeadTime" -> c.noticeLeadTime();
                case "lateBy" -> c.lateBy();
                default -> c.reconveneAfter();
            };
            if (d.isNegative()) {
                reader.problem(at(custody, duration), duration + " is not negative");
            }
        }
        ProcedureSettings settings;
        try {
            settings = PlanProcedures.settings(plan);
        } catch (PlanException e) {
            reader.problem(at(root, plan.settings().isEmpty() ? "durations" : "settings"), e.getMessage());
            return;
        }
        for (StepId omitted : settings.omitted()) {
            if (!BuiltInProcedure.stepIds().contains(omitted)) {
                reader.problem(at(root, "settings"), "omit: " + omitted + " is not a step of any built-in procedure");
            }
        }
        PlanNode procedureAt = at(root, "procedure");
        try {
            BuiltInProcedure.parse(plan.procedure().builtIn());
        } catch (IllegalArgumentException e) {
            reader.problem(at(procedureAt, "builtIn"), e.getMessage());
            return;
        }
        Procedure<IncidentState> procedure;
        try {
            procedure = PlanProcedures.procedure(plan);
        } catch (PlanException e) {
            reader.problem(at(procedureAt, plan.procedure().isExplicit() ? "steps" : "builtIn"), e.getMessage());
            return;
        }
        PlanNode actorsAt = at(procedureAt, "actors");
        for (Map.Entry<String, String> chosen : plan.procedure().actors().entrySet()) {
            StepId id = StepId.of(chosen.getKey());
            if (!procedure.hasStep(id)) {
                reader.problem(
                        key(actorsAt, chosen.getKey()), chosen.getKey() + " is not a step of " + procedure.name());
            } else if (!procedure.step(id).allows(Actor.of(chosen.getValue()))) {
                reader.problem(
                        at(actorsAt, chosen.getKey()),
                        chosen.getKey() + " is done by one of "
                                + procedure.step(id).actors() + ", not " + chosen.getValue());
            }
        }
        PlanNode guidanceAt = at(at(root, "decisions"), "guidance");
        for (String factor : plan.decisions().guidance().keySet()) {
            if (settings.guidance().factor(factor).isEmpty()) {
                reader.problem(key(guidanceAt, factor), "the Recovery Key Guidance has no factor " + factor);
            }
        }
        for (int i = 0; i < plan.events().size(); i++) {
            InjectedEvent event = plan.events().get(i);
            if (!procedure.hasStep(StepId.of(event.at()))) {
                reader.problem(
                        item(at(root, "events"), i, "at"),
                        "an event is at " + event.at() + ", which is not a step of " + procedure.name());
            }
        }
    }

    private static void share(PlanReader reader, PlanNode fleet, String key, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            reader.problem(at(fleet, key), key + " is 0 to " + max + ", not " + value);
        }
    }

    /** Returns the value of {@code key} in {@code map}, or the map itself when the key is not there. */
    private static PlanNode at(PlanNode map, String key) {
        if (map.fields == null) {
            return map;
        }
        PlanNode node = map.fields.get(key);
        return node == null ? map : node;
    }

    /** Returns the value of {@code key} in item {@code index} of {@code list}, or the list itself. */
    private static PlanNode item(PlanNode list, int index, String key) {
        if (list.items == null || index >= list.items.size()) {
            return list;
        }
        return at(list.items.get(index), key);
    }

    /** Returns the key {@code key} of {@code map}, or the map itself. */
    private static PlanNode key(PlanNode map, String key) {
        if (map.keys == null) {
            return map;
        }
        PlanNode node = map.keys.get(key);
        return node == null ? map : node;
    }
}
