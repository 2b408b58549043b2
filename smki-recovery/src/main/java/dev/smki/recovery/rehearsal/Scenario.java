package dev.smki.recovery.rehearsal;

import dev.smki.core.identity.RemotePartyRole;
import dev.smki.recovery.incident.CompromisedKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What a rehearsal rehearses: which key is compromised (or which procedure is exercised) and so which SEC
 * procedures the response spans.
 */
public enum Scenario {
    /**
     * A Root OCA compromise recovered with the Contingency Private Key and Symmetric Key: Notify, Decide,
     * Contingency with CSR coordination and distribution. The default.
     */
    CONTINGENCY("contingency", CompromisedKey.ROOT_OCA_KEY, RemotePartyRole.ROOT),
    /**
     * A Supplier's digital-signature key compromise recovered with the Recovery Private Key by Method 2 or 3:
     * Notify, Decide, Recovery key use and the revocation of the compromised certificate.
     */
    RECOVERY_KEY("recovery-key", CompromisedKey.ORGANISATION_KEY, RemotePartyRole.SUPPLIER),
    /** The replacement of the Recovery key after use, as the Recovery Key Direction requires. */
    RECOVERY_KEY_REPLACEMENT("recovery-key-replacement", CompromisedKey.RECOVERY_KEY, RemotePartyRole.RECOVERY),
    /** A Supplier of Last Resort event in which the SMKI PMA delays the failed Supplier's revocations. */
    SOLR("solr", CompromisedKey.ORGANISATION_KEY, RemotePartyRole.SUPPLIER),
    /** A suspected Supplier key compromise on which the SMKI PMA requires no DCC key: Notify and Decide only. */
    NOTIFY_ONLY("notify-only", CompromisedKey.ORGANISATION_KEY, RemotePartyRole.SUPPLIER);

    private final String cliName;
    private final CompromisedKey compromised;
    private final RemotePartyRole role;

    Scenario(String cliName, CompromisedKey compromised, RemotePartyRole role) {
        this.cliName = cliName;
        this.compromised = compromised;
        this.role = role;
    }

    /** Returns the scenario's name on the command line, such as {@code recovery-key}. */
    public String cliName() {
        return cliName;
    }

    /** Returns the kind of key whose compromise (or replacement) is rehearsed. */
    public CompromisedKey compromised() {
        return compromised;
    }

    /** Returns the Remote Party Role whose key is compromised or replaced. */
    public RemotePartyRole role() {
        return role;
    }

    /**
     * Returns the scenario named {@code text}: its command-line name or enum name, in any case.
     *
     * @throws IllegalArgumentException when {@code text} names none, listing the names
     */
    public static Scenario parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        for (Scenario scenario : values()) {
            if (scenario.cliName.equalsIgnoreCase(t) || scenario.name().equalsIgnoreCase(t)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("Unknown scenario '" + text + "' (expected one of "
                + Arrays.stream(values()).map(Scenario::cliName).toList() + ")");
    }

    /** Returns the command-line name. */
    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
