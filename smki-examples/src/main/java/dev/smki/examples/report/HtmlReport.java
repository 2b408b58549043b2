package dev.smki.examples.report;

import static dev.smki.examples.report.Html.escape;

import dev.smki.recovery.rehearsal.Anomaly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A self-contained HTML report of a rehearsal: device counts, an SVG timeline of the steps (one lane per
 * actor), an SVG chart of devices recovered over time, the steps and anomalies, and the journal. It loads
 * nothing from the network: styles and drawings are inline. The markup is well-formed XML as well as HTML,
 * and every piece of text is escaped.
 */
public final class HtmlReport {

    /** The most journal lines shown inline; the whole journal is always copied beside the report. */
    public static final int INLINE_JOURNAL_LINES = 2_000;

    private static final int WIDTH = 960;
    private static final int LANE = 36;
    private static final int LEFT = 150;
    private static final int RIGHT = 30;

    private HtmlReport() {}

    /**
     * Writes {@code index.html} and {@code journal.jsonl} (the journal lines) into {@code dir}, creating it,
     * and returns the path of {@code index.html}.
     *
     * @throws IOException when the directory or files cannot be written
     */
    public static Path write(RehearsalReport report, List<String> journalLines, Path dir) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(journalLines, "journalLines");
        Files.createDirectories(dir);
        Files.write(dir.resolve("journal.jsonl"), journalLines, StandardCharsets.UTF_8);
        Path index = dir.resolve("index.html");
        Files.writeString(index, render(report, journalLines), StandardCharsets.UTF_8);
        return index;
    }

    /** Returns the report's HTML. */
    public static String render(RehearsalReport report, List<String> journalLines) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>SMKI rehearsal: ")
                .append(escape(report.scenario()))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        header(h, report);
        counts(h, report.devices());
        subscribers(h, report.subscribers());
        h.append("<h2>Timeline</h2>\n");
        timeline(h, report.steps());
        h.append("<h2>Devices recovered over time</h2>\n");
        progressChart(h, report.progress(), report.devices().relevant());
        anomalies(h, report.anomalies());
        confidence(h, report.confidence());
        steps(h, report.steps());
        journal(h, journalLines);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, RehearsalReport r) {
        h.append("<h1>SMKI recovery rehearsal: ").append(escape(r.scenario())).append("</h1>\n");
        h.append("<p class=\"status ")
                .append(r.complete() ? "closed\">Incident closed: " : "open\">Incident NOT closed: ")
                .append(escape(r.procedure()))
                .append(r.complete() ? " complete" : " incomplete")
                .append(", ")
                .append(r.steps().size())
                .append(" attempts, ")
                .append(r.steps().stream().filter(s -> !s.accepted()).count())
                .append(" refused</p>\n");
        h.append("<p class=\"meta\">seed ").append(r.seed());
        r.parameters().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> h.append(" · ")
                        .append(escape(e.getKey()))
                        .append(' ')
                        .append(escape(String.valueOf(e.getValue()))));
        h.append(" · ran in ")
                .append(String.format(Locale.ROOT, "%.1f s", r.durationMs() / 1000.0))
                .append(" · journal <a href=\"journal.jsonl\">")
                .append(escape(r.journal()))
                .append("</a></p>\n");
    }

    private static void counts(StringBuilder h, RehearsalReport.Devices d) {
        Map<String, Long> cards = new LinkedHashMap<>();
        cards.put("devices", d.total());
        cards.put("relevant", d.relevant());
        cards.put("recovered", d.recovered());
        cards.put("written off", d.writtenOff());
        cards.put("still holding the compromised key", d.holdingCompromisedKey());
        h.append("<div class=\"cards\">\n");
        cards.forEach((label, value) -> h.append("<div class=\"card")
                .append(label.startsWith("still") && value > 0 ? " bad" : "")
                .append("\"><span class=\"n\">")
                .append(String.format(Locale.ROOT, "%,d", value))
                .append("</span><span class=\"l\">")
                .append(escape(label))
                .append("</span></div>\n"));
        h.append("</div>\n");
    }

    private static void subscribers(StringBuilder h, RehearsalReport.Subscribers s) {
        h.append("<h2>Relevant Subscribers</h2>\n");
        if (s.list().isEmpty()) {
            h.append("<p>None worked out: the procedure has no scoping step (N5).</p>\n");
            return;
        }
        h.append("<p>").append(s.relevant()).append(" notified at N5; by Party Category: ");
        h.append(escape(s.byCategory().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "))));
        h.append("</p>\n<table class=\"subscribers\"><tr><th>subscriber</th><th>Party Category</th><th>why</th>"
                + "<th>Relevant Devices</th></tr>\n");
        for (RehearsalReport.Subscriber subscriber : s.list()) {
            h.append("<tr><td>")
                    .append(escape(subscriber.name()))
                    .append("</td><td>")
                    .append(escape(subscriber.category()))
                    .append("</td><td>")
                    .append(escape(String.join(", ", subscriber.reasons())))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", subscriber.devices()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void timeline(StringBuilder h, List<RehearsalReport.Step> steps) {
        if (steps.isEmpty()) {
            h.append("<p>No steps were attempted.</p>\n");
            return;
        }
        List<String> actors = new ArrayList<>();
        steps.forEach(s -> {
            if (!actors.contains(s.actor())) {
                actors.add(s.actor());
            }
        });
        Scale x = Scale.of(steps.stream().map(RehearsalReport.Step::at).toList(), LEFT, WIDTH - RIGHT);
        int height = 40 + actors.size() * LANE + 30;
        h.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"Timeline of the rehearsal's steps by actor\">\n");
        for (int i = 0; i < actors.size(); i++) {
            int y = 40 + i * LANE;
            h.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(y)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y2=\"")
                    .append(y)
                    .append("\" class=\"lane\"/>\n<text x=\"")
                    .append(LEFT - 8)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" class=\"actor\">")
                    .append(escape(abbreviate(actors.get(i), 22)))
                    .append("</text>\n");
        }
        Labels labels = new Labels(actors.size());
        for (int i = 0; i < steps.size(); i++) {
            RehearsalReport.Step s = steps.get(i);
            int cx = x.position(s.at(), i, steps.size());
            int lane = actors.indexOf(s.actor());
            int cy = 40 + lane * LANE;
            h.append("<g class=\"")
                    .append(s.accepted() ? "ok" : "refused")
                    .append("\"><title>")
                    .append(escape(s.idAndItem() + " " + s.title() + " — " + s.actor() + " — " + s.outcome() + " at "
                            + s.at()
                            + (s.detail().isEmpty() ? "" : " — " + s.detail())))
                    .append("</title><circle cx=\"")
                    .append(cx)
                    .append("\" cy=\"")
                    .append(cy)
                    .append("\" r=\"6\"/>");
            int row = labels.place(lane, cx, s.id());
            if (row >= 0) {
                h.append("<text x=\"")
                        .append(cx)
                        .append("\" y=\"")
                        .append(cy - 10 - row * 9)
                        .append("\" class=\"step\">")
                        .append(escape(s.id()))
                        .append("</text>");
            }
            h.append("</g>\n");
        }
        axis(h, x, height - 14);
        h.append("</svg>\n");
    }

    private static void progressChart(StringBuilder h, List<RehearsalReport.ProgressPoint> all, long relevant) {
        List<RehearsalReport.ProgressPoint> points = fromLastIdle(all);
        if (points.isEmpty()) {
            h.append("<p>No device was sent a command.</p>\n");
            return;
        }
        int height = 260;
        int top = 20;
        int bottom = height - 40;
        long most = Math.max(1, relevant);
        for (RehearsalReport.ProgressPoint p : points) {
            most = Math.max(most, p.recovered() + p.failed() + p.pending());
        }
        long max = niceCeiling(most);
        Scale x =
                Scale.of(points.stream().map(RehearsalReport.ProgressPoint::at).toList(), LEFT, WIDTH - RIGHT);
        StringBuilder recovered = new StringBuilder();
        StringBuilder failed = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            RehearsalReport.ProgressPoint p = points.get(i);
            int px = x.position(p.at(), i, points.size());
            recovered
                    .append(px)
                    .append(',')
                    .append(y(p.recovered(), max, top, bottom))
                    .append(' ');
            failed.append(px)
                    .append(',')
                    .append(y(p.failed(), max, top, bottom))
                    .append(' ');
        }
        h.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"Devices recovered over time\">\n");
        for (int tick = 0; tick <= 4; tick++) {
            long value = max * tick / 4;
            int ty = y(value, max, top, bottom);
            h.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(ty)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y2=\"")
                    .append(ty)
                    .append("\" class=\"grid\"/><text x=\"")
                    .append(LEFT - 8)
                    .append("\" y=\"")
                    .append(ty + 4)
                    .append("\" class=\"actor\">")
                    .append(String.format(Locale.ROOT, "%,d", value))
                    .append("</text>\n");
        }
        h.append("<polyline class=\"recovered\" points=\"")
                .append(recovered.toString().trim())
                .append("\"/>\n<polyline class=\"failed\" points=\"")
                .append(failed.toString().trim())
                .append("\"/>\n");
        h.append("<text x=\"")
                .append(LEFT + 10)
                .append("\" y=\"")
                .append(top + 4)
                .append("\" class=\"legend\"><tspan class=\"recovered-key\">recovered</tspan>")
                .append(" · <tspan class=\"failed-key\">failed</tspan></text>\n");
        axis(h, x, height - 14);
        h.append("</svg>\n");
    }

    /**
     * Returns {@code points} from the last of those before any device was recovered or failed, so that the chart
     * spans the time devices were being updated rather than the hours of the procedure before.
     */
    static List<RehearsalReport.ProgressPoint> fromLastIdle(List<RehearsalReport.ProgressPoint> points) {
        int first = 0;
        while (first + 1 < points.size()
                && points.get(first + 1).recovered() == 0
                && points.get(first + 1).failed() == 0) {
            first++;
        }
        return points.subList(first, points.size());
    }

    /** Returns the smallest of 1, 2, 2.5 or 5 times a power of ten, and divisible by 4, at or above {@code n}. */
    static long niceCeiling(long n) {
        for (long power = 1; ; power *= 10) {
            for (long step : new long[] {4 * power, 8 * power, 10 * power, 20 * power, 40 * power}) {
                if (step >= n) {
                    return step;
                }
            }
        }
    }

    private static int y(long value, long max, int top, int bottom) {
        return (int) Math.round(bottom - (double) value / max * (bottom - top));
    }

    private static void axis(StringBuilder h, Scale x, int y) {
        h.append("<text x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(y)
                .append("\" class=\"axis\">")
                .append(escape(x.startLabel()))
                .append("</text><text x=\"")
                .append(WIDTH - RIGHT)
                .append("\" y=\"")
                .append(y)
                .append("\" class=\"axis end\">")
                .append(escape(x.endLabel()))
                .append("</text>\n");
    }

    private static void anomalies(StringBuilder h, List<Anomaly> anomalies) {
        h.append("<h2>Anomalies</h2>\n");
        if (anomalies.isEmpty()) {
            h.append("<p>None: every step was accepted and every relevant device recovered.</p>\n");
            return;
        }
        h.append("<ul class=\"anomalies\">\n");
        anomalies.forEach(a -> h.append("<li class=\"")
                .append(a.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append("\">")
                .append(escape(a.text()))
                .append("</li>\n"));
        h.append("</ul>\n");
    }

    /** Writes how many attempts were at steps of each confidence: how much of the rehearsal rests on sources. */
    private static void confidence(StringBuilder h, Map<String, Long> counts) {
        h.append("<h2>Provenance</h2>\n<p class=\"provenance\">Attempts by the confidence of their step: ");
        h.append(escape(counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", "))));
        h.append(". A reconstructed or memory step is an assumption to check against the SEC text.</p>\n");
    }

    private static void steps(StringBuilder h, List<RehearsalReport.Step> steps) {
        h.append("<h2>Steps</h2>\n<table>\n<thead><tr><th>time</th><th>actor</th><th>step</th><th>confidence</th>")
                .append("<th>source</th><th>outcome</th><th>detail</th></tr></thead>\n<tbody>\n");
        for (RehearsalReport.Step s : steps) {
            h.append("<tr class=\"")
                    .append(s.accepted() ? "ok" : "refused")
                    .append("\"><td>")
                    .append(escape(s.at()))
                    .append("</td><td>")
                    .append(escape(s.actor()))
                    .append("</td><td>")
                    .append(escape(s.idAndItem() + " " + s.title()))
                    .append("</td><td class=\"confidence ")
                    .append(escape(s.confidence()))
                    .append("\">")
                    .append(escape(s.confidence()))
                    .append("</td><td>")
                    .append(escape(String.join("; ", s.sources())))
                    .append("</td><td>")
                    .append(escape(s.outcome()))
                    .append("</td><td>")
                    .append(escape(s.detail()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void journal(StringBuilder h, List<String> lines) {
        h.append("<h2>Journal</h2>\n<p>")
                .append(String.format(Locale.ROOT, "%,d", lines.size()))
                .append(" lines; the whole journal is in <a href=\"journal.jsonl\">journal.jsonl</a>")
                .append(" (check it with <code>./smki journal verify</code>).</p>\n<details><summary>Show the journal")
                .append(lines.size() > INLINE_JOURNAL_LINES ? " (first " + INLINE_JOURNAL_LINES + " lines)" : "")
                .append("</summary>\n<pre>");
        lines.stream()
                .limit(INLINE_JOURNAL_LINES)
                .forEach(l -> h.append(escape(l)).append('\n'));
        h.append("</pre>\n</details>\n");
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * Places step labels above their marks in up to three rows per lane, so that no two labels in a lane
     * overlap; a label with no room is left out (its mark's tooltip still names the step).
     */
    private static final class Labels {

        private static final int ROWS = 3;
        private static final int CHAR_WIDTH = 6;

        private final int[][] rightEdges;

        Labels(int lanes) {
            rightEdges = new int[lanes][ROWS];
            for (int[] lane : rightEdges) {
                Arrays.fill(lane, Integer.MIN_VALUE);
            }
        }

        /** Returns the row for a label {@code text} centred at {@code x} in {@code lane}, or -1 when none has room. */
        int place(int lane, int x, String text) {
            int half = text.length() * CHAR_WIDTH / 2 + 2;
            for (int row = 0; row < ROWS; row++) {
                if (x - half > rightEdges[lane][row]) {
                    rightEdges[lane][row] = x + half;
                    return row;
                }
            }
            return -1;
        }
    }

    /** Maps instants (or, when they do not advance, positions in the list) onto the horizontal axis. */
    private record Scale(Instant start, Instant end, int from, int to) {

        static Scale of(List<String> instants, int from, int to) {
            Instant start = null;
            Instant end = null;
            for (String text : instants) {
                Instant t = parse(text);
                if (t != null) {
                    start = start == null || t.isBefore(start) ? t : start;
                    end = end == null || t.isAfter(end) ? t : end;
                }
            }
            return new Scale(start, end, from, to);
        }

        int position(String at, int index, int count) {
            Instant t = parse(at);
            if (t == null || start == null || !end.isAfter(start)) {
                return count <= 1 ? from : from + (int) Math.round((double) index / (count - 1) * (to - from));
            }
            double share = (double) Duration.between(start, t).toMillis()
                    / Duration.between(start, end).toMillis();
            return from + (int) Math.round(share * (to - from));
        }

        String startLabel() {
            return start == null ? "" : start.toString();
        }

        String endLabel() {
            return end == null
                    ? ""
                    : end.toString() + " (+"
                            + Duration.between(start, end)
                                    .toString()
                                    .substring(2)
                                    .toLowerCase(Locale.ROOT) + ")";
        }

        private static Instant parse(String text) {
            try {
                return Instant.parse(text);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px auto; max-width: 1000px; color: #1d2330; }
            h1 { font-size: 22px; margin-bottom: 4px; }
            h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #dde2ea; padding-bottom: 4px; }
            .meta { color: #566074; font-size: 13px; }
            .status { font-weight: 600; margin: 4px 0; }
            .status.closed { color: #2e8b57; }
            .status.open { color: #b52b27; }
            .cards { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 16px; }
            .card { border: 1px solid #dde2ea; border-radius: 8px; padding: 10px 14px; min-width: 120px; background: #f7f9fc; }
            .card.bad { border-color: #d9534f; background: #fdf1f0; }
            .card .n { display: block; font-size: 22px; font-weight: 600; }
            .card .l { display: block; font-size: 12px; color: #566074; }
            svg { background: #fbfcfe; border: 1px solid #e4e8ef; border-radius: 6px; }
            .lane { stroke: #dde2ea; stroke-width: 1; }
            .grid { stroke: #eef1f5; stroke-width: 1; }
            .actor { font-size: 11px; fill: #566074; text-anchor: end; }
            .step { font-size: 10px; fill: #1d2330; text-anchor: middle; }
            .axis { font-size: 10px; fill: #566074; }
            .axis.end { text-anchor: end; }
            .legend { font-size: 11px; fill: #566074; }
            g.ok circle { fill: #2e8b57; }
            g.refused circle { fill: #d9534f; }
            polyline { fill: none; stroke-width: 2; }
            polyline.recovered { stroke: #2e8b57; }
            polyline.failed { stroke: #d9534f; }
            .recovered-key { fill: #2e8b57; }
            .failed-key { fill: #d9534f; }
            table { border-collapse: collapse; width: 100%; font-size: 12px; }
            th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eef1f5; vertical-align: top; }
            td:first-child, td:nth-child(2) { white-space: nowrap; }
            tr.refused td { color: #b52b27; }
            td.confidence.reconstructed, td.confidence.memory { font-style: italic; color: #8a5a00; }
            td.confidence.verified { color: #1f7a3a; }
            pre { font-size: 11px; background: #f7f9fc; padding: 8px; overflow-x: auto; }
            .anomalies { font-size: 13px; }
            .anomalies li { color: #b52b27; }
            """;
}
