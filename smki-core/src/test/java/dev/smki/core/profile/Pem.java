package dev.smki.core.profile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Writes PEM text for tests. */
final class Pem {

    private Pem() {}

    static String block(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    static String certificate(byte[] der) {
        return block("CERTIFICATE", der);
    }

    static byte[] bytes(String... blocks) {
        return String.join("", blocks).getBytes(StandardCharsets.US_ASCII);
    }
}
