package dev.smki.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smki.examples.bench.RunEnvironment;
import dev.smki.examples.bench.ScaleBenchmark;
import dev.smki.examples.bench.Target;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a {@link ScaleBenchmark.Report} as a text table or as one JSON object. */
final class ScaleOutput {

    private static final double MIB = 1024.0 * 1024.0;

    private ScaleOutput() {}

    /** Prints the report as a table, the targets, the method and the environment. */
    static void printText(PrintWriter out, ScaleBenchmark.Report report) {
        RunEnvironment env = report.environment();
        out.printf(
                Locale.ROOT,
                "smki bench scale: a contingency rehearsal per size, each in a JVM of its own; %d cores, max heap %,d"
                        + " MiB%n%n",
                env.cores(),
                env.maxHeapBytes() >> 20);
        String format = "  %12s  %11s  %9s  %10s  %9s  %11s  %11s  %11s  %10s  %s%n";
        out.printf(
                Locale.ROOT,
                format,
                "devices",
                "relevant",
                "wall",
                "devices/s",
                "us/device",
                "heap/device",
                "live heap",
                "peak heap",
                "peak RSS",
                "load average");
        for (ScaleBenchmark.Size s : report.sizes()) {
            out.printf(
                    Locale.ROOT,
                    format,
                    String.format(Locale.ROOT, "%,d", s.devices()),
                    String.format(Locale.ROOT, "%,d", s.relevant()),
                    String.format(Locale.ROOT, "%,.1f s", s.wallNanos() / 1e9),
                    String.format(Locale.ROOT, "%,.0f", s.devicesPerSecond()),
                    String.format(Locale.ROOT, "%.1f", s.microsPerDevice()),
                    String.format(Locale.ROOT, "%.1f B", s.bytesPerDevice()),
                    String.format(Locale.ROOT, "%,.0f MiB", s.liveHeapBytes() / MIB),
                    String.format(Locale.ROOT, "%,.0f MiB", s.peakHeapAfterGcBytes() / MIB),
                    s.peakRssBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f MiB", s.peakRssBytes() / MIB),
                    String.format(Locale.ROOT, "%.2f to %.2f", s.loadAtStart(), s.loadAtEnd()));
        }
        out.println();
        out.printf(Locale.ROOT, "Growth of the time per Device: %.3f%n", report.growth());
        out.printf(
                Locale.ROOT,
                "Projected to %,d Devices: %.1f minutes, %,.0f MiB of live heap%n",
                ScaleBenchmark.NATIONAL_DEVICES,
                report.projectedNationalSeconds() / 60,
                report.projectedNationalHeapBytes() / MIB);
        out.println();
        for (Target t : report.targets()) {
            out.printf(
                    Locale.ROOT,
                    "Target %s %s %s: %s (%s; measured %s)%n",
                    t.metric(),
                    t.bound().symbol(),
                    number(t.threshold()),
                    t.verdict(),
                    t.note(),
                    number(t.actual()));
        }
        out.println("Method:");
        report.method().forEach(sentence -> out.println("  " + sentence));
        out.printf(
                Locale.ROOT,
                "JVM %s, %s; %d cores; max heap %,d MiB; load average %.2f at start, %.2f at end.%n",
                env.javaVersion(),
                env.vm(),
                env.cores(),
                env.maxHeapBytes() >> 20,
                env.loadAverageAtStart(),
                env.loadAverageAtEnd());
    }

    private static String number(double value) {
        return value >= 1000
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.3f", value).replaceAll("\\.?0+$", "");
    }

    /** Prints the report as one JSON object holding every figure. */
    static void printJson(PrintWriter out, ScaleBenchmark.Report report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("benchmark", "scale");
        root.put("cores", report.environment().cores());
        ArrayNode sizes = root.putArray("sizes");
        for (ScaleBenchmark.Size s : report.sizes()) {
            ObjectNode size = sizes.addObject();
            size.put("devices", s.devices());
            size.put("relevant", s.relevant());
            size.put("complete", s.complete());
            size.put("wallSeconds", s.wallNanos() / 1e9);
            size.put("sendingSeconds", s.sendingNanos() / 1e9);
            size.put("devicesPerSecond", s.devicesPerSecond());
            size.put("sentPerSecond", s.sentPerSecond());
            size.put("microsPerDevice", s.microsPerDevice());
            size.put("baselineHeapBytes", s.baselineHeapBytes());
            size.put("liveHeapBytes", s.liveHeapBytes());
            size.put("bytesPerDevice", s.bytesPerDevice());
            size.put("peakHeapAfterGcBytes", s.peakHeapAfterGcBytes());
            size.put("peakHeapCommittedBytes", s.peakHeapCommittedBytes());
            size.put("peakRssBytes", s.peakRssBytes());
            ObjectNode load = size.putObject("loadAverage");
            load.put("start", s.loadAtStart());
            load.put("end", s.loadAtEnd());
        }
        root.put("growth", report.growth());
        ObjectNode projection = root.putObject("projection");
        projection.put("devices", ScaleBenchmark.NATIONAL_DEVICES);
        projection.put("seconds", report.projectedNationalSeconds());
        projection.put("liveHeapBytes", report.projectedNationalHeapBytes());
        BenchOutput.putTargets(root, report.targets());
        BenchOutput.printJson(out, mapper, root, report.method(), report.environment());
    }
}
