package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.ARO;
import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SMKI_PMA;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;

import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationReason;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * REVOKE: revocation of an Organisation or OCA certificate: request, verification and decision under the
 * revocation rules, publication (recovery.md §3.2 and §6.2: reconstructed from RFC 3647 §4.9 filled in with SMKI
 * roles; the rules themselves are {@link dev.smki.core.revocation.RevocationRules}, which a rehearsal applies
 * through {@link dev.smki.core.revocation.Revocations} at RV2).
 *
 * <p>In an incident the revocation is requested at N6 and should not wait for the Devices (recovery.md §2.3).
 * Revocation is permanent and appears on the next CRL or ARL (REC-11, enforced by the revocation rules).
 */
public final class Revoke {

    /** RV1: the Subscriber's ARO, the DCC or the SMKI PMA requests revocation. */
    public static final StepId REQUESTED = StepId.of("RV1");

    /** RV2: the DCC verifies the requester and decides the request under Appendix D §8; revokes if allowed. */
    public static final StepId DECIDED = StepId.of("RV2");

    /** RV3: the revocation is published on the next Organisation CRL or ARL. */
    public static final StepId PUBLISHED = StepId.of("RV3");

    /** The procedure's name. */
    public static final String NAME = "REVOKE";

    private Revoke() {}

    /**
     * Returns who requests the revocation: the DCC for a CA certificate (REV-3), otherwise the Subscriber's ARO
     * (REV-2).
     */
    private static Requester requester(IncidentState s) {
        return s.setup().role() == RemotePartyRole.ISSUING_AUTHORITY
                        || s.setup().role() == RemotePartyRole.ROOT
                ? Requester.dcc()
                : Requester.aroOf(s.setup().role());
    }

    /** Returns the signer of the list the revocation goes on: the Root's ARL for an OCA, else the Organisation CRL. */
    private static IssuedCertificate listSigner(IncidentState s) {
        return s.setup().role() == RemotePartyRole.ISSUING_AUTHORITY
                ? s.pki().current().rootOca()
                : s.pki().current().issuingOca();
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
                .pre(REQUESTED, "Revocation requested", SUBSCRIBER, ARO, DCC, SMKI_PMA)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§3.2"))
                .exec(DECIDED, "Requester verified and the request decided under Appendix D §8", DCC)
                .after(REQUESTED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§3.1, §3.2"))
                .does((s, attempt) -> s.compromisedCertificates().stream()
                        .map(c -> s.revocation().revoke(c, RevocationReason.KEY_COMPROMISE, requester(s)))
                        .collect(Collectors.joining("; ")))
                .post(PUBLISHED, "Revocation published on the next CRL or ARL", DCC)
                .after(DECIDED)
                .citing(Confidence.MEMORY, Sources.note("§3.2 publication, §6.3 REC-11"))
                .does((s, attempt) -> s.revocation().publish(listSigner(s)))
                .deadline("T_processRevocation", REQUESTED, DECIDED, settings.duration("T_processRevocation"))
                .deadline("T_publishCRL", DECIDED, PUBLISHED, settings.duration("T_publishCRL"))
                .build();
    }
}
