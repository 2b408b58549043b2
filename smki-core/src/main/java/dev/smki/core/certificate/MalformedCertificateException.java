package dev.smki.core.certificate;

import java.util.Objects;

/**
 * Thrown when a part of a certificate asked for cannot be decoded: bytes that are not an X.509 certificate, or an
 * extension whose DER is not what its type says. The message names the part and says what is wrong with its DER,
 * never a Java class name.
 */
public final class MalformedCertificateException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The part that could not be decoded. */
    private final String part;

    /** What is wrong with its DER. */
    private final String problem;

    /**
     * Returns the exception for {@code part} (such as {@code keyUsage extension}) with {@code problem} (such as
     * {@code its value 04 01 00 (3 octets) does not decode as a BIT STRING}).
     */
    MalformedCertificateException(String part, String problem) {
        super(Objects.requireNonNull(part, "part") + ": " + Objects.requireNonNull(problem, "problem"));
        this.part = part;
        this.problem = problem;
    }

    /** {@return the part that could not be decoded, such as {@code keyUsage extension} or {@code certificate}} */
    public String part() {
        return part;
    }

    /**
     * {@return what is wrong with the part's DER, without the part's name, such as {@code its value 04 01 00 (3
     * octets) does not decode as a BIT STRING}}
     */
    public String problem() {
        return problem;
    }
}
