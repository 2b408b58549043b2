package dev.smki.core.profile;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes {@link ValidationReport}s in their documented JSON form: each record as an object of its components in
 * order, each enum as its name, which is what plain Jackson writes for them.
 */
final class ReportJson {

    private ReportJson() {}

    static String write(List<ValidationReport> reports) {
        StringBuilder out = new StringBuilder(1024 * reports.size() + 2);
        array(out, reports, ReportJson::report);
        return out.toString();
    }

    /** Writes {@code items} as a JSON array, each written by {@code item}. */
    private static <T> void array(StringBuilder out, List<T> items, BiConsumer<StringBuilder, T> item) {
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            item.accept(out, items.get(i));
        }
        out.append(']');
    }

    static String write(ValidationReport report) {
        StringBuilder out = new StringBuilder(1024);
        report(out, report);
        return out.toString();
    }

    private static void report(StringBuilder out, ValidationReport report) {
        out.append("{\"result\":");
        string(out, report.result().name());
        out.append(",\"profile\":");
        if (report.profile() == null) {
            out.append("null");
        } else {
            string(out, report.profile().name());
        }
        out.append(",\"profileForced\":").append(report.profileForced());
        out.append(",\"subject\":");
        string(out, report.subject());
        out.append(",\"findings\":");
        array(out, report.findings(), (o, finding) -> {
            o.append("{\"rule\":");
            rule(o, finding.rule());
            o.append(",\"actual\":");
            string(o, finding.actual());
            o.append(",\"expected\":");
            string(o, finding.expected());
            o.append('}');
        });
        out.append(",\"notChecked\":");
        array(out, report.notChecked(), (o, notChecked) -> {
            o.append("{\"rule\":");
            rule(o, notChecked.rule());
            o.append(",\"reason\":");
            string(o, notChecked.reason());
            o.append('}');
        });
        out.append('}');
    }

    private static void rule(StringBuilder out, Rule rule) {
        out.append("{\"id\":{\"value\":");
        string(out, rule.id().value());
        out.append("},\"statement\":");
        string(out, rule.statement());
        out.append(",\"appliesTo\":");
        array(out, List.copyOf(rule.appliesTo()), (o, kind) -> string(o, kind.name()));
        out.append(",\"severity\":");
        string(out, rule.severity().name());
        out.append(",\"confidence\":");
        string(out, rule.confidence().name());
        out.append(",\"sources\":");
        array(out, rule.sources(), (o, citation) -> {
            o.append("{\"source\":");
            string(o, citation.source());
            o.append(",\"locator\":");
            string(o, citation.locator());
            o.append('}');
        });
        out.append('}');
    }

    /** Writes {@code text} as a JSON string, escaping as RFC 8259 requires (and non-ASCII as {@code \\uXXXX}). */
    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
