package dev.smki.recovery.custody;

/**
 * What allows a key in custody to be activated for an incident: in the SEC, only an SMKI PMA decision that
 * requires that key (L10; invariant REC-1). The recovery procedures' {@code PmaDecision} implements it.
 */
public interface KeyUseAuthorisation {

    /** Returns the incident the authorisation is for, as text (for the record). */
    String incidentReference();

    /** Returns whether this authorisation requires {@code key} to be used. */
    boolean authorises(CustodyKey key);
}
