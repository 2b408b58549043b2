package dev.smki.core.revocation;

/** What ends the SMKI PMA's delay of a failed Supplier's certificate revocations (MP134A; SOLR-3, and SOLR-8 for the SMKI PMA's discretion). */
public enum SolrEndCondition {
    /** Every prepayment customer of the failed Supplier is protected from loss of supply. */
    PREPAYMENT_CUSTOMERS_PROTECTED,
    /** The Supplier of Last Resort has taken responsibility for the prepayment customers. */
    SOLR_TAKES_RESPONSIBILITY,
    /** The SMKI PMA ends its delay at its discretion, before either condition above (SOLR-8, inferred). */
    PMA_DISCRETION
}
