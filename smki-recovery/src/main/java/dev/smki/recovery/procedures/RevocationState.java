package dev.smki.recovery.procedures;

import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.revocation.CertificateRegistry;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationList;
import dev.smki.core.revocation.RevocationOutcome;
import dev.smki.core.revocation.RevocationPolicy;
import dev.smki.core.revocation.RevocationReason;
import dev.smki.core.revocation.RevocationRequest;
import dev.smki.core.revocation.Revocations;
import dev.smki.core.revocation.SolrEvent;
import dev.smki.core.revocation.SolrEventId;
import dev.smki.core.revocation.SolrStatus;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The revocation slice of an {@link IncidentState}: revocation requests decided under the revocation rules, the
 * CRLs and ARLs published, and the incident's Supplier of Last Resort event, if one is open (REC-11, REC-12). Changed
 * only by the effects of accepted steps and the SoLR events a plan injects.
 */
public final class RevocationState {

    private final Revocations revocations;
    private SolrEvent solr;

    RevocationState(CertificateRegistry registry, Clock clock) {
        this.revocations = Revocations.of(registry, RevocationPolicy.defaults(), clock);
    }

    /** {@return the revocations: requests, outcomes, lists published and SoLR events} */
    public Revocations revocations() {
        return revocations;
    }

    /** Submits the revocation of {@code certificate} for {@code reason} by {@code requester}; returns a note. */
    String revoke(IssuedCertificate certificate, RevocationReason reason, Requester requester) {
        return revocations
                .submit(RevocationRequest.of(certificate.serialNumber(), reason, requester))
                .summary();
    }

    /** Publishes the next CRL or ARL signed by {@code signer}; returns a note. */
    String publish(IssuedCertificate signer) {
        RevocationList list = revocations.publish(signer);
        return "published " + list;
    }

    /** {@return every revocation outcome, oldest first} */
    public List<RevocationOutcome> history() {
        return revocations.history();
    }

    /** Opens the Supplier of Last Resort event {@code event}. */
    void openSolr(SolrEvent event) {
        solr = Objects.requireNonNull(event, "event");
        revocations.openSolrEvent(event);
    }

    /** Returns the open SoLR event's id. */
    SolrEventId solrId() {
        if (solr == null) {
            throw new IllegalStateException("No Supplier of Last Resort event is open");
        }
        return solr.id();
    }

    /** {@return where this incident's Supplier of Last Resort event stands, if it has one (REC-12)} */
    public Optional<SolrStatus> solrEvent() {
        return solr == null ? Optional.empty() : Optional.of(revocations.solrEvent(solr.id()));
    }
}
