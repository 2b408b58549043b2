package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.OFGEM;
import static dev.smki.recovery.procedures.Actors.SHARED_RESOURCE_PROVIDER;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static dev.smki.recovery.procedures.Actors.SUPPLIER_OF_LAST_RESORT;

import dev.smki.core.device.Device;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationOutcome;
import dev.smki.core.revocation.SolrEndCondition;
import dev.smki.core.revocation.SolrEvent;
import dev.smki.core.revocation.SolrServiceRequests;
import dev.smki.core.revocation.SolrStatus;
import dev.smki.core.revocation.Subscriber;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SOLR: the Supplier of Last Resort exception to revocation (MP134A with MP185, SEC Section L16; recovery.md §3.3,
 * verified): in a SoLR event only the SMKI PMA may delay the revocation of the failed Supplier's certificates
 * (and the transfer of its MPIDs), so that a Shared Resource Provider can keep prepayment customers supplied; the
 * delay ends when they are protected or the SoLR takes responsibility, and the held revocations then proceed.
 *
 * <p>What the delay is for shows at S5 and S10: Service Requests signed with the failed Supplier's certificate are
 * accepted while its revocation is delayed and refused once it is revoked (SOLR-9). The SMKI PMA may end the delay at
 * its discretion (SOLR-8). The MPID transfer (S8) waits for the SoLR's agreement only, not for the end of the
 * revocation
 * delay: no source ties the two, so the plan's order, not a prerequisite, puts it last. The rules are those of {@link
 * dev.smki.core.revocation.SupplierOfLastResort} (SOLR-1 to SOLR-10), which a rehearsal applies through {@link
 * dev.smki.core.revocation.Revocations}; the guards here refuse
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

    /** S10: a Service Request signed with the failed Supplier's certificate once it is revoked: refused. */
    public static final StepId REFUSED_ONCE_REVOKED = StepId.of("S10");

    /** How many prepayment Devices the Shared Resource Provider's Service Requests address in a rehearsal (S5). */
    static final int SAFE_MODE_REQUESTS = 3;

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
                    + " or when the SMKI PMA ends it at its discretion (SOLR-8); only a delay in force can end.")
            .citing(Sources.MP134A, Confidence.INFERRED)
            .when(in -> in.payload(EndCondition.class).isPresent()
                    && in.context()
                            .revocation()
                            .solrEvent()
                            .map(SolrStatus::isDelayInForce)
                            .orElse(false));

    private SupplierOfLastResortDelay() {}

    private static String failed(IncidentState s) {
        return Subscriber.ofRole(s.setup().role()).name();
    }

    /**
     * Sends Service Requests for the first Relevant Devices, signed with the failed Supplier's certificate, and returns
     * how the DCC answered them (SOLR-9, SOLR-10): what the delay is for.
     */
    private static String serviceRequests(IncidentState s, String what) {
        SolrServiceRequests dcc = SolrServiceRequests.of(s.revocation().revocations());
        List<Device> devices = s.fleet().relevant();
        int count = Math.min(SAFE_MODE_REQUESTS, devices.size());
        Map<String, Long> answers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            SolrServiceRequests.ServiceRequestOutcome outcome = dcc.check(
                    s.revocation().solrId(),
                    SolrServiceRequests.sign(
                            what + " for " + devices.get(i).eui64(),
                            s.compromisedCertificate().parsed(),
                            SigningKey.of(s.compromisedCertificate())));
            answers.merge(outcome.toString(), 1L, Long::sum);
        }
        StringBuilder note = new StringBuilder()
                .append(count)
                .append(count == 1 ? " Service Request (" : " Service Requests (")
                .append(what)
                .append(") signed with ")
                .append(s.compromisedCertificate())
                .append(":");
        answers.forEach((answer, n) -> note.append(' ').append(n).append(' ').append(answer));
        return note.toString();
    }

    /** {@return the procedure with the default settings} */
    public static Procedure<IncidentState> definition() {
        return definition(ProcedureSettings.defaults());
    }

    /**
     * {@return the procedure with {@code settings}' durations and omitted steps}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
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
                .citing(Confidence.VERIFIED, Sources.SOLR_DELAY, Sources.MP134A, Sources.note("§3.3"))
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
                .exec(
                        SAFE_MODE,
                        "Prepayment customers put into a safe mode by the Shared Resource Provider, with the failed"
                                + " Supplier's certificates",
                        SHARED_RESOURCE_PROVIDER)
                .after(REVOCATION_DELAYED)
                .citing(Confidence.VERIFIED, Sources.MP134A, Sources.MP185, Sources.SOLR_DELAY, Sources.note("§3.3"))
                .does((s, attempt) -> serviceRequests(s, "safe mode"))
                .exec(
                        DELAY_ENDED,
                        "Delay ended: customers protected or the SoLR responsible (or by the SMKI PMA's discretion,"
                                + " SOLR-8, inferred)",
                        SMKI_PMA,
                        SUPPLIER_OF_LAST_RESORT)
                .after(REVOCATION_REQUESTED)
                .guardedBy(DELAY_IN_FORCE)
                .citing(Confidence.VERIFIED, Sources.MP134A, Sources.note("§3.3 (the SMKI PMA's discretion [I])"))
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
                .post(
                        REFUSED_ONCE_REVOKED,
                        "Service Request signed with the failed Supplier's certificate once it is revoked: refused",
                        SHARED_RESOURCE_PROVIDER)
                .after(DELAY_ENDED)
                .citing(Confidence.INFERRED, Sources.MP134A, Sources.note("§3.3"))
                .does((s, attempt) -> serviceRequests(s, "emergency credit"))
                .post(
                        MPIDS_TRANSFERRED,
                        "MPIDs transferred to the SoLR once it agreed the transfer (not bound to wait for the end of the"
                                + " revocation delay)",
                        DCC)
                .after(MPID_TRANSFER_DELAYED)
                .citing(Confidence.VERIFIED, Sources.MP185, Sources.note("§3.3"))
                .does((s, attempt) -> s.revocation()
                        .revocations()
                        .agreeMpidTransfer(s.revocation().solrId())
                        .toString())
                .post(CLOSED, "SoLR event closed", DCC)
                .after(PUBLISHED, MPIDS_TRANSFERRED, REFUSED_ONCE_REVOKED)
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

        /**
         * Checks the components.
         *
         * @param condition the end condition reached
         * @throws NullPointerException when a component is null
         */
        public EndCondition {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public PayloadSummary summary() {
            return PayloadSummary.of("endCondition", condition.name());
        }
    }
}
