package dev.smki.recovery.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.RecoveryMechanism;
import dev.smki.recovery.procedures.ActorChoices;
import dev.smki.recovery.procedures.RecoveryKeyReplacement;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an exercise plan from YAML through Jackson's YAML parser, keeping the line and column of every value so that
 * each problem names where it is. A plan may leave keys out: they take the values of its {@code base} plan (a built-in
 * one, {@code contingency} unless named). {@link PlanValidation} checks what the plan means once it is read.
 */
final class PlanReader {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final String origin;
    private final List<PlanProblem> problems = new ArrayList<>();

    private PlanReader(String origin) {
        this.origin = origin;
    }

    static ExercisePlan read(String text, String origin) {
        PlanReader reader = new PlanReader(origin);
        Node root = reader.tree(text);
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

    // ---- the tree ----

    /** A YAML value with where it starts: a map (keys in order), a list, or a scalar's text. */
    static final class Node {
        final int line;
        final int column;
        final Map<String, Node> fields;
        final Map<String, Node> keys;
        final List<Node> items;
        final String text;

        Node(int line, int column, Map<String, Node> fields, Map<String, Node> keys, List<Node> items, String text) {
            this.line = line;
            this.column = column;
            this.fields = fields;
            this.keys = keys;
            this.items = items;
            this.text = text;
        }

        boolean isMap() {
            return fields != null;
        }

        boolean isList() {
            return items != null;
        }

        boolean isScalar() {
            return text != null;
        }
    }

    private Node tree(String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problem(1, 1, "the plan is empty");
                return null;
            }
            return node(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problem(
                    at == null ? 1 : at.getLineNr(),
                    at == null ? 1 : at.getColumnNr(),
                    "not YAML: " + e.getOriginalMessage().lines().findFirst().orElse("malformed"));
            return null;
        } catch (IOException e) {
            problem(1, 1, "cannot be read: " + e.getMessage());
            return null;
        }
    }

