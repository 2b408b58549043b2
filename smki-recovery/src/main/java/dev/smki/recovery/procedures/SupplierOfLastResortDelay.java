package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.OFGEM;
import static dev.smki.recovery.procedures.Actors.SHARED_RESOURCE_PROVIDER;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static dev.smki.recovery.procedures.Actors.SUPPLIER_OF_LAST_RESORT;

import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.revocation.CertificateRegistry;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationOutcome;
import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.core.revocation.SolrEvent;
import dev.smki.core.revocation.SolrStatus;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.Objects;

/**
 * SOLR: the Supplier of Last Resort exception to revocation (MP134A with MP185, SEC Section L16; recovery.md §3.3,
 * verified): in a SoLR event only the SMKI PMA may delay the revocation of the failed Supplier's certificates
 * (and the transfer of its MPIDs), so that a Shared Resource Provider can keep prepayment customers supplied; the
 * delay ends when they are protected or the SoLR takes responsibility, and the held revocations then proceed.
 *
 * <p>The rules are the revocation issue's ({@link dev.smki.core.revocation.SupplierOfLastResort}, SOLR-1 to
 * SOLR-5), which a rehearsal applies through {@link dev.smki.core.revocation.Revocations}; the guards here refuse
 * the steps those rules would refuse, so that the refusal is journalled (REC-12): the delay only in an open event
 * not yet delayed, the end only while a delay is in force.
 */
public final class SupplierOfLastResortDelay {

    /** S1: Ofgem appoints a Supplier of Last Resort; the SoLR event opens. */
    public static final StepId APPOINTED = StepId.of("S1");

    /** S2: the SMKI PMA delays the revocation of the failed Supplier's certificates. */
    public static final StepId REVOCATION_DELAYED = StepId.of("S2");

    /** S3: the SMKI PMA delays the transfer of the failed Supplier's MPIDs (MP185). */
    public static final StepId MPID_TRANSFER_DELAYED = StepId.of("S3");

    /** S4: the DCC requests revocation of the failed Supplier's certificates; the requests are held. */
    public static final StepId REVOCATION_REQUESTED = StepId.of("S4");

    /** S5: the Shared Resource Provider puts prepayment customers into a safe mode. */
    public static final StepId SAFE_MODE = StepId.of("S5");

    /** S6: an end condition is reached; the delay ends and the held revocations proceed. */
    public static final StepId DELAY_ENDED = StepId.of("S6");

    /** S7: the revocations are published on the Organisation CRL. */
    public static final StepId PUBLISHED = StepId.of("S7");

    /** S8: the MPIDs are transferred to the SoLR once it has agreed the transfer. */
    public static final StepId MPIDS_TRANSFERRED = StepId.of("S8");

    /** S9: the SoLR event closes. */
    public static final StepId CLOSED = StepId.of("S9");

    /** The procedure's name. */
    public static final String NAME = "SOLR";

    /** REC-12: a delay is granted only in an open SoLR event not delayed before. */
    public static final Guard<IncidentState> IN_SOLR_EVENT = Guard.<IncidentState>rule(
                    RuleId.of("REC-12"), "SoLR event")
            .stating("Only the SMKI PMA delays revocation, and only in an open Supplier of Last Resort event whose"
                    + " revocations are not delayed yet or already released.")
            .citing(Sources.MP134A, Confidence.VERIFIED)
            .when(in -> in.context()
                    .revocation()
                    .solrEvent()
                    .map(s -> s.open() && s.revocationDelay() == SolrStatus.Delay.NOT_DELAYED)
                    .orElse(false));

    /** REC-12: the delay ends (with an end condition) only while it is in force. */
    public static final Guard<IncidentState> DELAY_IN_FORCE = Guard.<IncidentState>rule(
                    RuleId.of("REC-12"), "delay in force")
            .stating("The delay ends as soon as prepayment customers are protected or the SoLR takes responsibility,"
                    + " and only a delay in force can end.")
            .citing(Sources.MP134A, Confidence.VERIFIED)
            .when(in -> in.payload(EndCondition.class).isPresent()
                    && in.context()
                            .revocation()
                            .solrEvent()
                            .map(SolrStatus::isDelayInForce)
                            .orElse(false));

    private SupplierOfLastResortDelay() {}

    private static String failed(IncidentState s) {
        return CertificateRegistry.subscriberOf(s.setup().role());
    }

    /** Returns the procedure with the default settings. */
    public static Procedure<IncidentState> definition() {
        return definition(ProcedureSettings.defaults());
    }

    /** Returns the procedure with {@code settings}' durations and omitted steps. */
    public static Procedure<IncidentState> definition(ProcedureSettings settings) {
        return settings.applyTo(steps(settings));
    }

