package dev.smki.recovery.plan;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.recovery.procedures.ActorChoices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an exercise plan from YAML ({@link PlanNode}), binding each section ({@link IncidentSection}, {@link
 * ProcedureSection}, {@link CustodySection}, {@link DecisionsSection}, {@link FleetSection}, and here the durations,
 * settings and events) and collecting every problem with its line and column. A plan may leave keys out: they take the
 * values of its {@code base} plan (a built-in one, {@code contingency} unless named). {@link PlanValidation} checks
 * what the plan means once it is read.
 */
final class PlanReader {

    private final String origin;
    private final List<PlanProblem> problems = new ArrayList<>();

    private PlanReader(String origin) {
        this.origin = origin;
    }

    static ExercisePlan read(String text, String origin) {
        PlanReader reader = new PlanReader(origin);
        PlanNode root = PlanNode.parse(text, reader);
        if (root == null) {
            throw new PlanException(reader.problems);
        }
        ExercisePlan plan = reader.plan(root);
        if (plan != null && reader.problems.isEmpty()) {
            PlanValidation.check(plan, root, reader);
        }
        if (!reader.problems.isEmpty()) {
            throw new PlanException(reader.problems);
        }
        return plan;
    }

    // ---- problems ----

    void problem(PlanNode at, String message) {
        problem(at.line, at.column, message);
    }

