package dev.smki.core.registration;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.Eui64Range;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Organisation Information Form ranges from CSV: a header line {@code party,userRole,firstEui64,lastEui64}
 * and then one range per line. Fields may be double-quoted (a doubled quote inside stands for one); blank
 * lines and lines starting with {@code #} are skipped.
 */
public final class OifCsv {

    /** The header the file must start with. */
    public static final String HEADER = "party,userRole,firstEui64,lastEui64";

    private OifCsv() {}

    /** Thrown when the CSV is malformed; the message names the line and what is wrong with it. */
    public static final class FormatException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** The 1-based number of the malformed line. */
        private final int line;

        FormatException(int line, String problem) {
            super("line " + line + ": " + problem);
            this.line = line;
        }

        /** {@return the 1-based number of the malformed line} */
        public int line() {
            return line;
        }
    }

    /**
     * Reads every declaration.
     *
     * @param reader the CSV text, header first
     * @return the declarations, in the order of their lines
     * @throws FormatException naming the line when the header is missing or a line is malformed (wrong number
     *     of fields, unknown User Role, bad EUI-64, first identifier after the last)
     * @throws UncheckedIOException when the reader fails
     */
    public static List<RangeDeclaration> read(Reader reader) {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<RangeDeclaration> declarations = new ArrayList<>();
        Map<String, UserRole> roles = new HashMap<>();
        boolean headerSeen = false;
        int number = 0;
        try {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                number++;
                String trimmed = text.strip();
                if (number == 1 && trimmed.startsWith("\uFEFF")) {
                    trimmed = trimmed.substring(1);
                }
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                List<String> fields = fields(trimmed, number);
                if (!headerSeen) {
                    String header = String.join(",", fields).replace(" ", "");
                    if (!header.equalsIgnoreCase(HEADER)) {
                        throw new FormatException(
                                number, "expected the header '" + HEADER + "', got '" + trimmed + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                declarations.add(declaration(fields, number, roles));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!headerSeen) {
            throw new FormatException(Math.max(number, 1), "no header line '" + HEADER + "'");
        }
        return List.copyOf(declarations);
    }

    private static RangeDeclaration declaration(List<String> fields, int number, Map<String, UserRole> roles) {
        if (fields.size() != 4) {
            throw new FormatException(number, "expected 4 fields (" + HEADER + "), got " + fields.size());
        }
        String party = fields.get(0);
        if (party.isBlank()) {
            throw new FormatException(number, "the party is empty");
        }
        try {
            UserRole role = roles.get(fields.get(1));
            if (role == null) {
                role = UserRole.parse(fields.get(1));
                roles.put(fields.get(1), role);
            }
            Eui64 first = Eui64.parse(fields.get(2));
            Eui64 last = Eui64.parse(fields.get(3));
            return new RangeDeclaration(party, role, Eui64Range.of(first, last), number);
        } catch (IllegalArgumentException e) {
            throw new FormatException(number, e.getMessage());
        }
    }

    private static List<String> fields(String line, int number) {
        if (line.indexOf('"') < 0) {
            String[] plain = line.split(",", -1);
            for (int i = 0; i < plain.length; i++) {
                plain[i] = plain[i].strip();
            }
            return Arrays.asList(plain);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new FormatException(number, "a quoted field is not closed");
        }
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        return fields;
    }

    /**
     * {@return the CSV text of {@code declarations}, header first, that {@link #read} reads back}
     *
     * @param declarations the declarations to write
     */
    public static String write(List<RangeDeclaration> declarations) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (RangeDeclaration d : declarations) {
            String party = d.party().contains(",") || d.party().contains("\"")
                    ? '"' + d.party().replace("\"", "\"\"") + '"'
                    : d.party();
            out.append(party)
                    .append(',')
                    .append(d.userRole().slug().toLowerCase(Locale.ROOT))
                    .append(',')
                    .append(d.range().first())
                    .append(',')
                    .append(d.range().last())
                    .append('\n');
        }
        return out.toString();
    }
}