    static Procedure<IncidentState> steps(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return Procedure.<IncidentState>named(NAME)
                .pre(APPOINTED, "Supplier of Last Resort appointed; SoLR event opened", OFGEM)
                .citing(Confidence.VERIFIED, Sources.MP134A, Sources.note("§3.3"))
                .offering((s, item) ->
                        Payload.of(PayloadSummary.of("failedSupplier", failed(s), "supplierOfLastResort", "solr")))
                .does((s, attempt) -> {
                    SolrEvent event =
                            SolrEvent.of("SOLR-" + s.incident().value(), failed(s), "solr", "shared-resource-provider");
                    s.revocation().openSolr(event);
                    return s.fleet().scope(s.compromisedCertificate()) + "; SoLR event " + event.id() + " opened";
                })
                .pre(REVOCATION_DELAYED, "Revocation of the failed Supplier's certificates delayed", SMKI_PMA)
                .after(APPOINTED)
                .guardedBy(IN_SOLR_EVENT)
                .citing(Confidence.VERIFIED, Sources.MP134A, Sources.note("§3.3"))
                .does((s, attempt) -> s.revocation()
                        .revocations()
                        .delayRevocation(s.revocation().solrId(), Requester.smkiPma())
                        .toString())
                .pre(MPID_TRANSFER_DELAYED, "Transfer of the failed Supplier's MPIDs delayed", SMKI_PMA)
                .after(APPOINTED)
                .citing(Confidence.VERIFIED, Sources.MP185, Sources.note("§3.3"))
                .does((s, attempt) -> s.revocation()
                        .revocations()
                        .delayMpidTransfer(s.revocation().solrId(), Requester.smkiPma())
                        .toString())
                .exec(REVOCATION_REQUESTED, "Revocation of the failed Supplier's certificates requested and held", DCC)
                .after(REVOCATION_DELAYED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§3.3"))
                .does((s, attempt) -> s.revocation()
                                .revocations()
                                .requestFailedSupplierRevocation(s.revocation().solrId())
                                .size()
                        + " revocations of " + failed(s) + "'s certificates requested; "
                        + s.revocation().solrEvent().orElseThrow().held().size() + " held under Section L16")
                .exec(SAFE_MODE, "Prepayment customers put into a safe mode", SHARED_RESOURCE_PROVIDER)
                .after(REVOCATION_DELAYED)
                .citing(Confidence.VERIFIED, Sources.MP134A, Sources.MP185, Sources.note("§3.3"))
                .does((s, attempt) -> "prepayment customers of " + failed(s) + " in safe mode")
                .exec(
                        DELAY_ENDED,
                        "End condition reached: customers protected or the SoLR responsible",
                        SMKI_PMA,
                        SUPPLIER_OF_LAST_RESORT)
                .after(SAFE_MODE, REVOCATION_REQUESTED)
                .guardedBy(DELAY_IN_FORCE)
                .citing(Confidence.VERIFIED, Sources.MP134A, Sources.note("§3.3"))
                .offering((s, item) -> new EndCondition(s.choices().solrEnd()))
                .does(
                        (s, attempt) -> s
                                        .revocation()
                                        .revocations()
                                        .endRevocationDelay(
                                                s.revocation().solrId(),
                                                s.choices().solrEnd())
                                        .stream()
                                        .filter(RevocationOutcome::isRevoked)
                                        .count()
                                + " certificates of " + failed(s) + " revoked")
                .post(PUBLISHED, "Revocations published on the Organisation CRL", DCC)
                .after(DELAY_ENDED)
                .citing(Confidence.MEMORY, Sources.note("§3.2 publication"))
                .does((s, attempt) -> s.revocation().publish(s.pki().current().issuingOca()))
                .post(MPIDS_TRANSFERRED, "MPIDs transferred to the SoLR once it agreed the transfer", DCC)
                .after(MPID_TRANSFER_DELAYED, DELAY_ENDED)
                .citing(Confidence.VERIFIED, Sources.MP185, Sources.note("§3.3"))
                .does((s, attempt) -> s.revocation()
                        .revocations()
                        .agreeMpidTransfer(s.revocation().solrId())
                        .toString())
                .post(CLOSED, "SoLR event closed", DCC)
                .after(PUBLISHED, MPIDS_TRANSFERRED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§6.2 SOLR"))
                .does((s, attempt) -> s.revocation()
                                .revocations()
                                .closeSolrEvent(s.revocation().solrId())
                                .open()
                        ? "SoLR event still open"
                        : "SoLR event " + s.revocation().solrId() + " closed")
                .deadline("T_solrDelay", REVOCATION_DELAYED, DELAY_ENDED, settings.duration("T_solrDelay"))
                .build();
    }

    /**
     * What ended the delay: S6's payload.
     *
     * @param condition the end condition reached
     */
    public record EndCondition(SolrEndCondition condition) implements Payload {

        public EndCondition {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public PayloadSummary summary() {
            return PayloadSummary.of("endCondition", condition.name());
        }
    }
}