    void problem(int line, int column, String message) {
        problems.add(new PlanProblem(origin, line, column, message));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    // ---- binding ----

    private ExercisePlan plan(PlanNode root) {
        if (!root.isMap()) {
            problem(root, "a plan is a map of keys such as procedure, custody and fleet");
            return null;
        }
        known(
                root,
                "base",
                "name",
                "description",
                "mode",
                "seed",
                "start",
                "incident",
                "procedure",
                "custody",
                "decisions",
                "fleet",
                "durations",
                "settings",
                "events");
        ExercisePlan base = base(root);
        String name = text(root, "name", base == null ? null : base.name());
        String description = text(root, "description", base == null ? null : base.description());
        ActorChoices.ExerciseMode mode =
                enumValue(root, "mode", ActorChoices.ExerciseMode.class, base == null ? null : base.mode());
        Long seed = parsed(root, "seed", base == null ? null : base.seed(), "a whole number", Long::parseLong);
        Instant start = parsed(
                root,
                "start",
                base == null ? null : base.start(),
                "an ISO-8601 instant such as 2026-03-02T09:00:00Z",
                Instant::parse);
        IncidentPlan incident = IncidentSection.incident(this, section(root, "incident"), base);
        ProcedurePlan procedure = ProcedureSection.procedure(this, section(root, "procedure"), base);
        CustodyPlan custody = CustodySection.custody(this, section(root, "custody"), base);
        DecisionsPlan decisions = DecisionsSection.decisions(this, section(root, "decisions"), base);
        FleetPlan fleet = FleetSection.fleet(this, section(root, "fleet"), base);
        Map<String, Duration> durations = durations(root.fields.get("durations"), base);
        Map<String, String> settings = settings(root.fields.get("settings"), base);
        List<InjectedEvent> events = events(root.fields.get("events"), base);
        if (hasProblems()) {
            return null;
        }
        return new ExercisePlan(
                name,
                description,
                mode,
                seed,
                start,
                incident,
                procedure,
                custody,
                decisions,
                fleet,
                durations,
                settings,
                events);
    }

    private ExercisePlan base(PlanNode root) {
        PlanNode at = root.fields.get("base");
        if (at == null) {
            return origin.startsWith("built-in plan ") ? null : ExercisePlan.builtIn(ExercisePlan.BUILT_IN.get(0));
        }
        if (!at.isScalar() || !ExercisePlan.BUILT_IN.contains(at.text)) {
            problem(at, "base is one of the built-in plans " + ExercisePlan.BUILT_IN);
            return null;
        }
        return ExercisePlan.builtIn(at.text);
    }

    private PlanNode section(PlanNode root, String key) {
        PlanNode node = root.fields.get(key);
        if (node == null) {
            return new PlanNode(root.line, root.column, Map.of(), Map.of(), null, null);
        }
        if (!node.isMap()) {
            problem(node, key + " is a map of keys");
            return new PlanNode(node.line, node.column, Map.of(), Map.of(), null, null);
        }
        return node;
    }

    void known(PlanNode map, String... names) {
        Set<String> allowed = Set.of(names);
        map.keys.forEach((key, at) -> {
            if (!allowed.contains(key)) {
                problem(at, "unknown key '" + key + "' (expected one of " + List.of(names) + ")");
            }
        });
    }

    String text(PlanNode map, String key, String fallback) {
        PlanNode at = map.fields.get(key);
        if (at == null) {
            if (fallback == null) {
                problem(map, "'" + key + "' is missing");
            }
            return fallback;
        }
        if (!at.isScalar()) {
            problem(at, key + " is one value, not a list or map");
            return fallback;
        }
        return at.text;
    }

    <T> T parsed(PlanNode map, String key, T fallback, String expected, Function<String, T> parse) {
        PlanNode at = map.fields.get(key);
        String text = text(map, key, fallback == null ? null : "");
        if (at == null || !at.isScalar()) {
            return fallback;
        }
        try {
            return parse.apply(text.trim());
        } catch (RuntimeException e) {
            problem(at, key + " must be " + expected + ", not '" + text + "'");
            return fallback;
        }
    }

    <E extends Enum<E>> E enumValue(PlanNode map, String key, Class<E> type, E fallback) {
        return parsed(map, key, fallback, "one of " + planNames(type), t -> enumOf(type, t));
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
        return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    static <E extends Enum<E>> List<String> planNames(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return names;
    }

    Duration duration(PlanNode map, String key, Duration fallback) {
        return parsed(map, key, fallback, "an ISO-8601 duration such as PT4H or P7D", Duration::parse);
    }

    List<String> strings(PlanNode map, String key) {
        PlanNode at = map.fields.get(key);
        if (at == null) {
            return List.of();
        }
        if (at.isScalar() && at.text.isEmpty()) {
            return List.of();
        }
        if (!at.isList()) {
            problem(at, key + " is a list, such as [N1, N2]");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (PlanNode item : at.items) {
            if (item.isScalar()) {
                values.add(item.text);
            } else {
                problem(item, key + " lists values, not lists or maps");
            }
        }
        return values;
    }

    private Map<String, Duration> durations(PlanNode at, ExercisePlan base) {
        Map<String, Duration> durations = new LinkedHashMap<>(base == null ? Map.of() : base.durations());
        if (at == null) {
            if (base == null) {
                problem(1, 1, "'durations' is missing");
            }
            return durations;
        }
        if (!at.isMap()) {
            problem(at, "durations is a map of name to ISO-8601 duration, such as T_confirm: PT4H");
            return durations;
        }
        for (Map.Entry<String, PlanNode> e : at.fields.entrySet()) {
            Duration value = duration(at, e.getKey(), null);
            if (value != null) {
                durations.put(e.getKey(), value);
            }
        }
        return durations;
    }

    private Map<String, String> settings(PlanNode at, ExercisePlan base) {
        Map<String, String> settings = new LinkedHashMap<>(base == null ? Map.of() : base.settings());
        if (at == null) {
            return settings;
        }
        if (at.isScalar() && at.text.isEmpty()) {
            return settings;
        }
        if (!at.isMap()) {
            problem(at, "settings is a map of procedure settings, such as omit: R8");
            return settings;
        }
        settings.clear();
        for (Map.Entry<String, PlanNode> e : at.fields.entrySet()) {
            String value = text(at, e.getKey(), "");
            settings.put(e.getKey(), value);
        }
        return settings;
    }

    private List<InjectedEvent> events(PlanNode at, ExercisePlan base) {
        if (at == null) {
            return base == null ? List.of() : base.events();
        }
        if (at.isScalar() && at.text.isEmpty()) {
            return List.of();
        }
        if (!at.isList()) {
            problem(at, "events is a list of events, each with kind and at");
            return List.of();
        }
        List<InjectedEvent> events = new ArrayList<>();
        for (PlanNode e : at.items) {
            if (!e.isMap()) {
                problem(e, "an event is a map with kind and at");
                continue;
            }
            known(e, "kind", "at", "lasting", "role", "usage");
            EventKind kind = enumValue(e, "kind", EventKind.class, null);
            String step = text(e, "at", null);
            Duration lasting = duration(e, "lasting", Duration.ofHours(4));
            RemotePartyRole role = enumValue(e, "role", RemotePartyRole.class, RemotePartyRole.SUPPLIER);
            CertificateUsage usage = enumValue(e, "usage", CertificateUsage.class, CertificateUsage.DIGITAL_SIGNATURE);
            if (kind != null && step != null && lasting != null) {
                events.add(new InjectedEvent(kind, step, lasting, role, usage));
            }
        }
        return events;
    }
}
