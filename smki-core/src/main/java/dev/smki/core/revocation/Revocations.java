package dev.smki.core.revocation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DCC's handling of revocation over one {@link CertificateRegistry}: requests are received, their requesters
 * verified, decided and carried out under the Appendix D §8 rules ({@link RevocationRules}), and published on the
 * next CRL or ARL ({@link #publish}); during a Supplier of Last Resort event the SMKI PMA may delay the failed
 * Supplier's revocations, and Section L16 then displaces §8 ({@link SupplierOfLastResort}).
 *
 * <pre>{@code
 * Revocations revocations = Revocations.of(pki.certificateRegistry(), RevocationPolicy.defaults(), clock);
 * RevocationOutcome outcome = revocations.submit(RevocationRequest.of(
 *         supplierDs.serialNumber(), RevocationReason.KEY_COMPROMISE, Requester.aroOf(RemotePartyRole.SUPPLIER)));
 * RevocationList crl = revocations.publish(pki.issuingOca());
 * }</pre>
 *
 * <p>Each concept has its own class behind this one: the rules a request goes through are applied stage by stage in
 * one place, the SoLR events keep their delays and held requests in another, and the lists each CA published in a
 * third. A refused or held request changes nothing in the registry. Every outcome is kept in {@link #history()}.
 * Time comes from the injected clock, truncated to the second. Thread-safe: requests are handled one at a time.
 */
public final class Revocations {

    private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);

    private final CertificateRegistry registry;
    private final RevocationRules rules;
    private final Clock clock;
    private final Object lock = new Object();
    private final RequestHandling handling;
    private final SolrEvents solr;
    private final ListPublication lists;
    private final List<RevocationOutcome> history = new ArrayList<>();

    private Revocations(CertificateRegistry registry, RevocationRules rules, Clock clock) {
        this.registry = registry;
        this.rules = rules;
        this.clock = clock;
        this.handling = new RequestHandling(registry, rules);
        this.solr = new SolrEvents(registry);
        this.lists = new ListPublication(registry);
    }

    /**
     * {@return the handling of revocations in {@code registry} under {@code policy}, timed by {@code clock}}
     *
     * @param registry the certificate registry
     * @param policy the revocation policy
     * @param clock the clock that times revocations
     */
    public static Revocations of(CertificateRegistry registry, RevocationPolicy policy, Clock clock) {
        return new Revocations(
                Objects.requireNonNull(registry, "registry"),
                RevocationRules.of(Objects.requireNonNull(policy, "policy")),
                Objects.requireNonNull(clock, "clock"));
    }

    /** {@return the registry} */
    public CertificateRegistry registry() {
        return registry;
    }

    /** {@return the rules applied} */
    public RevocationRules rules() {
        return rules;
    }

    // ---- requests ----

    /**
     * Receives, verifies, decides and, where the rules allow, carries out {@code request}: the certificate is
     * revoked (and waits for the next list), the request is refused under the rule it breaks, or it is held
     * because Section L16 applies (SOLR-5).
     *
     * @param request the request
     * @return the outcome: the verdict and the steps that led to it
     * @throws UnknownCertificateException when no certificate with the request's serial is registered; nothing is
     *     recorded
     */
    public RevocationOutcome submit(RevocationRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (lock) {
            RegisteredCertificate target = registry.require(request.serial());
            Optional<SolrEvent> delaying = solr.delaying(target);
            RevocationOutcome outcome = handling.handle(request, target, now(), delaying);
            delaying.ifPresent(event -> solr.hold(event.id(), request));
            history.add(outcome);
            LOG.debug("{}", outcome.summary());
            return outcome;
        }
    }

    /** {@return every outcome so far, oldest first} */
    public List<RevocationOutcome> history() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    // ---- Supplier of Last Resort ----

    /**
     * Opens a SoLR event: from now on the SMKI PMA may delay the revocation of the failed Supplier's certificates.
     *
     * @param event the SoLR event
     * @return where the event stands
     * @throws IllegalArgumentException when an event with the same id was opened before
     */
    public SolrStatus openSolrEvent(SolrEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (lock) {
            return solr.open(event);
        }
    }

    /**
     * Asks, as {@code requester}, to delay the revocation of the failed Supplier's certificates in event
     * {@code eventId}. Granted only to the SMKI PMA (SOLR-1), only while the event is open and some of the failed
     * Supplier's certificates are not yet revoked (SOLR-2), and not again once a delay has ended (SOLR-7,
     * reconstructed); a refusal names the rule.
     *
     * @param eventId the SoLR event
     * @param requester who asks
     * @return the delay granted, or refused under the rule named
     */
    public SolrOutcome delayRevocation(SolrEventId eventId, Requester requester) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(requester, "requester");
        synchronized (lock) {
            return solr.delayRevocation(eventId, requester);
        }
    }

    /**
     * Submits the DCC's own-initiative requests to revoke each certificate of the failed Supplier that is not yet
     * revoked (reason: no longer eligible), and returns their outcomes: revoked, or held while the SMKI PMA's
     * delay is in force.
     *
     * @param eventId the SoLR event
     * @return the outcome of each request
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     */
    public List<RevocationOutcome> requestFailedSupplierRevocation(SolrEventId eventId) {
        synchronized (lock) {
            return submitAll(solr.failedSupplierRevocations(eventId));
        }
    }

    /**
     * Records that {@code condition} was reached in event {@code eventId} (SOLR-3): a delay in force ends, and
     * the requests held under it are decided under Appendix D §8, oldest first; their outcomes are returned. A
     * delay cannot be granted after this.
     *
     * @param eventId the SoLR event
     * @param condition the end condition reached
     * @return the outcomes of the requests held under the delay, oldest first
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     */
    public List<RevocationOutcome> endRevocationDelay(SolrEventId eventId, SolrEndCondition condition) {
        Objects.requireNonNull(condition, "condition");
        synchronized (lock) {
            return submitAll(solr.endDelay(eventId, condition));
        }
    }

    private List<RevocationOutcome> submitAll(List<RevocationRequest> requests) {
        List<RevocationOutcome> outcomes = new ArrayList<>();
        for (RevocationRequest request : requests) {
            outcomes.add(submit(request));
        }
        return List.copyOf(outcomes);
    }

    /**
     * Asks, as {@code requester}, to delay the transfer of the failed Supplier's MPIDs to the SoLR (MP185,
     * SOLR-4): granted only to the SMKI PMA, only while the event is open and the MPIDs are not yet transferred.
     *
     * @param eventId the SoLR event
     * @param requester who asks
     * @return the delay granted, or refused under the rule named
     */
    public SolrOutcome delayMpidTransfer(SolrEventId eventId, Requester requester) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(requester, "requester");
        synchronized (lock) {
            return solr.delayMpidTransfer(eventId, requester);
        }
    }

    /**
     * Attempts the DCC's transfer of the failed Supplier's MPIDs to the SoLR: held while the SMKI PMA delays it
     * (SOLR-4), otherwise completed.
     *
     * @param eventId the SoLR event
     * @return what became of the transfer: held or completed
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     */
    public SolrOutcome transferMpids(SolrEventId eventId) {
        synchronized (lock) {
            return solr.transferMpids(eventId);
        }
    }

    /**
     * Records that the SoLR agreed the MPID transfer with the SMKI PMA and the DCC once the agreed information was
     * in place (MP185): a delay ends and the transfer is completed.
     *
     * @param eventId the SoLR event
     * @return what became of the agreement
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     */
    public SolrOutcome agreeMpidTransfer(SolrEventId eventId) {
        synchronized (lock) {
            return solr.agreeMpidTransfer(eventId);
        }
    }

    /**
     * Closes event {@code eventId}: no delay is granted in it any more.
     *
     * @param eventId the SoLR event
     * @return where the event stands, closed
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     * @throws IllegalStateException while its revocation delay is in force (an end condition must be reached first)
     */
    public SolrStatus closeSolrEvent(SolrEventId eventId) {
        synchronized (lock) {
            return solr.close(eventId);
        }
    }

    /**
     * {@return where event {@code eventId} stands}
     *
     * @param eventId the SoLR event
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     */
    public SolrStatus solrEvent(SolrEventId eventId) {
        synchronized (lock) {
            return solr.status(eventId);
        }
    }

    /** {@return every SoLR step so far, oldest first} */
    public List<SolrOutcome> solrHistory() {
        synchronized (lock) {
            return solr.history();
        }
    }

    // ---- publication ----

    /**
     * Publishes the next list of {@code signer}: the Organisation CRL when it is the Issuing OCA, the ARL when it
     * is the Root OCA (and likewise on the DCA side). It holds every entry of the previous list and every
     * certificate the signer issued that is revoked in the registry (REV-7), with the next cRLNumber, thisUpdate
     * now and nextUpdate the policy's interval later (REV-8).
     *
     * @param signer the CA that publishes the list
     * @return the list published
     * @throws IllegalArgumentException when {@code signer} is not a CA certificate, or the clock is before the
     *     previous list's thisUpdate
     * @throws IllegalStateException when the signer's private key is not held
     */
    public RevocationList publish(ListSigner signer) {
        Objects.requireNonNull(signer, "signer");
        synchronized (lock) {
            return lists.publish(signer, now(), rules.policy().nextUpdateInterval());
        }
    }

    /**
     * {@return the last list {@code signer} published (or that was {@linkplain #recordPublished recorded})}
     *
     * @param signer the CA that publishes the list
     * @throws IllegalArgumentException when {@code signer} is not a CA certificate
     */
    public Optional<RevocationList> lastPublished(ListSigner signer) {
        Objects.requireNonNull(signer, "signer");
        synchronized (lock) {
            return lists.last(signer);
        }
    }

    /**
     * Records {@code list}, published earlier by {@code signer}, as its last list, so that the next one follows it.
     *
     * @param signer the CA that published the list
     * @param list the list it published
     * @throws IllegalArgumentException when {@code signer} is not a CA certificate or did not sign it, it is older
     *     than the list already recorded, or it names a registered certificate the registry does not record as
     *     revoked
     */
    public void recordPublished(ListSigner signer, RevocationList list) {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(list, "list");
        synchronized (lock) {
            lists.record(signer, list);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "Revocations[" + registry + ", " + history().size() + " requests]";
    }
}
