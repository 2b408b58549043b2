package dev.smki.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smki.examples.bench.BenchmarkReport;
import dev.smki.examples.bench.Fact;
import dev.smki.examples.bench.HeapFootprint;
import dev.smki.examples.bench.Measurement;
import dev.smki.examples.bench.RunEnvironment;
import dev.smki.examples.bench.Target;
import dev.smki.examples.bench.Throughput;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Prints a {@link BenchmarkReport} as an aligned text table or as one JSON object. */
final class BenchOutput {

    private BenchOutput() {}

    /** One line of the table: a figure, its value and unit, its target and verdict, and detail. */
    private record Row(String label, String value, String unit, String target, String verdict, String detail) {}

    /** Prints the report as a table with the method and environment below it. */
    static void printText(PrintWriter out, BenchmarkReport report) {
        Measurement m = report.measurement();
        RunEnvironment env = report.environment();
        out.printf(
                Locale.ROOT,
                "smki bench %s: %s per second, %d thread%s per side, %d cores available%n%n",
                report.name(),
                report.unit(),
                m.threads(),
                m.threads() == 1 ? "" : "s",
                env.cores());
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("figure", "value", "", "target", "", ""));
        rows.add(throughputRow("baseline (raw Bouncy Castle)", m.baseline()));
        rows.add(throughputRow("library (smki-sim)", m.library()));
        Optional<Target> ratio = target(report, "ratio");
        rows.add(new Row(
                "ratio library / baseline",
                number(m.ratio(), 3),
                "",
                ratio.map(BenchOutput::describe).orElse("none"),
                ratio.map(Target::verdict).orElse(""),
                ""));
        rows.add(new Row(
                "ratio by CPU time",
                number(m.cpuRatio(), 3),
                "",
                "",
                "",
                String.format(
                        Locale.ROOT,
                        "per CPU-second: baseline %s, library %s",
                        number(m.baseline().medianCpu(), 1),
                        number(m.library().medianCpu(), 1))));
        report.heap().ifPresent(heap -> {
            Optional<Target> heapTarget = target(report, "heapBytesPerDevice");
            rows.add(new Row(
                    "heap per device after GC",
                    number(heap.bytesPerItem(), 1),
                    "bytes",
                    heapTarget.map(BenchOutput::describe).orElse("none"),
                    heapTarget.map(Target::verdict).orElse(""),
                    String.format(
                            Locale.ROOT,
                            "%,d devices, %s MiB",
                            heap.items(),
                            number((heap.heapAfter() - heap.heapBefore()) / 1048576.0, 1))));
        });
        for (Fact fact : report.facts()) {
            rows.add(new Row(
                    fact.label(),
                    number(fact.value(), fact.value() == Math.rint(fact.value()) ? 0 : 3),
                    fact.unit(),
                    "",
                    "",
                    ""));
        }
        printRows(out, rows);
        out.println();
        for (Target t : report.targets()) {
            if (!t.note().isEmpty()) {
                out.println("Target " + t.metric() + ": " + t.note());
            }
        }
        out.println("Baseline: " + report.baseline());
        out.println("Library:  " + report.library());
        out.println("Method:");
        report.method().forEach(sentence -> out.println("  " + sentence));
        out.printf(
                Locale.ROOT,
                "JVM %s, %s; %d cores; max heap %s MiB; load average %s at start, %s at end.%n",
                env.javaVersion(),
                env.vm(),
                env.cores(),
                number(env.maxHeapBytes() / 1048576.0, 0),
                number(env.loadAverageAtStart(), 2),
                number(env.loadAverageAtEnd(), 2));
    }

    private static Row throughputRow(String label, Throughput t) {
        return new Row(
                label,
                number(t.median(), 1),
                "/s",
                "",
                "",
                String.format(
                        Locale.ROOT,
                        "median of %d rounds, min %s, max %s",
                        t.perRound().size(),
                        number(t.min(), 1),
                        number(t.max(), 1)));
    }

    private static void printRows(PrintWriter out, List<Row> rows) {
        int label = 0;
        int value = 0;
        int unit = 0;
        int target = 0;
        int verdict = 0;
        for (Row r : rows) {
            label = Math.max(label, r.label().length());
            value = Math.max(value, r.value().length());
            unit = Math.max(unit, r.unit().length());
            target = Math.max(target, r.target().length());
            verdict = Math.max(verdict, r.verdict().length());
        }
        String format = "  %-" + label + "s  %" + value + "s %-" + unit + "s  %-" + target + "s  %-"
                + Math.max(1, verdict) + "s  %s";
        for (Row r : rows) {
            out.println(String.format(
                            Locale.ROOT, format, r.label(), r.value(), r.unit(), r.target(), r.verdict(), r.detail())
                    .stripTrailing());
        }
    }

    private static Optional<Target> target(BenchmarkReport report, String metric) {
        return report.targets().stream().filter(t -> t.metric().equals(metric)).findFirst();
    }

    private static String describe(Target t) {
        return t.bound().symbol() + " " + number(t.threshold(), t.threshold() == Math.rint(t.threshold()) ? 0 : 2);
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** Prints the report as one JSON object holding every figure. */
    static void printJson(PrintWriter out, BenchmarkReport report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        Measurement m = report.measurement();
        root.put("benchmark", report.name());
        root.put("unit", report.unit());
        root.put("threads", m.threads());
        root.put("cores", report.environment().cores());
        side(root.putObject("baseline"), report.baseline(), m.baseline());
        side(root.putObject("library"), report.library(), m.library());
        root.put("ratio", m.ratio());
        root.put("cpuRatio", m.cpuRatio());
        report.heap().ifPresent(heap -> heap(root.putObject("heap"), heap));
        ObjectNode facts = root.putObject("facts");
        report.facts().forEach(f -> facts.put(f.key(), f.value()));
        putTargets(root, report.targets());
        ObjectNode rounds = root.putObject("rounds");
        rounds.put("batch", m.batch());
        rounds.put("pairs", m.rounds());
        rounds.put("warmUpSeconds", m.warmUp().toMillis() / 1000.0);
        rounds.put("measuredSeconds", m.measured().toMillis() / 1000.0);
        printJson(out, mapper, root, report.method(), report.environment());
    }

    /** Adds the targets to {@code root} as the array {@code targets}. */
    static void putTargets(ObjectNode root, List<Target> targets) {
        ArrayNode array = root.putArray("targets");
        for (Target t : targets) {
            array.addObject()
                    .put("metric", t.metric())
                    .put("bound", t.bound().symbol())
                    .put("threshold", t.threshold())
                    .put("actual", t.actual())
                    .put("result", t.verdict())
                    .put("note", t.note());
        }
    }

    /** Adds the method and the environment to {@code root} and prints it. */
    static void printJson(
            PrintWriter out, ObjectMapper mapper, ObjectNode root, List<String> method, RunEnvironment env) {
        ArrayNode sentences = root.putArray("method");
        method.forEach(sentences::add);
        ObjectNode jvm = root.putObject("jvm");
        jvm.put("version", env.javaVersion());
        jvm.put("vm", env.vm());
        jvm.put("maxHeapBytes", env.maxHeapBytes());
        ObjectNode load = root.putObject("loadAverage");
        load.put("start", env.loadAverageAtStart());
        load.put("end", env.loadAverageAtEnd());
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the JSON report", e);
        }
    }

    private static void side(ObjectNode node, String does, Throughput t) {
        node.put("does", does);
        node.put("medianPerSecond", t.median());
        node.put("minPerSecond", t.min());
        node.put("maxPerSecond", t.max());
        ArrayNode perRound = node.putArray("perRound");
        t.perRound().forEach(perRound::add);
        node.put("medianPerCpuSecond", t.medianCpu());
        ArrayNode perRoundCpu = node.putArray("perRoundCpu");
        t.perRoundCpu().forEach(perRoundCpu::add);
        node.put("items", t.items());
        node.put("meanResult", t.meanResult());
    }

    private static void heap(ObjectNode node, HeapFootprint heap) {
        node.put("devices", heap.items());
        node.put("heapBeforeBytes", heap.heapBefore());
        node.put("heapAfterBytes", heap.heapAfter());
        node.put("bytesPerDevice", heap.bytesPerItem());
    }
}
