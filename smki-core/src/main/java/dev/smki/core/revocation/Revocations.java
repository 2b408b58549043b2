package dev.smki.core.revocation;

import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.SourcedRule;
import dev.smki.core.revocation.RevocationOutcome.Verdict;
import dev.smki.core.revocation.RevocationStep.Stage;
import dev.smki.core.revocation.SolrOutcome.Result;
import dev.smki.core.revocation.SolrStatus.Delay;
import dev.smki.core.revocation.SolrStatus.MpidTransfer;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Revocations revocations = Revocations.of(CertificateRegistry.of(pki), RevocationPolicy.defaults(), clock);
 * RevocationOutcome outcome = revocations.submit(RevocationRequest.of(
 *         supplierDs.serialNumber(), RevocationReason.KEY_COMPROMISE, Requester.aroOf("supplier")));
 * RevocationList crl = revocations.publish(pki.issuingOca());
 * }</pre>
 *
 * <p>A refused or held request changes nothing in the registry. Every outcome is kept in {@link #history()}.
 * Time comes from the injected clock, truncated to the second. Thread-safe: requests are handled one at a time.
 */
public final class Revocations {

    private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);

    private final CertificateRegistry registry;
    private final RevocationRules rules;
    private final Clock clock;
    private final Object lock = new Object();
    private final List<RevocationOutcome> history = new ArrayList<>();
    private final List<SolrOutcome> solrHistory = new ArrayList<>();
    private final Map<String, SolrState> events = new LinkedHashMap<>();
    private final Map<String, RevocationList> published = new HashMap<>();

    private Revocations(CertificateRegistry registry, RevocationRules rules, Clock clock) {
        this.registry = registry;
        this.rules = rules;
        this.clock = clock;
    }

    /** Returns the handling of revocations in {@code registry} under {@code policy}, timed by {@code clock}. */
    public static Revocations of(CertificateRegistry registry, RevocationPolicy policy, Clock clock) {
        return new Revocations(
                Objects.requireNonNull(registry, "registry"),
                RevocationRules.of(Objects.requireNonNull(policy, "policy")),
                Objects.requireNonNull(clock, "clock"));
    }

    /** Returns the registry. */
    public CertificateRegistry registry() {
        return registry;
    }

    /** Returns the rules applied. */
    public RevocationRules rules() {
        return rules;
    }

    /**
     * Receives, verifies, decides and, where the rules allow, carries out {@code request}: the certificate is
     * revoked (and waits for the next list), the request is refused under the rule it breaks, or it is held
     * because Section L16 applies (SOLR-5).
     *
     * @throws IllegalArgumentException when no certificate with the request's serial is registered
     */
    public RevocationOutcome submit(RevocationRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (lock) {
            RevocationOutcome outcome = decide(request);
            history.add(outcome);
            LOG.debug("{}", outcome.summary());
            return outcome;
        }
    }

    /** Returns every outcome so far, oldest first. */
    public List<RevocationOutcome> history() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    private RevocationOutcome decide(RevocationRequest request) {
        RegisteredCertificate target = registry.require(request.serial());
        Instant now = now();
        List<RevocationStep> steps = new ArrayList<>();
        Requester requester = request.requester();

        Optional<SolrState> delaying = events.values().stream()
                .filter(s -> s.open && s.delay == Delay.IN_FORCE && s.event.covers(target))
                .findFirst();
        if (delaying.isPresent()) {
            SolrState state = delaying.get();
            state.held.add(request);
            steps.add(new RevocationStep(
                    Stage.RECEIVE,
                    SupplierOfLastResort.HELD_THEN_DECIDED,
                    false,
                    target + " belongs to the failed Supplier '" + state.event.failedSupplier() + "' of SoLR event "
                            + state.event.id() + ", whose revocations the SMKI PMA delays: Section L16 applies and"
                            + " Appendix D §8 does not; the request is held until the delay ends"));
            return new RevocationOutcome(request, Verdict.HELD, now, steps, target);
        }
        steps.add(new RevocationStep(
                Stage.RECEIVE,
                SupplierOfLastResort.DISPLACES_SECTION_8,
                true,
                "no SMKI PMA delay covers " + target + ": Appendix D §8 applies"));

        CrlReason code = crlReason(target, request.reason());
        if (!request.reason().appliesToCertificates()) {
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.RECEIVE,
                    rules.reasons(),
                    "'" + request.reason().slug() + "' is a reason for revoking RA credentials, not certificates");
        }
        steps.add(new RevocationStep(
                Stage.RECEIVE, rules.reasons(), true, request.reason().slug() + " publishes as " + code));

        SourcedRule who = rules.requestersRule(target.kind());
        if (target.kind() == ProfileKind.ROOT_OCA || target.kind() == ProfileKind.ROOT_DCA) {
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.VERIFY,
                    who,
                    target + " is a Root certificate: no list revokes it");
        }
        if (target.kind() == ProfileKind.DEVICE && !rules.policy().deviceCertificatesRevocable()) {
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.VERIFY,
                    who,
                    target + " is a Device Certificate, and Device Certificates are not revoked");
        }
        if (!rules.policy().requesters(target.kind()).contains(requester.kind())) {
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.VERIFY,
                    who,
                    requester + " (" + requester.kind().description() + ") may not request revocation of "
                            + anOf(target.kind()) + " certificate");
        }
        steps.add(new RevocationStep(
                Stage.VERIFY,
                who,
                true,
                requester + " (" + requester.kind().description() + ") may request revocation of " + anOf(target.kind())
                        + " certificate"));

        if (requester.kind() == RequesterKind.AUTHORISED_RESPONSIBLE_OFFICER
                && !requester.actsFor(target.subscriber())) {
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.VERIFY,
                    RevocationRules.VERIFIED_REQUESTER,
                    requester.name() + " is an ARO of '" + requester.party().orElseThrow() + "', not of the"
                            + " Subscriber '" + target.subscriber() + "'");
        }
        steps.add(new RevocationStep(
                Stage.VERIFY,
                RevocationRules.VERIFIED_REQUESTER,
                true,
                requester.kind() == RequesterKind.AUTHORISED_RESPONSIBLE_OFFICER
                        ? requester.name() + " is an ARO of the Subscriber '" + target.subscriber() + "'"
                        : requester.name() + " is verified as "
                                + requester.kind().description()));

        if (target.isRevoked()) {
            Revocation earlier = target.revocation().orElseThrow();
            return refused(
                    request,
                    now,
                    steps,
                    target,
                    Stage.DECIDE,
                    RevocationRules.STATUS_ORDER,
                    target + " was already revoked at " + earlier.revokedAt() + " ("
                            + earlier.reason().slug() + "); revocation is final");
        }
        steps.add(new RevocationStep(
                Stage.DECIDE,
                RevocationRules.STATUS_ORDER,
                true,
                "the certificate is " + target.status().slug() + ", so it may move to revoked"));

        RegisteredCertificate revoked = registry.revoke(target.serial(), new Revocation(now, request.reason(), code));
        steps.add(new RevocationStep(
                Stage.REVOKE,
                RevocationRules.STATUS_ORDER,
                true,
                "revoked at " + now + " for " + request.reason().slug() + "; the status stays revoked"));
        steps.add(new RevocationStep(
                Stage.PUBLISH,
                RevocationRules.PUBLICATION,
                true,
                "it goes on the next " + listName(target.kind()) + " and on every later one"));
        return new RevocationOutcome(request, Verdict.REVOKED, now, steps, revoked);
    }

    private static RevocationOutcome refused(
            RevocationRequest request,
            Instant now,
            List<RevocationStep> steps,
            RegisteredCertificate target,
            Stage stage,
            SourcedRule rule,
            String detail) {
        steps.add(new RevocationStep(stage, rule, false, detail));
        return new RevocationOutcome(request, Verdict.REFUSED, now, steps, target);
    }

    private CrlReason crlReason(RegisteredCertificate target, RevocationReason reason) {
        CrlReason code = rules.policy().crlReason(reason);
        return code == CrlReason.KEY_COMPROMISE && target.kind().isCertificateAuthority()
                ? CrlReason.CA_COMPROMISE
                : code;
    }

    private static String listName(ProfileKind kind) {
        return switch (kind) {
            case ORGANISATION -> "Organisation CRL (signed by the Issuing OCA)";
            case ISSUING_OCA -> "ARL (signed by the Root OCA)";
            case DEVICE -> "Device CRL (signed by the Issuing DCA)";
            case ISSUING_DCA -> "DCA ARL (signed by the Root DCA)";
            default -> "list of its issuer";
        };
    }

    private static String anOf(ProfileKind kind) {
        String name = kind.displayName();
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    // ---- Supplier of Last Resort ----

    /**
     * Opens a SoLR event: from now on the SMKI PMA may delay the revocation of the failed Supplier's certificates.
     *
     * @throws IllegalArgumentException when an event with the same id was opened before
     */
    public SolrStatus openSolrEvent(SolrEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (lock) {
            if (events.containsKey(event.id())) {
                throw new IllegalArgumentException("SoLR event " + event.id() + " was already opened");
            }
            SolrState state = new SolrState(event);
            events.put(event.id(), state);
            LOG.debug("Opened SoLR event {}", event.id());
            return state.status();
        }
    }

    /**
     * Asks, as {@code requester}, to delay the revocation of the failed Supplier's certificates in event
     * {@code eventId}. Granted only to the SMKI PMA (SOLR-1), only while the event is open and some of the failed
     * Supplier's certificates are not yet revoked (SOLR-2), and not again once a delay has ended (SOLR-7, reconstructed).
     */
    public SolrOutcome delayRevocation(String eventId, Requester requester) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(requester, "requester");
        String action = "delay revocation";
        synchronized (lock) {
            SolrState state = events.get(eventId);
            Optional<SolrOutcome> refused = refuseUnlessPmaDuringOpenEvent(
                    eventId,
                    action,
                    requester,
                    state,
                    SupplierOfLastResort.PMA_ONLY,
                    SupplierOfLastResort.DURING_EVENT);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (state.delay == Delay.ENDED) {
                return solr(
                        eventId,
                        action,
                        requester.toString(),
                        Result.REFUSED,
                        SupplierOfLastResort.NO_SECOND_DELAY,
                        "the end condition " + state.endedBy.orElseThrow() + " was reached; revocations proceed");
            }
            if (state.delay == Delay.IN_FORCE) {
                return solr(
                        eventId,
                        action,
                        requester.toString(),
                        Result.GRANTED,
                        SupplierOfLastResort.PMA_ONLY,
                        "the delay is already in force");
            }
            long unrevoked = failedSupplierCertificates(state.event).stream()
                    .filter(c -> !c.isRevoked())
                    .count();
            if (unrevoked == 0) {
                return solr(
                        eventId,
                        action,
                        requester.toString(),
                        Result.REFUSED,
                        SupplierOfLastResort.DURING_EVENT,
                        "every certificate of the failed Supplier '" + state.event.failedSupplier()
                                + "' is already revoked; there is nothing to delay");
            }
            state.delay = Delay.IN_FORCE;
            return solr(
                    eventId,
                    action,
                    requester.toString(),
                    Result.GRANTED,
                    SupplierOfLastResort.PMA_ONLY,
                    "revocation of " + unrevoked + " certificate(s) of '" + state.event.failedSupplier()
                            + "' is delayed so that " + state.event.sharedResourceProvider()
                            + " can keep prepayment customers supplied");
        }
    }

    /**
     * Submits the DCC's own-initiative requests to revoke each certificate of the failed Supplier that is not yet
     * revoked (reason: no longer eligible), and returns their outcomes: revoked, or held while the SMKI PMA's
     * delay is in force.
     *
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     */
    public List<RevocationOutcome> requestFailedSupplierRevocation(String eventId) {
        synchronized (lock) {
            SolrState state = state(eventId);
            List<RevocationOutcome> outcomes = new ArrayList<>();
            for (RegisteredCertificate certificate : failedSupplierCertificates(state.event)) {
                if (!certificate.isRevoked()) {
                    outcomes.add(submit(RevocationRequest.of(
                            certificate.serial(), RevocationReason.NO_LONGER_ELIGIBLE, Requester.dcc())));
                }
            }
            return List.copyOf(outcomes);
        }
    }

    /**
     * Records that {@code condition} was reached in event {@code eventId} (SOLR-3): a delay in force ends, and
     * the requests held under it are decided under Appendix D §8, oldest first; their outcomes are returned. A
     * delay cannot be granted after this.
     *
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     */
    public List<RevocationOutcome> endRevocationDelay(String eventId, SolrEndCondition condition) {
        Objects.requireNonNull(condition, "condition");
        synchronized (lock) {
            SolrState state = state(eventId);
            if (state.delay == Delay.ENDED) {
                return List.of();
            }
            boolean wasInForce = state.delay == Delay.IN_FORCE;
            state.delay = Delay.ENDED;
            state.endedBy = Optional.of(condition);
            List<RevocationRequest> held = List.copyOf(state.held);
            state.held.clear();
            solr(
                    eventId,
                    "end revocation delay",
                    condition == SolrEndCondition.PMA_DISCRETION ? "smki-pma" : "reported",
                    Result.COMPLETED,
                    condition == SolrEndCondition.PMA_DISCRETION
                            ? SupplierOfLastResort.PMA_MAY_END
                            : SupplierOfLastResort.END_CONDITION,
                    condition
                            + (wasInForce
                                    ? "; " + held.size() + " held request(s) proceed"
                                    : "; no delay was in force"));
            List<RevocationOutcome> outcomes = new ArrayList<>();
            for (RevocationRequest request : held) {
                outcomes.add(submit(request));
            }
            return List.copyOf(outcomes);
        }
    }

    /**
     * Asks, as {@code requester}, to delay the transfer of the failed Supplier's MPIDs to the SoLR (MP185,
     * SOLR-4): granted only to the SMKI PMA, only while the event is open and the MPIDs are not yet transferred.
     */
    public SolrOutcome delayMpidTransfer(String eventId, Requester requester) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(requester, "requester");
        String action = "delay MPID transfer";
        synchronized (lock) {
            SolrState state = events.get(eventId);
            SourcedRule rule = SupplierOfLastResort.MPID_TRANSFER;
            Optional<SolrOutcome> refused =
                    refuseUnlessPmaDuringOpenEvent(eventId, action, requester, state, rule, rule);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (state.mpids == MpidTransfer.TRANSFERRED) {
                return solr(
                        eventId,
                        action,
                        requester.toString(),
                        Result.REFUSED,
                        rule,
                        "the MPIDs of '" + state.event.failedSupplier() + "' were already transferred");
            }
            state.mpids = MpidTransfer.DELAYED;
            return solr(
                    eventId,
                    action,
                    requester.toString(),
                    Result.GRANTED,
                    rule,
                    "the MPIDs of '" + state.event.failedSupplier() + "' stay with it until "
                            + state.event.supplierOfLastResort()
                            + " agrees the transfer with the SMKI PMA and the DCC");
        }
    }

    /**
     * Attempts the DCC's transfer of the failed Supplier's MPIDs to the SoLR: held while the SMKI PMA delays it
     * (SOLR-4), otherwise completed.
     *
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     */
    public SolrOutcome transferMpids(String eventId) {
        synchronized (lock) {
            SolrState state = state(eventId);
            String actor = Requester.dcc().toString();
            if (state.mpids == MpidTransfer.DELAYED) {
                return solr(
                        eventId,
                        "transfer MPIDs",
                        actor,
                        Result.HELD,
                        SupplierOfLastResort.MPID_TRANSFER,
                        "the SMKI PMA delays the transfer until " + state.event.supplierOfLastResort()
                                + " agrees it with the SMKI PMA and the DCC");
            }
            return completeTransfer(state, "transfer MPIDs", actor);
        }
    }

    /**
     * Records that the SoLR agreed the MPID transfer with the SMKI PMA and the DCC once the agreed information was
     * in place (MP185): a delay ends and the transfer is completed.
     *
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     */
    public SolrOutcome agreeMpidTransfer(String eventId) {
        synchronized (lock) {
            SolrState state = state(eventId);
            return completeTransfer(
                    state,
                    "agree MPID transfer",
                    state.event.supplierOfLastResort() + " with the SMKI PMA and the DCC");
        }
    }

    private SolrOutcome completeTransfer(SolrState state, String action, String actor) {
        if (state.mpids == MpidTransfer.TRANSFERRED) {
            return solr(
                    state.event.id(),
                    action,
                    actor,
                    Result.COMPLETED,
                    SupplierOfLastResort.MPID_TRANSFER,
                    "the MPIDs were already transferred");
        }
        state.mpids = MpidTransfer.TRANSFERRED;
        return solr(
                state.event.id(),
                action,
                actor,
                Result.COMPLETED,
                SupplierOfLastResort.MPID_TRANSFER,
                "the MPIDs of '" + state.event.failedSupplier() + "' now belong to "
                        + state.event.supplierOfLastResort());
    }

    /**
     * Closes event {@code eventId}: no delay is granted in it any more.
     *
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     * @throws IllegalStateException while its revocation delay is in force (an end condition must be reached first)
     */
    public SolrStatus closeSolrEvent(String eventId) {
        synchronized (lock) {
            SolrState state = state(eventId);
            if (state.delay == Delay.IN_FORCE) {
                throw new IllegalStateException(SupplierOfLastResort.END_CONDITION.id() + ": SoLR event " + eventId
                        + " still delays revocations; report an end condition first");
            }
            state.open = false;
            return state.status();
        }
    }

    /**
     * Returns where event {@code eventId} stands.
     *
     * @throws IllegalArgumentException when no event {@code eventId} was opened
     */
    public SolrStatus solrEvent(String eventId) {
        synchronized (lock) {
            return state(eventId).status();
        }
    }

    /** Returns every SoLR step so far, oldest first. */
    public List<SolrOutcome> solrHistory() {
        synchronized (lock) {
            return List.copyOf(solrHistory);
        }
    }

    private List<RegisteredCertificate> failedSupplierCertificates(SolrEvent event) {
        return registry.bySubscriber(event.failedSupplier());
    }

    private SolrState state(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        SolrState state = events.get(eventId);
        if (state == null) {
            throw new IllegalArgumentException("No SoLR event " + eventId + " was opened");
        }
        return state;
    }

    /**
     * Returns the refusal of a delay asked by anyone but the SMKI PMA (citing {@code pmaRule}) or outside an open
     * event (citing {@code eventRule}), or empty when neither applies.
     */
    private Optional<SolrOutcome> refuseUnlessPmaDuringOpenEvent(
            String eventId,
            String action,
            Requester requester,
            SolrState state,
            SourcedRule pmaRule,
            SourcedRule eventRule) {
        if (requester.kind() != RequesterKind.SMKI_PMA) {
            return Optional.of(solr(
                    eventId,
                    action,
                    requester.toString(),
                    Result.REFUSED,
                    pmaRule,
                    requester + " is not the SMKI PMA"));
        }
        if (state == null || !state.open) {
            return Optional.of(solr(
                    eventId,
                    action,
                    requester.toString(),
                    Result.REFUSED,
                    eventRule,
                    state == null
                            ? "no SoLR event " + eventId + " was opened"
                            : "SoLR event " + eventId + " is closed"));
        }
        return Optional.empty();
    }

    private SolrOutcome solr(
            String eventId, String action, String actor, Result result, SourcedRule rule, String message) {
        SolrOutcome outcome = new SolrOutcome(eventId, action, actor, result, rule, message);
        solrHistory.add(outcome);
        LOG.debug("{}", outcome);
        return outcome;
    }

    /** The mutable state of one SoLR event, guarded by the lock. */
    private static final class SolrState {
        final SolrEvent event;
        boolean open = true;
        Delay delay = Delay.NOT_DELAYED;
        Optional<SolrEndCondition> endedBy = Optional.empty();
        MpidTransfer mpids = MpidTransfer.DUE;
        final List<RevocationRequest> held = new ArrayList<>();

        SolrState(SolrEvent event) {
            this.event = event;
        }

        SolrStatus status() {
            return new SolrStatus(event, open, delay, endedBy, mpids, held);
        }
    }

    // ---- publication ----

    /**
     * Publishes the next list of {@code signer}: the Organisation CRL when it is the Issuing OCA, the ARL when it
     * is the Root OCA (and likewise on the DCA side). It holds every entry of the previous list and every
     * certificate the signer issued that is revoked in the registry (REV-7), with the next cRLNumber, thisUpdate
     * now and nextUpdate the policy's interval later (REV-8).
     *
     * @throws IllegalArgumentException when {@code signer} is not a CA certificate, or the clock is before the
     *     previous list's thisUpdate
     * @throws IllegalStateException when the PKI does not hold the signer's private key
     */
    public RevocationList publish(IssuedCertificate signer) {
        Objects.requireNonNull(signer, "signer");
        if (!signer.kind().isCertificateAuthority()) {
            throw new IllegalArgumentException(signer + " is not a CA certificate and signs no list");
        }
        synchronized (lock) {
            String keyId = CertificateFacts.hex(signer.subjectKeyIdentifier());
            BigInteger own = signer.serialNumber();
            List<RegisteredCertificate> revoked = registry.issuedBy(keyId).stream()
                    .filter(RegisteredCertificate::isRevoked)
                    .filter(entry -> !entry.serial().equals(own))
                    .toList();
            RevocationList list = ListIssuer.next(
                    signer,
                    Optional.ofNullable(published.get(keyId)),
                    revoked,
                    now(),
                    rules.policy().nextUpdateInterval());
            published.put(keyId, list);
            LOG.debug("Published {}", list);
            return list;
        }
    }

    /** Returns the last list {@code signer} published (or that was {@linkplain #recordPublished recorded}). */
    public Optional<RevocationList> lastPublished(IssuedCertificate signer) {
        Objects.requireNonNull(signer, "signer");
        synchronized (lock) {
            return Optional.ofNullable(published.get(CertificateFacts.hex(signer.subjectKeyIdentifier())));
        }
    }

    /**
     * Records {@code list}, published earlier by {@code signer}, as its last list, so that the next one follows it.
     *
     * @throws IllegalArgumentException when {@code signer} did not sign it, it is older than the list already
     *     recorded, or it names a registered certificate the registry does not record as revoked
     */
    public void recordPublished(IssuedCertificate signer, RevocationList list) {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(list, "list");
        if (!list.isSignedBy(signer)) {
            throw new IllegalArgumentException(list + " was not signed by " + signer);
        }
        synchronized (lock) {
            String keyId = CertificateFacts.hex(signer.subjectKeyIdentifier());
            RevocationList current = published.get(keyId);
            if (current != null && current.number().compareTo(list.number()) > 0) {
                throw new IllegalArgumentException(
                        list + " is older than the recorded CRL #" + current.number() + " (REV-8)");
            }
            for (RevocationList.Entry entry : list.entries()) {
                registry.find(entry.serial()).filter(c -> !c.isRevoked()).ifPresent(c -> {
                    throw new IllegalArgumentException(
                            list + " lists " + c + ", which the registry does not record as revoked (REV-1)");
                });
            }
            published.put(keyId, list);
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
