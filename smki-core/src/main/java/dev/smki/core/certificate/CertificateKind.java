package dev.smki.core.certificate;

/**
 * The kinds of SMKI certificate (certificates.md §2): the four CA certificates, Organisation Certificates and
 * Device Certificates. {@link SmkiCertificate#kind()} detects the kind from a certificate's names and extensions.
 */
public enum CertificateKind {
    /** The self-signed Root OCA certificate ({@code OU=00}), carrying the WrappedApexContingencyKey. */
    ROOT_OCA("Root OCA"),
    /** An Issuing OCA certificate ({@code OU=07}), issued by the Root OCA. */
    ISSUING_OCA("Issuing OCA"),
    /** The Root DCA certificate: a self-signed CA with a CN-only name. */
    ROOT_DCA("Root DCA"),
    /** An Issuing DCA certificate: a CA with a CN-only name, issued by the Root DCA. */
    ISSUING_DCA("Issuing DCA"),
    /** An Organisation Certificate: a Remote Party Role OU and a 64-bit x500UniqueIdentifier. */
    ORGANISATION("Organisation"),
    /** A Device Certificate: empty subject and a critical hardwareModuleName subjectAltName. */
    DEVICE("Device");

    private final String displayName;

    CertificateKind(String displayName) {
        this.displayName = displayName;
    }

    /** {@return the name people use, such as {@code Issuing OCA}} */
    public String displayName() {
        return displayName;
    }

    /** {@return whether certificates of this kind belong to a certification authority} */
    public boolean isCertificateAuthority() {
        return this == ROOT_OCA || this == ISSUING_OCA || this == ROOT_DCA || this == ISSUING_DCA;
    }
}
