package dev.smki.examples.report;

/** Escaping text for HTML and SVG, so nothing from a journal or a report can inject markup. */
final class Html {

    private Html() {}

    /** Returns {@code text} with {@code & < > " '} escaped and control characters replaced by {@code ?}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? '?' : c);
            }
        }
        return out.toString();
    }
}