    private Node node(JsonParser parser) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> fields = new LinkedHashMap<>();
            Map<String, Node> keys = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation keyAt = parser.currentTokenLocation();
                String key = parser.currentName();
                Node keyNode = new Node(keyAt.getLineNr(), keyAt.getColumnNr(), null, null, null, key);
                parser.nextToken();
                Node value = node(parser);
                if (fields.containsKey(key)) {
                    problem(keyNode, "'" + key + "' is given twice");
                }
                fields.put(key, value);
                keys.put(key, keyNode);
            }
            return new Node(line, column, fields, keys, null, null);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser));
            }
            return new Node(line, column, null, null, items, null);
        }
        if (token == JsonToken.VALUE_NULL) {
            return new Node(line, column, null, null, null, "");
        }
        return new Node(line, column, null, null, null, parser.getText());
    }

    // ---- problems ----

    void problem(Node at, String message) {
        problem(at.line, at.column, message);
    }

    void problem(int line, int column, String message) {
        problems.add(new PlanProblem(origin, line, column, message));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    // ---- binding ----

    private ExercisePlan plan(Node root) {
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
        ExercisePlan.Incident incident = incident(section(root, "incident"), base);
        ExercisePlan.ProcedurePlan procedure = procedure(section(root, "procedure"), base);
        ExercisePlan.Custody custody = custody(section(root, "custody"), base);
        ExercisePlan.Decisions decisions = decisions(section(root, "decisions"), base);
        ExercisePlan.FleetPlan fleet = fleet(section(root, "fleet"), base);
        Map<String, Duration> durations = durations(root.fields.get("durations"), base);
        Map<String, String> settings = settings(root.fields.get("settings"), base);
        List<ExercisePlan.InjectedEvent> events = events(root.fields.get("events"), base);
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

    private ExercisePlan base(Node root) {
        Node at = root.fields.get("base");
        if (at == null) {
            return origin.startsWith("built-in plan ") ? null : ExercisePlan.builtIn(ExercisePlan.BUILT_IN.get(0));
        }
        if (!at.isScalar() || !ExercisePlan.BUILT_IN.contains(at.text)) {
            problem(at, "base is one of the built-in plans " + ExercisePlan.BUILT_IN);
            return null;
        }
        return ExercisePlan.builtIn(at.text);
    }

    private Node section(Node root, String key) {
        Node node = root.fields.get(key);
        if (node == null) {
            return new Node(root.line, root.column, Map.of(), Map.of(), null, null);
        }
        if (!node.isMap()) {
            problem(node, key + " is a map of keys");
            return new Node(node.line, node.column, Map.of(), Map.of(), null, null);
        }
        return node;
    }

    private void known(Node map, String... names) {
        Set<String> allowed = Set.of(names);
        map.keys.forEach((key, at) -> {
            if (!allowed.contains(key)) {
                problem(at, "unknown key '" + key + "' (expected one of " + List.of(names) + ")");
            }
        });
    }

    private String text(Node map, String key, String fallback) {
        Node at = map.fields.get(key);
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

    private <T> T parsed(Node map, String key, T fallback, String expected, Function<String, T> parse) {
        Node at = map.fields.get(key);
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

    private <E extends Enum<E>> E enumValue(Node map, String key, Class<E> type, E fallback) {
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

    private Duration duration(Node map, String key, Duration fallback) {
        return parsed(map, key, fallback, "an ISO-8601 duration such as PT4H or P7D", Duration::parse);
    }

    private ExercisePlan.Incident incident(Node map, ExercisePlan base) {
        known(map, "compromised", "role", "usage", "credentials");
        ExercisePlan.Incident b = base == null ? null : base.incident();
        Node at = map.fields.get("compromised");
        Optional<CompromisedKey> compromised = b == null ? Optional.empty() : b.compromised();
        if (at != null) {
            compromised = at.isScalar() && (at.text.isEmpty() || at.text.equalsIgnoreCase("none"))
                    ? Optional.empty()
                    : Optional.ofNullable(enumValue(map, "compromised", CompromisedKey.class, null));
        } else if (b == null) {
            problem(map, "'compromised' is missing");
        }
        RemotePartyRole role = enumValue(map, "role", RemotePartyRole.class, b == null ? null : b.role());
        CertificateUsage usage = enumValue(map, "usage", CertificateUsage.class, b == null ? null : b.usage());
        List<OrganisationCredential> credentials = b == null ? List.of() : b.credentials();
        if (map.fields.containsKey("credentials")) {
            credentials = new ArrayList<>();
            for (String stem : strings(map, "credentials")) {
                try {
                    OrganisationCredential credential = OrganisationCredential.parse(stem);
                    if (role != null && credential.role() != role) {
                        problem(map.fields.get("credentials"), "credential " + stem + " is not of the role " + role);
                    }
                    credentials.add(credential);
                } catch (IllegalArgumentException e) {
                    problem(map.fields.get("credentials"), e.getMessage());
                }
            }
        }
        return hasProblems() ? null : new ExercisePlan.Incident(compromised, role, usage, credentials);
    }

    private ExercisePlan.ProcedurePlan procedure(Node map, ExercisePlan base) {
        known(map, "builtIn", "actors", "steps");
        ExercisePlan.ProcedurePlan b = base == null ? null : base.procedure();
        String builtIn = text(map, "builtIn", b == null ? null : b.builtIn());
        Map<String, String> actors = b == null || map.fields.containsKey("builtIn") ? Map.of() : b.actors();
        Node actorsAt = map.fields.get("actors");
        if (actorsAt != null) {
            actors = new LinkedHashMap<>();
            if (!actorsAt.isMap()) {
                problem(actorsAt, "actors is a map of step id to actor, such as N1: DCC");
            } else {
                for (Map.Entry<String, Node> e : actorsAt.fields.entrySet()) {
                    if (e.getValue().isScalar()) {
                        actors.put(e.getKey(), e.getValue().text);
                    } else {
                        problem(e.getValue(), "the actor of " + e.getKey() + " is one role, such as DCC");
                    }
                }
            }
        }
        List<ExercisePlan.StepPlan> steps = b == null || map.fields.containsKey("builtIn") ? List.of() : b.steps();
        Node stepsAt = map.fields.get("steps");
        if (stepsAt != null) {
            steps = new ArrayList<>();
            if (!stepsAt.isList()) {
                problem(stepsAt, "steps is a list of steps, each with id, actor and after");
            } else {
                for (Node step : stepsAt.items) {
                    ExercisePlan.StepPlan plan = step(step);
                    if (plan != null) {
                        steps.add(plan);
                    }
                }
            }
        }
        return builtIn == null ? null : new ExercisePlan.ProcedurePlan(builtIn, actors, steps);
    }

    private ExercisePlan.StepPlan step(Node at) {
        if (!at.isMap()) {
            problem(at, "a step is a map with id, actor and after");
            return null;
        }
        known(at, "id", "actor", "after", "title", "source", "confidence");
        String id = text(at, "id", null);
        String actor = text(at, "actor", null);
        List<String> after = strings(at, "after");
        Optional<String> title = Optional.ofNullable(at.fields.get("title")).map(n -> text(at, "title", ""));
        Optional<String> source = Optional.ofNullable(at.fields.get("source")).map(n -> text(at, "source", ""));
        Optional<Confidence> confidence = Optional.ofNullable(at.fields.get("confidence"))
                .map(n -> enumValue(at, "confidence", Confidence.class, Confidence.RECONSTRUCTED));
        if (id == null || actor == null) {
            return null;
        }
        return new ExercisePlan.StepPlan(id, actor, after, title, source, confidence);
    }

    private List<String> strings(Node map, String key) {
        Node at = map.fields.get(key);
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
        for (Node item : at.items) {
            if (item.isScalar()) {
                values.add(item.text);
            } else {
                problem(item, key + " lists values, not lists or maps");
            }
        }
        return values;
    }

    private ExercisePlan.Custody custody(Node map, ExercisePlan base) {
        known(map, "quorum", "custodians", "noticeLeadTime", "lateBy", "reconvene", "reconveneAfter", "attendance");
        ExercisePlan.Custody b = base == null ? null : base.custody();
        Quorum quorum = parsed(map, "quorum", b == null ? null : b.quorum(), "M/N, such as 3/5", Quorum::parse);
        List<ExercisePlan.CustodianPlan> custodians = b == null ? null : b.custodians();
        Node rosterAt = map.fields.get("custodians");
        if (rosterAt != null) {
            custodians = new ArrayList<>();
            if (!rosterAt.isList()) {
                problem(rosterAt, "custodians is a list of custodians, each with id and party");
            } else {
                for (Node c : rosterAt.items) {
                    if (!c.isMap()) {
                        problem(c, "a custodian is a map with id and party");
                        continue;
                    }
                    known(c, "id", "party");
                    String id = text(c, "id", null);
                    String party = text(c, "party", null);
                    if (id != null && party != null) {
                        custodians.add(new ExercisePlan.CustodianPlan(id, party));
                    }
                }
            }
        } else if (b == null) {
            problem(map, "'custodians' is missing");
        } else if (quorum != null && !quorum.equals(b.quorum())) {
            custodians = ExercisePlan.Custody.of(quorum).custodians();
        }
        Duration lead = duration(map, "noticeLeadTime", b == null ? null : b.noticeLeadTime());
        Duration late = duration(map, "lateBy", b == null ? null : b.lateBy());
        Boolean reconvene = parsed(map, "reconvene", b == null ? null : b.reconvene(), "true or false", t -> {
            if (!t.equals("true") && !t.equals("false")) {
                throw new IllegalArgumentException(t);
            }
            return Boolean.parseBoolean(t);
        });
        Duration reconveneAfter = duration(map, "reconveneAfter", b == null ? null : b.reconveneAfter());
        List<ExercisePlan.Attendance> attendance = b == null ? null : b.attendance();
        Node attendanceAt = map.fields.get("attendance");
        if (attendanceAt != null) {
            attendance = new ArrayList<>();
            if (!attendanceAt.isList()) {
                problem(attendanceAt, "attendance is a list of custodian, session and outcome");
            } else {
                for (Node a : attendanceAt.items) {
                    if (!a.isMap()) {
                        problem(a, "an attendance is a map with custodian, session and outcome");
                        continue;
                    }
                    known(a, "custodian", "session", "outcome");
                    String custodian = text(a, "custodian", null);
                    Integer session = parsed(a, "session", 1, "a session number from 1", Integer::parseInt);
                    ExercisePlan.AttendanceOutcome outcome = enumValue(
                            a, "outcome", ExercisePlan.AttendanceOutcome.class, ExercisePlan.AttendanceOutcome.ATTENDS);
                    if (session != null && session < 1) {
                        problem(a.fields.get("session"), "sessions are numbered from 1");
                    }
                    if (custodian != null) {
                        attendance.add(new ExercisePlan.Attendance(custodian, session, outcome));
                    }
                }
            }
        } else if (b == null) {
            problem(map, "'attendance' is missing");
        } else if (quorum != null && !quorum.equals(b.quorum())) {
            attendance = ExercisePlan.Custody.of(quorum).attendance();
        }
        if (hasProblems()) {
            return null;
        }
        return new ExercisePlan.Custody(quorum, custodians, lead, late, reconvene, reconveneAfter, attendance);
    }

    private ExercisePlan.Decisions decisions(Node map, ExercisePlan base) {
        known(
                map,
                "mechanism",
                "guidance",
                "confirmationMechanism",
                "confirmedWith",
                "directionUse",
                "directionWindow",
                "afterUse",
                "afterUseReason",
                "authorisingKey",
                "solrEnd");
        ExercisePlan.Decisions b = base == null ? null : base.decisions();
        RecoveryMechanism mechanism =
                enumValue(map, "mechanism", RecoveryMechanism.class, b == null ? null : b.mechanism());
        Map<String, Boolean> guidance = b == null ? null : b.guidance();
        Node guidanceAt = map.fields.get("guidance");
        if (guidanceAt != null) {
            guidance = new LinkedHashMap<>();
            if (!guidanceAt.isMap()) {
                problem(guidanceAt, "guidance is a map of factor id to true or false, such as F1: true");
            } else {
                for (Map.Entry<String, Node> e : guidanceAt.fields.entrySet()) {
                    String t = e.getValue().isScalar() ? e.getValue().text : "";
                    if (t.equals("true") || t.equals("false")) {
                        guidance.put(e.getKey(), Boolean.parseBoolean(t));
                    } else {
                        problem(e.getValue(), "the answer to " + e.getKey() + " is true or false");
                    }
                }
            }
        } else if (b == null) {
            problem(map, "'guidance' is missing");
        }
        String confirmation = text(map, "confirmationMechanism", b == null ? null : b.confirmationMechanism());
        String with = text(map, "confirmedWith", b == null ? null : b.confirmedWith());
        String use = text(map, "directionUse", b == null ? null : b.directionUse());
        Duration window = duration(map, "directionWindow", b == null ? null : b.directionWindow());
        RecoveryKeyReplacement.Outcome afterUse =
                enumValue(map, "afterUse", RecoveryKeyReplacement.Outcome.class, b == null ? null : b.afterUse());
        String reason = text(map, "afterUseReason", b == null ? null : b.afterUseReason());
        RecoveryKeyReplacement.AuthorisingKey key = enumValue(
                map,
                "authorisingKey",
                RecoveryKeyReplacement.AuthorisingKey.class,
                b == null ? null : b.authorisingKey());
        SolrEndCondition end = enumValue(map, "solrEnd", SolrEndCondition.class, b == null ? null : b.solrEnd());
        if (hasProblems()) {
            return null;
        }
        return new ExercisePlan.Decisions(
                mechanism, guidance, confirmation, with, use, window, afterUse, reason, key, end);
    }

    private ExercisePlan.FleetPlan fleet(Node map, ExercisePlan base) {
        known(map, "devices", "mix", "commissioned", "uncontactable", "busy", "retries");
        ExercisePlan.FleetPlan b = base == null ? null : base.fleet();
        Integer devices = parsed(map, "devices", b == null ? null : b.devices(), "a whole number", Integer::parseInt);
        Map<DeviceType, Integer> mix = b == null ? null : b.mix();
        Node mixAt = map.fields.get("mix");
        if (mixAt != null) {
            mix = new EnumMap<>(DeviceType.class);
            if (!mixAt.isMap()) {
                problem(mixAt, "mix is a map of Device type to thousandths, such as ESME: 380");
            } else {
                for (Map.Entry<String, Node> e : mixAt.fields.entrySet()) {
                    try {
                        DeviceType type = enumOf(DeviceType.class, e.getKey());
                        mix.put(type, Integer.parseInt(e.getValue().text.trim()));
                    } catch (RuntimeException ex) {
                        problem(
                                mixAt.keys.get(e.getKey()),
                                "mix gives a Device type (" + planNames(DeviceType.class)
                                        + ") a whole number of thousandths; got " + e.getKey());
                    }
                }
            }
        } else if (b == null) {
            problem(map, "'mix' is missing");
        }
        Double commissioned = parsed(
                map, "commissioned", b == null ? null : b.commissioned(), "a share from 0 to 1", Double::parseDouble);
        Double uncontactable = parsed(
                map, "uncontactable", b == null ? null : b.uncontactable(), "a share from 0 to 1", Double::parseDouble);
        Double busy = parsed(map, "busy", b == null ? null : b.busy(), "a share from 0 to 0.95", Double::parseDouble);
        Integer retries = parsed(map, "retries", b == null ? null : b.retries(), "a whole number", Integer::parseInt);
        if (hasProblems()) {
            return null;
        }
        return new ExercisePlan.FleetPlan(devices, mix, commissioned, uncontactable, busy, retries);
    }

    private Map<String, Duration> durations(Node at, ExercisePlan base) {
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
        for (Map.Entry<String, Node> e : at.fields.entrySet()) {
            Duration value = duration(at, e.getKey(), null);
            if (value != null) {
                durations.put(e.getKey(), value);
            }
        }
        return durations;
    }

    private Map<String, String> settings(Node at, ExercisePlan base) {
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
        for (Map.Entry<String, Node> e : at.fields.entrySet()) {
            String value = text(at, e.getKey(), "");
            settings.put(e.getKey(), value);
        }
        return settings;
    }

    private List<ExercisePlan.InjectedEvent> events(Node at, ExercisePlan base) {
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
        List<ExercisePlan.InjectedEvent> events = new ArrayList<>();
        for (Node e : at.items) {
            if (!e.isMap()) {
                problem(e, "an event is a map with kind and at");
                continue;
            }
            known(e, "kind", "at", "lasting", "role", "usage");
            ExercisePlan.EventKind kind = enumValue(e, "kind", ExercisePlan.EventKind.class, null);
            String step = text(e, "at", null);
            Duration lasting = duration(e, "lasting", Duration.ofHours(4));
            RemotePartyRole role = enumValue(e, "role", RemotePartyRole.class, RemotePartyRole.SUPPLIER);
            CertificateUsage usage = enumValue(e, "usage", CertificateUsage.class, CertificateUsage.DIGITAL_SIGNATURE);
            if (kind != null && step != null && lasting != null) {
                events.add(new ExercisePlan.InjectedEvent(kind, step, lasting, role, usage));
            }
        }
        return events;
    }
}
