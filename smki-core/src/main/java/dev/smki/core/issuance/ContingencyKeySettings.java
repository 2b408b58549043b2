package dev.smki.core.issuance;

import dev.smki.core.contingency.ContingencyWrap;
import dev.smki.core.environment.SmkiEnvironment;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * How the Root OCA carries the wrapped contingency public key: the extension's OID, its criticality and the
 * wrap algorithm. None of the three was found in a readable source (certificates.md §1.2), so all are
 * {@linkplain dev.smki.core.provenance.Confidence#RECONSTRUCTED reconstructed} and configurable.
 *
 * @param extensionOid the WrappedApexContingencyKey extension OID, by default the environment's
 *     (RFC 5934's {@code id-pe-wrappedApexContinKey}, 1.3.6.1.5.5.7.1.20, in both built-ins)
 * @param critical whether the extension is marked critical; by default not
 * @param wrap how the contingency public key is wrapped; by default AES-128 key wrap with padding
 */
public record ContingencyKeySettings(String extensionOid, boolean critical, ContingencyWrap wrap) {

    /**
     * Checks the components.
     *
     * @param extensionOid the OID of the Root OCA extension carrying the wrapped key
     * @param critical whether that extension is critical
     * @param wrap how the contingency public key is wrapped
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when {@code extensionOid} is not a dotted OID
     */
    public ContingencyKeySettings {
        Objects.requireNonNull(extensionOid, "extensionOid");
        Objects.requireNonNull(wrap, "wrap");
        if (ASN1ObjectIdentifier.tryFromID(extensionOid) == null) {
            throw new IllegalArgumentException("Not an object identifier: '" + extensionOid + "'");
        }
    }

    /**
     * {@return the default settings for {@code environment}: its extension OID, non-critical, AES-128 KWP}
     *
     * @param environment the environment whose contingency key extension OID to use
     */
    public static ContingencyKeySettings forEnvironment(SmkiEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        return new ContingencyKeySettings(
                environment.contingencyKeyExtension(), false, ContingencyWrap.AES_128_WRAP_PAD);
    }

    /**
     * {@return a copy with the given criticality}
     *
     * @param critical whether the extension is critical
     */
    public ContingencyKeySettings withCritical(boolean critical) {
        return new ContingencyKeySettings(extensionOid, critical, wrap);
    }

    /**
     * {@return a copy with the given wrap algorithm}
     *
     * @param wrap the wrap algorithm
     */
    public ContingencyKeySettings withWrap(ContingencyWrap wrap) {
        return new ContingencyKeySettings(extensionOid, critical, wrap);
    }

    /**
     * {@return a copy with the given extension OID}
     *
     * @param extensionOid the extension's dotted OID
     */
    public ContingencyKeySettings withExtensionOid(String extensionOid) {
        return new ContingencyKeySettings(extensionOid, critical, wrap);
    }
}
