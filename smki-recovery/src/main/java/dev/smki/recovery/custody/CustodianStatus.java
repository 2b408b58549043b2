package dev.smki.recovery.custody;

/**
 * Where a Key Custodian is in the lifecycle nominate, vet, appoint, cease (recovery.md §2.9: the section
 * headings are verified, the steps reconstructed).
 */
public enum CustodianStatus {
    /** Nominated by their Party on a Key Custodian Nomination Form. */
    NOMINATED,
    /** Security screening passed. */
    VETTED,
    /** Appointed: holds shares and counts towards a quorum. */
    APPOINTED,
    /** Ceased (resigned, left the Party, removed): never counts again. */
    CEASED
}
