package dev.smki.core.revocation;

import dev.smki.core.provenance.SourcedRule;
import dev.smki.core.revocation.SolrOutcome.Result;
import dev.smki.core.revocation.SolrStatus.Delay;
import dev.smki.core.revocation.SolrStatus.MpidTransfer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Supplier of Last Resort events over one registry, under the rules of {@link SupplierOfLastResort}: each event's
 * revocation delay, the requests held under it, and the transfer of the failed Supplier's MPIDs; every step's
 * outcome is kept. Deciding the requests is not done here: {@link Revocations} submits those an event lets go. Not
 * thread-safe: {@link Revocations} calls it under its lock.
 */
final class SolrEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SolrEvents.class);

    private final CertificateRegistry registry;
    private final Map<SolrEventId, State> events = new LinkedHashMap<>();
    private final List<SolrOutcome> history = new ArrayList<>();

    SolrEvents(CertificateRegistry registry) {
        this.registry = registry;
    }

    /** Opens {@code event}; throws IllegalArgumentException when an event with its id was opened before. */
    SolrStatus open(SolrEvent event) {
        if (events.containsKey(event.id())) {
            throw new IllegalArgumentException("SoLR event " + event.id() + " was already opened");
        }
        State state = new State(event);
        events.put(event.id(), state);
        LOG.debug("Opened SoLR event {}", event.id());
        return state.status();
    }

    /** Returns the open event whose revocation delay, in force, covers {@code target}, if any (SOLR-5). */
    Optional<SolrEvent> delaying(RegisteredCertificate target) {
        return events.values().stream()
                .filter(s -> s.open && s.delay == Delay.IN_FORCE && s.event.covers(target))
                .map(s -> s.event)
                .findFirst();
    }

    /** Keeps {@code request}, held under the delay of event {@code id} (SOLR-6). */
    void hold(SolrEventId id, RevocationRequest request) {
        state(id).held.add(request);
    }

    /** SOLR-1, SOLR-2, SOLR-7: the SMKI PMA's delay of the failed Supplier's revocations. */
    SolrOutcome delayRevocation(SolrEventId id, Requester requester) {
        String action = "delay revocation";
        @Nullable State state = events.get(id);
        Optional<SolrOutcome> refused = refuseUnlessPmaDuringOpenEvent(
                id, action, requester, state, SupplierOfLastResort.PMA_ONLY, SupplierOfLastResort.DURING_EVENT);
        if (refused.isPresent()) {
            return refused.get();
        }
        String actor = requester.toString();
        if (state.delay == Delay.ENDED) {
            return record(
                    id,
                    action,
                    actor,
                    Result.REFUSED,
                    SupplierOfLastResort.NO_SECOND_DELAY,
                    "the end condition " + state.endedBy.orElseThrow() + " was reached; revocations proceed");
        }
        if (state.delay == Delay.IN_FORCE) {
            return record(
                    id, action, actor, Result.GRANTED, SupplierOfLastResort.PMA_ONLY, "the delay is already in force");
        }
        long unrevoked = registry.bySubscriber(state.event.failedSupplier()).stream()
                .filter(c -> !c.isRevoked())
                .count();
        if (unrevoked == 0) {
            return record(
                    id,
                    action,
                    actor,
                    Result.REFUSED,
                    SupplierOfLastResort.DURING_EVENT,
                    "every certificate of the failed Supplier '" + state.event.failedSupplier()
                            + "' is already revoked; there is nothing to delay");
        }
        state.delay = Delay.IN_FORCE;
        return record(
                id,
                action,
                actor,
                Result.GRANTED,
                SupplierOfLastResort.PMA_ONLY,
                "revocation of " + unrevoked + " certificate(s) of '" + state.event.failedSupplier()
                        + "' is delayed so that " + state.event.sharedResourceProvider()
                        + " can keep prepayment customers supplied");
    }

    /**
     * Returns the DCC's own-initiative requests to revoke each certificate of event {@code id}'s failed Supplier that
     * is not yet revoked (reason: no longer eligible).
     */
    List<RevocationRequest> failedSupplierRevocations(SolrEventId id) {
        State state = state(id);
        return registry.bySubscriber(state.event.failedSupplier()).stream()
                .filter(c -> !c.isRevoked())
                .map(c -> RevocationRequest.of(c.serial(), RevocationReason.NO_LONGER_ELIGIBLE, Requester.dcc()))
                .toList();
    }

    /**
     * SOLR-3, SOLR-8: records that {@code condition} was reached in event {@code id}; a delay in force ends, and the
     * requests held under it are returned, oldest first, for deciding under Appendix D §8. Nothing is returned when
     * the delay had already ended.
     */
    List<RevocationRequest> endDelay(SolrEventId id, SolrEndCondition condition) {
        State state = state(id);
        if (state.delay == Delay.ENDED) {
            return List.of();
        }
        boolean wasInForce = state.delay == Delay.IN_FORCE;
        state.delay = Delay.ENDED;
        state.endedBy = Optional.of(condition);
        List<RevocationRequest> held = List.copyOf(state.held);
        state.held.clear();
        boolean discretion = condition == SolrEndCondition.PMA_DISCRETION;
        record(
                id,
                "end revocation delay",
                discretion ? "smki-pma" : "reported",
                Result.COMPLETED,
                discretion ? SupplierOfLastResort.PMA_MAY_END : SupplierOfLastResort.END_CONDITION,
                condition + (wasInForce ? "; " + held.size() + " held request(s) proceed" : "; no delay was in force"));
        return held;
    }

    /** SOLR-4: the SMKI PMA's delay of the MPID transfer (MP185). */
    SolrOutcome delayMpidTransfer(SolrEventId id, Requester requester) {
        String action = "delay MPID transfer";
        @Nullable State state = events.get(id);
        SourcedRule rule = SupplierOfLastResort.MPID_TRANSFER;
        Optional<SolrOutcome> refused = refuseUnlessPmaDuringOpenEvent(id, action, requester, state, rule, rule);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (state.mpids == MpidTransfer.TRANSFERRED) {
            return record(
                    id,
                    action,
                    requester.toString(),
                    Result.REFUSED,
                    rule,
                    "the MPIDs of '" + state.event.failedSupplier() + "' were already transferred");
        }
        state.mpids = MpidTransfer.DELAYED;
        return record(
                id,
                action,
                requester.toString(),
                Result.GRANTED,
                rule,
                "the MPIDs of '" + state.event.failedSupplier() + "' stay with it until "
                        + state.event.supplierOfLastResort() + " agrees the transfer with the SMKI PMA and the DCC");
    }

    /** SOLR-4: the DCC's transfer of the MPIDs, held while the SMKI PMA delays it. */
    SolrOutcome transferMpids(SolrEventId id) {
        State state = state(id);
        String actor = Requester.dcc().toString();
        if (state.mpids == MpidTransfer.DELAYED) {
            return record(
                    id,
                    "transfer MPIDs",
                    actor,
                    Result.HELD,
                    SupplierOfLastResort.MPID_TRANSFER,
                    "the SMKI PMA delays the transfer until " + state.event.supplierOfLastResort()
                            + " agrees it with the SMKI PMA and the DCC");
        }
        return completeTransfer(state, "transfer MPIDs", actor);
    }

    /** MP185: the SoLR agreed the transfer with the SMKI PMA and the DCC; a delay ends and the transfer completes. */
    SolrOutcome agreeMpidTransfer(SolrEventId id) {
        State state = state(id);
        return completeTransfer(
                state, "agree MPID transfer", state.event.supplierOfLastResort() + " with the SMKI PMA and the DCC");
    }

    private SolrOutcome completeTransfer(State state, String action, String actor) {
        if (state.mpids == MpidTransfer.TRANSFERRED) {
            return record(
                    state.event.id(),
                    action,
                    actor,
                    Result.COMPLETED,
                    SupplierOfLastResort.MPID_TRANSFER,
                    "the MPIDs were already transferred");
        }
        state.mpids = MpidTransfer.TRANSFERRED;
        return record(
                state.event.id(),
                action,
                actor,
                Result.COMPLETED,
                SupplierOfLastResort.MPID_TRANSFER,
                "the MPIDs of '" + state.event.failedSupplier() + "' now belong to "
                        + state.event.supplierOfLastResort());
    }

    /** Closes event {@code id}; throws IllegalStateException while its delay is in force (SOLR-3). */
    SolrStatus close(SolrEventId id) {
        State state = state(id);
        if (state.delay == Delay.IN_FORCE) {
            throw new IllegalStateException(SupplierOfLastResort.END_CONDITION.id() + ": SoLR event " + id
                    + " still delays revocations; report an end condition first");
        }
        state.open = false;
        return state.status();
    }

    /** Returns where event {@code id} stands. */
    SolrStatus status(SolrEventId id) {
        return state(id).status();
    }

    /** Returns every SoLR step so far, oldest first. */
    List<SolrOutcome> history() {
        return List.copyOf(history);
    }

    private State state(SolrEventId id) {
        Objects.requireNonNull(id, "id");
        State state = events.get(id);
        if (state == null) {
            throw new IllegalArgumentException("No SoLR event " + id + " was opened");
        }
        return state;
    }

    /**
     * Returns the refusal of a delay asked by anyone but the SMKI PMA (citing {@code pmaRule}) or outside an open
     * event (citing {@code eventRule}), or empty when neither applies.
     */
    private Optional<SolrOutcome> refuseUnlessPmaDuringOpenEvent(
            SolrEventId id,
            String action,
            Requester requester,
            @Nullable State state,
            SourcedRule pmaRule,
            SourcedRule eventRule) {
        if (requester.kind() != RequesterKind.SMKI_PMA) {
            return Optional.of(record(
                    id, action, requester.toString(), Result.REFUSED, pmaRule, requester + " is not the SMKI PMA"));
        }
        if (state == null || !state.open) {
            return Optional.of(record(
                    id,
                    action,
                    requester.toString(),
                    Result.REFUSED,
                    eventRule,
                    state == null ? "no SoLR event " + id + " was opened" : "SoLR event " + id + " is closed"));
        }
        return Optional.empty();
    }

    private SolrOutcome record(
            SolrEventId id, String action, String actor, Result result, SourcedRule rule, String message) {
        SolrOutcome outcome = new SolrOutcome(id, action, actor, result, rule, message);
        history.add(outcome);
        LOG.debug("{}", outcome);
        return outcome;
    }

    /** The mutable state of one SoLR event. */
    private static final class State {
        final SolrEvent event;
        boolean open = true;
        Delay delay = Delay.NOT_DELAYED;
        Optional<SolrEndCondition> endedBy = Optional.empty();
        MpidTransfer mpids = MpidTransfer.DUE;
        final List<RevocationRequest> held = new ArrayList<>();

        State(SolrEvent event) {
            this.event = event;
        }

        SolrStatus status() {
            return new SolrStatus(event, open, delay, endedBy, mpids, held);
        }
    }
}
