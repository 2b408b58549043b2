package dev.smki.core.profile;

/** The SMKI certificate profiles the validator knows, one per kind of certificate (certificates.md §2). */
public enum ProfileKind {
    /** The self-signed Root OCA certificate ({@code OU=00}), carrying the WrappedApexContingencyKey. */
    ROOT_OCA("Root OCA"),
    /** An Issuing OCA certificate ({@code OU=07}), issued by the Root OCA. */
    ISSUING_OCA("Issuing OCA"),
    /** The Root DCA certificate: a self-signed CA with a CN-only name. */
    ROOT_DCA("Root DCA"),
    /** An Issuing DCA certificate: a CA with a CN-only name, issued by the Root DCA. */
    ISSUING_DCA("Issuing DCA"),
    /** An Organisation certificate: a Remote Party Role OU and a 64-bit x500UniqueIdentifier. */
    ORGANISATION("Organisation"),
    /** A Device certificate: empty subject and a critical hwModuleName subjectAltName. */
    DEVICE("Device"),
    /** A Device PKCS#10 certificate signing request. */
    DEVICE_CSR("Device CSR");

    private final String displayName;

    ProfileKind(String displayName) {
        this.displayName = displayName;
    }

    /** Returns the name people use, such as {@code Issuing OCA}. */
    public String displayName() {
        return displayName;
    }

    /** Returns whether this profile describes a certification authority. */
    public boolean isCertificateAuthority() {
        return this == ROOT_OCA || this == ISSUING_OCA || this == ROOT_DCA || this == ISSUING_DCA;
    }
}
