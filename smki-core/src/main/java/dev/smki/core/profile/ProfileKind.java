package dev.smki.core.profile;

import dev.smki.core.certificate.CertificateKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMKI profiles the validator knows (certificates.md §2): one per {@link CertificateKind}, and the Device
 * certificate signing request.
 */
public enum ProfileKind {
    /** The self-signed Root OCA certificate ({@code OU=00}), carrying the WrappedApexContingencyKey. */
    ROOT_OCA(CertificateKind.ROOT_OCA),
    /** An Issuing OCA certificate ({@code OU=07}), issued by the Root OCA. */
    ISSUING_OCA(CertificateKind.ISSUING_OCA),
    /** The Root DCA certificate: a self-signed CA with a CN-only name. */
    ROOT_DCA(CertificateKind.ROOT_DCA),
    /** An Issuing DCA certificate: a CA with a CN-only name, issued by the Root DCA. */
    ISSUING_DCA(CertificateKind.ISSUING_DCA),
    /** An Organisation certificate: a Remote Party Role OU and a 64-bit x500UniqueIdentifier. */
    ORGANISATION(CertificateKind.ORGANISATION),
    /** A Device certificate: empty subject and a critical hwModuleName subjectAltName. */
    DEVICE(CertificateKind.DEVICE),
    /** A Device PKCS#10 certificate signing request. */
    DEVICE_CSR(null);

    private final CertificateKind certificateKind;

    ProfileKind(CertificateKind certificateKind) {
        this.certificateKind = certificateKind;
    }

    /**
     * {@return the profile of certificates of {@code kind}}
     *
     * @param kind the kind of certificate
     */
    public static ProfileKind of(CertificateKind kind) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case ROOT_OCA -> ROOT_OCA;
            case ISSUING_OCA -> ISSUING_OCA;
            case ROOT_DCA -> ROOT_DCA;
            case ISSUING_DCA -> ISSUING_DCA;
            case ORGANISATION -> ORGANISATION;
            case DEVICE -> DEVICE;
        };
    }

    /** {@return the kind of certificate this profile is for; empty for {@link #DEVICE_CSR}} */
    public Optional<CertificateKind> certificateKind() {
        return Optional.ofNullable(certificateKind);
    }

    /** {@return the name people use, such as {@code Issuing OCA}} */
    public String displayName() {
        return certificateKind == null ? "Device CSR" : certificateKind.displayName();
    }

    /** {@return a lower-case hyphenated name such as {@code issuing-oca}, used on the command line} */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * {@return the profile named by {@code text}: its enum name, its slug or its display name, in any case}
     *
     * @param text the text to read
     * @throws IllegalArgumentException when {@code text} names no profile
     */
    public static ProfileKind parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        for (ProfileKind kind : values()) {
            if (kind.name().equalsIgnoreCase(t)
                    || kind.slug().equalsIgnoreCase(t)
                    || kind.displayName().equalsIgnoreCase(t)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown profile '" + text + "' (expected one of "
                + Arrays.stream(values()).map(ProfileKind::slug).toList() + ")");
    }

    /** {@return whether this profile describes a certification authority} */
    public boolean isCertificateAuthority() {
        return certificateKind != null && certificateKind.isCertificateAuthority();
    }
}
