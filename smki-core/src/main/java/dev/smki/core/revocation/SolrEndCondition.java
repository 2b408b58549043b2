package dev.smki.core.revocation;

/** What ends the SMKI PMA's delay of a failed Supplier's certificate revocations (MP134A; SOLR-3). */
public enum SolrEndCondition {
    /** Every prepayment customer of the failed Supplier is protected from loss of supply. */
    PREPAYMENT_CUSTOMERS_PROTECTED,
    /** The Supplier of Last Resort has taken responsibility for the prepayment customers. */
    SOLR_TAKES_RESPONSIBILITY
}
