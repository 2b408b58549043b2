package dev.smki.core.revocation;

import java.util.Objects;

/**
 * A Supplier of Last Resort event (SEC Section L16, MP134A; recovery.md §3.3): Ofgem appointed a Supplier of
 * Last Resort for the customers of a failed Supplier, and a Shared Resource Provider acts on Ofgem's instruction
 * to keep prepayment customers supplied.
 *
 * @param id the event's identifier, such as {@code SOLR-2026-01}
 * @param failedSupplier the failed Supplier, the Subscriber of the certificates whose revocation may be delayed
 * @param supplierOfLastResort the appointed Supplier of Last Resort
 * @param sharedResourceProvider the Shared Resource Provider
 */
public record SolrEvent(
        SolrEventId id, Subscriber failedSupplier, Subscriber supplierOfLastResort, Subscriber sharedResourceProvider) {

    /**
     * Checks the components.
     *
     * @param id the event's identifier, such as {@code SOLR-2026-01}
     * @param failedSupplier the failed Supplier, the Subscriber of the certificates whose revocation may be delayed
     * @param supplierOfLastResort the appointed Supplier of Last Resort
     * @param sharedResourceProvider the Shared Resource Provider
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the Supplier of Last Resort is the failed Supplier
     */
    public SolrEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(failedSupplier, "failedSupplier");
        Objects.requireNonNull(supplierOfLastResort, "supplierOfLastResort");
        Objects.requireNonNull(sharedResourceProvider, "sharedResourceProvider");
        if (failedSupplier.equals(supplierOfLastResort)) {
            throw new IllegalArgumentException(
                    "The Supplier of Last Resort is not the failed Supplier '" + failedSupplier + "'");
        }
    }

    /**
     * {@return the event {@code id} in which {@code supplierOfLastResort} takes over from {@code failedSupplier}, the
     * Parties given by name}
     *
     * @param id the event's identifier, such as {@code SOLR-2026-01}
     * @param failedSupplier the failed Supplier, the Subscriber of the certificates whose revocation may be delayed
     * @param supplierOfLastResort the appointed Supplier of Last Resort
     * @param sharedResourceProvider the Shared Resource Provider
     * @throws IllegalArgumentException when an id or name is blank, or the Supplier of Last Resort is the failed
     *     Supplier
     */
    public static SolrEvent of(
            String id, String failedSupplier, String supplierOfLastResort, String sharedResourceProvider) {
        return new SolrEvent(
                SolrEventId.of(id),
                Subscriber.of(failedSupplier),
                Subscriber.of(supplierOfLastResort),
                Subscriber.of(sharedResourceProvider));
    }

    /**
     * {@return whether {@code certificate} is one of the failed Supplier's}
     *
     * @param certificate the registered certificate
     */
    public boolean covers(RegisteredCertificate certificate) {
        return certificate.subscriber().equals(failedSupplier);
    }
}
