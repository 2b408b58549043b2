package dev.smki.core.internal.der;

import java.util.Base64;
import java.util.Objects;

/** Writes DER as a PEM block (RFC 7468): Base64 in lines of 64 characters, {@code \n} line ends. */
public final class PemText {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private PemText() {}

    /** Returns {@code der} as a PEM block of type {@code type}, such as {@code CERTIFICATE} or {@code X509 CRL}. */
    public static String encode(String type, byte[] der) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(der, "der");
        return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
