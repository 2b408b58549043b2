package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;

import dev.smki.core.device.Authoriser;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationReason;
import dev.smki.core.revocation.Subscriber;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Method 1: the Relevant Subscriber replaces its own trust anchors on its Relevant Devices with same-role
 * commands (such as {@code supplierBySupplier}) signed with its current key; no DCC key is used, so no SMKI PMA
 * decision gates it (recovery.md §1.5 and §2.3; the method's name is verified, its mechanics inferred, its steps
 * reconstructed).
 *
 * <p>Whoever holds the compromised key can race the Subscriber (recovery.md §2.3): the reason the SMKI PMA may
 * require Method 2 or 3 instead. M1.post closes only once every Relevant Device is updated or written off (REC-8).
 */
public final class MethodOne {

    /** M1.pre: the Subscriber generates new key pairs and obtains new Organisation Certificates. */
    public static final StepId PREPARED = StepId.of("M1.pre");

    /** M1.exec: the Subscriber sends same-role replacements, signed with its current key, to each Relevant Device. */
    public static final StepId SENT = StepId.of("M1.exec");

    /** M1.post: the Devices are verified and the old certificate revoked. */
    public static final StepId VERIFIED = StepId.of("M1.post");

    /** The procedure's name. */
    public static final String NAME = "METHOD1";

    private MethodOne() {}

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

    /** M1.pre: a new key pair and Organisation Certificate for each compromised credential. */
    private static String prepare(IncidentState s, Attempt attempt) {
        Map<TrustAnchorCellId, IssuedCertificate> renewed = new LinkedHashMap<>();
        for (OrganisationCredential credential : s.compromisedCredentials()) {
            IssuedCertificate certificate = s.pki().issueNew(credential);
            s.registry().register(certificate, Subscriber.ofRole(credential.role()));
            renewed.put(credential.cell(), certificate);
        }
        s.pki().replaceAll(renewed);
        return "new " + renewed.values();
    }

    /**
     * M1.exec: the Subscriber's same-role command (such as supplierBySupplier) to each Relevant Device, signed with its
     * current, compromised key, setting a new floor so that the old key's commands are refused from then on.
     */
    private static String send(IncidentState s, Attempt attempt) {
        CellReplacements sending = new CellReplacements(
                RecoveryKeyUse.sameRole(s.setup().role()),
                s.pki().replacements(),
                List.of(s.pki().current().issuingOca().parsed()),
                1,
                RecoveryKeyUse.NEW_FLOOR);
        IssuedCertificate current = s.compromisedCertificate();
        Authoriser subscriber = Authoriser.of(current.parsed(), SigningKey.of(current));
        IssuedCertificate first = s.pki().requireReplacement();
        s.fleet().target(first.parsed().subjectKeyIdentifier().orElseThrow(), SENT.value());
        return sending.full().mode().gbcsName() + " replacing " + sending.cells() + ", signed with the current key: "
                + s.fleet().send(s.incident(), SENT.value(), sending.signedBy(subscriber));
    }

    /** M1.post: the Devices verified, then the old certificates revoked and the CRL published. */
    private static String revokeOld(IncidentState s, Attempt attempt) {
        StringBuilder note = new StringBuilder("verified: ")
                .append(s.fleet().counts())
                .append("; ")
                .append(s.stillHolding());
        for (IssuedCertificate old : s.compromisedCertificates()) {
            note.append("; ")
                    .append(s.revocation()
                            .revoke(
                                    old,
                                    RevocationReason.KEY_COMPROMISE,
                                    Requester.aroOf(s.setup().role())));
        }
        return note.append("; ")
                .append(s.revocation().publish(s.pki().current().issuingOca()))
                .toString();
    }

    static Procedure<IncidentState> steps(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return Procedure.<IncidentState>named(NAME)
                .pre(PREPARED, "New key pairs generated and new Organisation Certificates obtained", SUBSCRIBER)
                .citing(Confidence.RECONSTRUCTED, Sources.DRAFT_2015, Sources.note("§2.3 Method 1"))
                .does(MethodOne::prepare)
                .exec(
                        SENT,
                        "Same-role replacements signed with the current key sent to each Relevant Device",
                        SUBSCRIBER)
                .after(PREPARED)
                .citing(Confidence.INFERRED, Sources.CS02B, Sources.note("§1.5 Method 1"))
                .does(MethodOne::send)
                .post(VERIFIED, "Relevant Devices verified; old certificate revoked", SUBSCRIBER, DCC)
                .after(SENT)
                .guardedBy(RecoveryGuards.SCOPE_SETTLED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.3 Method 1"))
                .does(MethodOne::revokeOld)
                .deadline("T_method1", PREPARED, VERIFIED, settings.duration("T_method1"))
                .build();
    }
}
