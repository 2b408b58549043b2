package dev.smki.recovery.internal.canonical;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.smki.core.internal.crypto.BouncyCastle;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one JSON encoding the engine hashes: a procedure's definition and every journal line are written with it
 * (ASCII only, non-ASCII escaped) and hashed with SHA-256. Not exported.
 */
public final class CanonicalJson {

    private static final HexFormat HEX = HexFormat.of();

    private static final JsonFactory WRITER = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();

    private CanonicalJson() {}

    /** Returns a generator writing the canonical encoding to {@code out}, which it does not close. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return WRITER.createGenerator(out, JsonEncoding.UTF8);
    }

    /** Returns the SHA-256 of {@code data}, as 64 lower-case hex digits. */
    public static String sha256Hex(byte[] data) {
        return sha256Hex(data, 0, data.length);
    }

    /** Returns the SHA-256 of {@code length} bytes of {@code data} from {@code offset}, as 64 hex digits. */
    public static String sha256Hex(byte[] data, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256", BouncyCastle.PROVIDER);
            digest.update(data, offset, length);
            return HEX.formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Bouncy Castle has no SHA-256", e);
        }
    }
}
