package dev.smki.recovery.custody;

/**
 * What allows a key in custody to be activated for an incident: in the SEC, only an SMKI PMA decision that
 * requires that key (L10; invariant REC-1). The recovery procedures' {@code PmaDecision} implements it.
 */
public interface KeyUseAuthorisation {

    /** {@return the incident the authorisation is for, as text (for the record)} */
    String incidentReference();

    /**
     * {@return whether this authorisation requires {@code key} to be used}
     *
     * @param key the key
     */
    boolean authorises(CustodyKey key);
}
