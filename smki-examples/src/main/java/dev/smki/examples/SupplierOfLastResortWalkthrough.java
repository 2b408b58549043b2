package dev.smki.examples;

import dev.smki.core.issuance.TestPki;
import dev.smki.core.revocation.CertificateRegistry;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationList;
import dev.smki.core.revocation.RevocationOutcome;
import dev.smki.core.revocation.RevocationPolicy;
import dev.smki.core.revocation.Revocations;
import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.core.revocation.SolrEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

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
        SteppedClock clock = new SteppedClock(Instant.parse("2026-03-02T09:00:00Z"));
        Revocations revocations = Revocations.of(CertificateRegistry.of(pki), RevocationPolicy.defaults(), clock);

        // Ofgem appoints a SoLR for the failed Supplier; only the SMKI PMA may delay revocation (SOLR-1).
        revocations.openSolrEvent(SolrEvent.of("SOLR-2026-01", "supplier", "Last Resort Energy", "Shared Resources"));
        System.out.println(revocations.delayRevocation("SOLR-2026-01", Requester.dcc()));
        System.out.println(revocations.delayRevocation("SOLR-2026-01", Requester.smkiPma()));

        // The DCC asks to revoke the failed Supplier's certificates: Section L16 applies and §8 does not (SOLR-5),
        // so they are held (SOLR-6).
        for (RevocationOutcome outcome : revocations.requestFailedSupplierRevocation("SOLR-2026-01")) {
            System.out.println(outcome.summary());
        }
        System.out.println("CRL during the delay: "
                + revocations.publish(pki.issuingOca()).serials().size() + " entries");

        // Two weeks later the SoLR takes responsibility: the held revocations proceed (SOLR-3).
        clock.advance(Duration.ofDays(14));
        for (RevocationOutcome outcome :
                revocations.endRevocationDelay("SOLR-2026-01", SolrEndCondition.SOLR_TAKES_RESPONSIBILITY)) {
            System.out.println(outcome.summary());
        }
        RevocationList crl = revocations.publish(pki.issuingOca());
        System.out.println(
                "CRL number " + crl.number() + " lists " + crl.serials().size() + " certificates, signed by"
                        + " the Issuing OCA: " + crl.isSignedBy(pki.issuingOca()));
    }

    /** A clock that stands still until the walkthrough moves it on. */
    private static final class SteppedClock extends Clock {
        private Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The walkthrough runs in UTC");
        }
    }
}
