package dev.smki.core.device;

import dev.smki.core.certificate.SmkiCertificate;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One GBCS TrustAnchorReplacement of an Update Security Credentials command: the cell to replace and the DER
 * certificate whose subject unique identifier, subject key identifier and public key it should take
 * (recovery.md §1.6). Immutable.
 */
public final class Replacement {

    private final TrustAnchorCellId target;
    private final byte[] certificate;

    private Replacement(TrustAnchorCellId target, byte[] certificate) {
        this.target = target;
        this.certificate = certificate;
    }

    /**
     * {@return a replacement of cell {@code target} by the DER certificate {@code certificate}}
     *
     * @param target the cell to replace
     * @param certificate the DER encoding of the certificate to put in the cell
     */
    public static Replacement of(TrustAnchorCellId target, byte[] certificate) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(certificate, "certificate");
        return new Replacement(target, certificate.clone());
    }

    /**
     * {@return a replacement of cell {@code target} by {@code certificate}}
     *
     * @param target the cell to replace
     * @param certificate the certificate to put in the cell
     */
    public static Replacement of(TrustAnchorCellId target, SmkiCertificate certificate) {
        Objects.requireNonNull(target, "target");
        return new Replacement(
                target, Objects.requireNonNull(certificate, "certificate").toDer());
    }

    /** {@return the cell to replace} */
    public TrustAnchorCellId target() {
        return target;
    }

    /** {@return the replacing certificate's DER encoding (a copy)} */
    public byte[] certificate() {
        return certificate.clone();
    }

    byte[] certificateBytes() {
        return certificate;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Replacement other
                && target.equals(other.target)
                && Arrays.equals(certificate, other.certificate);
    }

    @Override
    public int hashCode() {
        return 31 * target.hashCode() + Arrays.hashCode(certificate);
    }

    @Override
    public String toString() {
        return "Replacement[" + target + ", " + certificate.length + "-octet certificate]";
    }
}
