package dev.smki.core.device;

import dev.smki.core.certificate.KeyUsageBit;
import dev.smki.core.certificate.MalformedCertificateException;
import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.identity.CertificateUsage;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The key usage part of a trust-anchor cell identifier: the X.509 keyUsage bit the anchored certificate
 * asserts. Organisation Certificates assert digital signature or key agreement ({@link CertificateUsage}); the Root OCA
 * certificate in the Root cell asserts certificate signing, which no end-entity certificate may, so it is a
 * separate value here (GBCS TrustAnchorCellIdentifier carries the keyUsage BIT STRING; gbcs-parser decodes bits
 * 0, 4, 5 and 6; recovery.md §1.3).
 */
public enum AnchorKeyUsage {
    /** Digital signature, keyUsage bit 0; written {@code ds}. */
    DIGITAL_SIGNATURE(0, "ds"),
    /** Key agreement, keyUsage bit 4; written {@code ka}. */
    KEY_AGREEMENT(4, "ka"),
    /** Certificate signing ({@code keyCertSign}), keyUsage bit 5: only the Root cell; written {@code cert-sign}. */
    CERTIFICATE_SIGNING(5, "cert-sign");

    private final int bit;
    private final String abbreviation;

    AnchorKeyUsage(int bit, String abbreviation) {
        this.bit = bit;
        this.abbreviation = abbreviation;
    }

    /** {@return the X.509 keyUsage bit number: 0, 4 or 5} */
    public int bit() {
        return bit;
    }

    /** {@return the short lower-case form: {@code ds}, {@code ka} or {@code cert-sign}} */
    public String abbreviation() {
        return abbreviation;
    }

    /** {@return the end-entity key usage this is, or empty for {@link #CERTIFICATE_SIGNING}} */
    public Optional<CertificateUsage> toKeyUsage() {
        return switch (this) {
            case DIGITAL_SIGNATURE -> Optional.of(CertificateUsage.DIGITAL_SIGNATURE);
            case KEY_AGREEMENT -> Optional.of(CertificateUsage.KEY_AGREEMENT);
            case CERTIFICATE_SIGNING -> Optional.empty();
        };
    }

    /**
     * {@return the anchor key usage of an end-entity key usage}
     *
     * @param keyUsage the end-entity key usage
     */
    public static AnchorKeyUsage of(CertificateUsage keyUsage) {
        return switch (Objects.requireNonNull(keyUsage, "keyUsage")) {
            case DIGITAL_SIGNATURE -> DIGITAL_SIGNATURE;
            case KEY_AGREEMENT -> KEY_AGREEMENT;
        };
    }

    /**
     * Returns the key usage a trust-anchor cell would take {@code certificate} for: certificate signing when it
     * asserts keyCertSign, else its one end-entity usage (digital signature or key agreement); empty when it
     * asserts neither or both of those, or its keyUsage does not decode.
     */
    static Optional<AnchorKeyUsage> assertedBy(SmkiCertificate certificate) {
        try {
            if (certificate.keyUsage().contains(KeyUsageBit.KEY_CERT_SIGN)) {
                return Optional.of(CERTIFICATE_SIGNING);
            }
            return certificate.endEntityKeyUsage().map(AnchorKeyUsage::of);
        } catch (MalformedCertificateException e) {
            return Optional.empty();
        }
    }

    /**
     * {@return the anchor key usage with keyUsage bit {@code bit}}
     *
     * @param bit the keyUsage bit number: 0, 4 or 5
     * @throws IllegalArgumentException when no anchor key usage has that bit
     */
    public static AnchorKeyUsage ofBit(int bit) {
        for (AnchorKeyUsage usage : values()) {
            if (usage.bit == bit) {
                return usage;
            }
        }
        throw new IllegalArgumentException(
                "No trust-anchor key usage has keyUsage bit " + bit + " (expected 0, 4 or 5)");
    }

    /**
     * {@return the anchor key usage named by {@code text}: its abbreviation or enum name, in any case}
     *
     * @param text the abbreviation or enum name
     * @throws IllegalArgumentException when {@code text} names none
     */
    public static AnchorKeyUsage parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (AnchorKeyUsage usage : values()) {
            if (usage.abbreviation.equals(t)
                    || usage.name().toLowerCase(Locale.ROOT).equals(t)) {
                return usage;
            }
        }
        throw new IllegalArgumentException(
                "Unknown trust-anchor key usage '" + text + "' (expected ds, ka or cert-sign)");
    }
}
