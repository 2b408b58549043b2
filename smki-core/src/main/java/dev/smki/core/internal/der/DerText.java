package dev.smki.core.internal.der;

import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words about malformed DER for people: what Bouncy Castle said when it could not decode something, without the
 * Java exception and class names its messages carry ({@code java.io.IOException: ...}, {@code unknown object in
 * getInstance: org.bouncycastle.asn1.DERSequence}), and the first octets of a value in hex.
 */
public final class DerText {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    private static final int SHOWN_OCTETS = 12;

    /** A fully qualified Java class name, such as {@code org.bouncycastle.asn1.DERSequence}. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

    /** A leading exception name and its colon, such as {@code java.io.IOException: }. */
    private static final Pattern EXCEPTION_PREFIX =
            Pattern.compile("^(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): *");

    /** Bouncy Castle's wrappers around the message that says what was wrong. */
    private static final Pattern WRAPPER =
            Pattern.compile("^(?:malformed data|can't convert extension|corrupted stream|Extension) *: *");

    private static final Map<String, String> ASN1_TYPES = Map.ofEntries(
            Map.entry("Sequence", "a SEQUENCE"),
            Map.entry("Set", "a SET"),
            Map.entry("OctetString", "an OCTET STRING"),
            Map.entry("BitString", "a BIT STRING"),
            Map.entry("Integer", "an INTEGER"),
            Map.entry("Boolean", "a BOOLEAN"),
            Map.entry("Null", "a NULL"),
            Map.entry("ObjectIdentifier", "an OBJECT IDENTIFIER"),
            Map.entry("TaggedObject", "a tagged value"),
            Map.entry("UTF8String", "a UTF8String"),
            Map.entry("PrintableString", "a PrintableString"),
            Map.entry("IA5String", "an IA5String"),
            Map.entry("UTCTime", "a UTCTime"),
            Map.entry("GeneralizedTime", "a GeneralizedTime"),
            Map.entry("Enumerated", "an ENUMERATED"));

    private DerText() {}

    /**
     * Returns what {@code problem} says about the DER it could not decode, in words without Java names, or null
     * when all it says is Java names (such as a bare {@code ClassCastException}).
     */
    public static String explain(Throwable problem) {
        String text = null;
        for (Throwable t = problem; t != null && t.getCause() != t; t = t.getCause()) {
            String cleaned = clean(t.getMessage());
            if (cleaned != null) {
                text = cleaned; // the deepest readable message says most precisely what was wrong
            }
        }
        return text;
    }

    /** Returns {@code problem} explained, or {@code fallback} when it explains nothing. */
    public static String explain(Throwable problem, String fallback) {
        String text = explain(problem);
        return text == null ? fallback : text;
    }

    /** Returns up to the first twelve octets of {@code der} in hex, and its length, such as {@code 04 02 ... (9 octets)}. */
    public static String octets(byte[] der) {
        if (der.length <= SHOWN_OCTETS) {
            return HEX.formatHex(der) + " (" + der.length + (der.length == 1 ? " octet)" : " octets)");
        }
        return HEX.formatHex(der, 0, SHOWN_OCTETS) + " ... (" + der.length + " octets)";
    }

    private static String clean(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String text = message.strip();
        String before;
        do {
            before = text;
            text = EXCEPTION_PREFIX.matcher(text).replaceFirst("");
            text = WRAPPER.matcher(text).replaceFirst("");
        } while (!text.equals(before));
        Matcher typed = Pattern.compile("(?:unknown|illegal) object in getInstance: *" + CLASS_NAME.pattern())
                .matcher(text);
        if (typed.find()) {
            text = typed.replaceFirst("found " + asn1Type(typed.group(1)));
        }
        if (CLASS_NAME.matcher(text).find()
                || text.contains("Exception")
                || text.contains("getInstance")
                || text.isBlank()) {
            return null;
        }
        return text;
    }

    /** Returns the ASN.1 type a Bouncy Castle class stands for, such as {@code a SEQUENCE} for DLSequence. */
    private static String asn1Type(String simpleClassName) {
        String name = simpleClassName.replaceFirst("^(?:ASN1|DER|DL|BER)", "");
        return ASN1_TYPES.getOrDefault(name, "an ASN.1 value of another type");
    }
}
