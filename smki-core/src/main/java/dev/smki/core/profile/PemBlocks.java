package dev.smki.core.profile;

import dev.smki.core.internal.der.DerText;
import dev.smki.core.profile.CertificateInput.Certificate;
import dev.smki.core.profile.CertificateInput.Request;
import dev.smki.core.profile.CertificateInput.Unreadable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** The PEM and DER reader behind {@link CertificateInput#parse}. */
final class PemBlocks {

    static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private PemBlocks() {}

    static List<CertificateInput> parse(String text) {
        List<CertificateInput> items = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int from = 0;
        int block = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, from);
            if (begin < 0) {
                break;
            }
            block++;
            int labelEnd = text.indexOf(DASHES, begin + BEGIN.length());
            if (labelEnd < 0) {
                items.add(new Unreadable("PEM block " + block, "unterminated BEGIN line"));
                break;
            }
            String label = text.substring(begin + BEGIN.length(), labelEnd);
            String where = "PEM block " + block;
            if (!isLabel(label)) {
                // RFC 7468 labels are short printable ASCII on the BEGIN line itself; never echo what is not one
                items.add(new Unreadable(where, "malformed BEGIN line (expected -----BEGIN CERTIFICATE-----)"));
                from = begin + BEGIN.length();
                continue;
            }
            String endLine = END + label + DASHES;
            int end = text.indexOf(endLine, labelEnd);
            if (end < 0) {
                items.add(new Unreadable(where, "no '" + endLine + "' line"));
                break;
            }
            from = end + endLine.length();
            String body = text.substring(labelEnd + DASHES.length(), end);
            Boolean request = switch (label) {
                case "CERTIFICATE", "X509 CERTIFICATE" -> Boolean.FALSE;
                case "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST" -> Boolean.TRUE;
                default -> null;
            };
            if (request == null) {
                skipped.add(label);
                continue;
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(body.strip());
            } catch (IllegalArgumentException e) {
                items.add(new Unreadable(where, "bad base64: " + e.getMessage()));
                continue;
            }
            items.add(parseDer(where, der, request));
        }
        if (items.isEmpty()) {
            items.add(new Unreadable(
                    "input",
                    skipped.isEmpty()
                            ? "no complete PEM block"
                            : "no certificate or certificate request among PEM blocks " + skipped));
        }
        return items;
    }

    /** {@return whether {@code label} can be a PEM label: at most 64 printable ASCII characters, no line break} */
    private static boolean isLabel(String label) {
        return label.length() <= 64 && label.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    /** Parses DER as a certificate, a request, or (when {@code request} is null) whichever it is. */
    static CertificateInput parseDer(String where, byte[] der, Boolean request) {
        String certificateProblem = null;
        if (!Boolean.TRUE.equals(request)) {
            try {
                return new Certificate(where, new X509CertificateHolder(der));
            } catch (IOException | RuntimeException e) {
                certificateProblem = DerText.explain(e, "the DER does not decode as a Certificate");
            }
            if (Boolean.FALSE.equals(request)) {
                return new Unreadable(where, "not an X.509 certificate: " + certificateProblem);
            }
        }
        try {
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(der);
            return new Request(where, csr);
        } catch (IOException | RuntimeException e) {
            return new Unreadable(
                    where,
                    request == null
                            ? "neither an X.509 certificate (" + certificateProblem + ") nor a PKCS#10 request ("
                                    + csrProblem(e) + ")"
                            : "not a PKCS#10 request: " + csrProblem(e));
        }
    }

    private static String csrProblem(Exception e) {
        return DerText.explain(e, "the DER does not decode as a CertificationRequest");
    }
}
