package dev.smki.examples;

import dev.smki.core.issuance.TestPki;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationList;
import dev.smki.core.revocation.RevocationOutcome;
import dev.smki.core.revocation.RevocationPolicy;
import dev.smki.core.revocation.Revocations;
import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.core.revocation.SolrEvent;
import dev.smki.core.revocation.SolrEventId;
import dev.smki.core.simulation.SettableClock;
import java.time.Duration;
import java.time.Instant;

/**
 * Walks through a Supplier of Last Resort event (SEC Section L16, MP134A): the SMKI PMA delays the revocation
 * of the failed Supplier's certificates, the DCC's revocation requests are held, the SoLR takes responsibility,
 * and the revocations proceed onto the next Organisation CRL.
 */
public final class SupplierOfLastResortWalkthrough {

    private SupplierOfLastResortWalkthrough() {}

    /** Runs the walkthrough and prints each step. */
    public static void main(String[] args) {
        TestPki pki = TestPki.seeded(7);
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        Revocations revocations = Revocations.of(pki.certificateRegistry(), RevocationPolicy.defaults(), clock);

        // Ofgem appoints a SoLR for the failed Supplier; only the SMKI PMA may delay revocation (SOLR-1).
        SolrEvent event = SolrEvent.of("SOLR-2026-01", "supplier", "Last Resort Energy", "Shared Resources");
        SolrEventId id = event.id();
        revocations.openSolrEvent(event);
        System.out.println(revocations.delayRevocation(id, Requester.dcc()));
        System.out.println(revocations.delayRevocation(id, Requester.smkiPma()));

        // The DCC asks to revoke the failed Supplier's certificates: Section L16 applies and §8 does not (SOLR-5),
        // so they are held (SOLR-6).
        for (RevocationOutcome outcome : revocations.requestFailedSupplierRevocation(id)) {
            System.out.println(outcome.summary());
        }
        System.out.println("CRL during the delay: "
                + revocations.publish(pki.issuingOca()).serials().size() + " entries");

        // Two weeks later the SoLR takes responsibility: the held revocations proceed (SOLR-3).
        clock.advance(Duration.ofDays(14));
        for (RevocationOutcome outcome :
                revocations.endRevocationDelay(id, SolrEndCondition.SOLR_TAKES_RESPONSIBILITY)) {
            System.out.println(outcome.summary());
        }
        RevocationList crl = revocations.publish(pki.issuingOca());
        System.out.println(
                "CRL number " + crl.number() + " lists " + crl.serials().size() + " certificates, signed by"
                        + " the Issuing OCA: " + crl.isSignedBy(pki.issuingOca()));
    }
}
