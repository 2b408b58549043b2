package dev.smki.core.revocation;

import java.math.BigInteger;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * No certificate with the serial number asked for is in the {@link CertificateRegistry}: a request named a
 * certificate the SMKI Repository does not hold. Nothing was changed.
 */
public final class UnknownCertificateException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    /** The serial number asked for. */
    private final BigInteger serial;

    /**
     * Makes the exception for {@code serial}.
     *
     * @param serial the serial number no registered certificate has
     */
    public UnknownCertificateException(BigInteger serial) {
        super("No certificate with serial " + RegisteredCertificate.serialHex(Objects.requireNonNull(serial, "serial"))
                + " is in the registry");
        this.serial = serial;
    }

    /** {@return the serial number no registered certificate has} */
    public BigInteger serial() {
        return serial;
    }
}
