package dev.smki.core.issuance;

import dev.smki.core.internal.der.SmkiNames;
import dev.smki.core.profile.ProfileKind;
import java.util.Objects;

/**
 * The common names of the test PKI's four CAs, before the generation number the PKI appends: by default
 * {@code SIM Root OCA}, {@code SIM Issuing OCA}, {@code SIM Root DCA} and {@code SIM Issuing DCA}, so the first
 * Root OCA is {@code OU=00, CN=SIM Root OCA 1}. Names are PrintableString (certificates.md §2.3, §2.4).
 *
 * @param rootOca the Root OCA's CN stem
 * @param issuingOca the Issuing OCA's CN stem
 * @param rootDca the Root DCA's CN stem
 * @param issuingDca the Issuing DCA's CN stem
 */
public record CaNames(String rootOca, String issuingOca, String rootDca, String issuingDca) {

    /** The default, clearly simulated names. */
    public static final CaNames DEFAULT =
            new CaNames("SIM Root OCA", "SIM Issuing OCA", "SIM Root DCA", "SIM Issuing DCA");

    /**
     * Checks the components.
     *
     * @param rootOca the Root OCA's CN stem
     * @param issuingOca the Issuing OCA's CN stem
     * @param rootDca the Root DCA's CN stem
     * @param issuingDca the Issuing DCA's CN stem
     * @throws IllegalArgumentException when a name is blank or not a PrintableString
     */
    public CaNames {
        check("rootOca", rootOca);
        check("issuingOca", issuingOca);
        check("rootDca", rootDca);
        check("issuingDca", issuingDca);
    }

    private static void check(String what, String name) {
        Objects.requireNonNull(name, what);
        if (name.isBlank() || !SmkiNames.isPrintable(name)) {
            throw new IllegalArgumentException(what + " must be a non-blank PrintableString, got '" + name + "'");
        }
    }

    /**
     * {@return the CN of the {@code kind} CA of generation {@code generation}, such as {@code SIM Root OCA 2}}
     *
     * @param kind a CA profile
     * @param generation the OCA generation, from 1
     */
    public String commonName(ProfileKind kind, int generation) {
        String stem = switch (kind) {
            case ROOT_OCA -> rootOca;
            case ISSUING_OCA -> issuingOca;
            case ROOT_DCA -> rootDca;
            case ISSUING_DCA -> issuingDca;
            default -> throw new IllegalArgumentException(kind + " is not a CA profile");
        };
        return stem + " " + generation;
    }
}
