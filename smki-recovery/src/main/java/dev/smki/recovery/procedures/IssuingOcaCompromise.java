package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.DCC;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.revocation.CertificateStatus;
import dev.smki.recovery.workflow.Attempt;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.Objects;

/**
 * An Issuing OCA key compromise: a new Issuing OCA under the Root, which is not compromised; the compromised Issuing
 * OCA revoked on the Root's ARL ({@link Revoke}); every Organisation Certificate re-issued under the new one with its
 * Party's key ({@link CsrCoordination}). The 2015 draft has a section for it (recovery.md §1.4, heading verified); its
 * steps are reconstructed (§1.5). Devices' cells hold Party keys, not their issuer's, so no Device is Relevant and no
 * command is sent (inferred, §1.5 "possibly nothing"; §2.5 DS1); IO2 checks that against the fleet.
 */
public final class IssuingOcaCompromise {

    /** IO1: a new Issuing OCA key pair and certificate under the Root. */
    public static final StepId NEW_ISSUING_OCA = StepId.of("IO1");

    /** IO2: the Devices checked: no cell holds the Issuing OCA's key. */
    public static final StepId DEVICES_CHECKED = StepId.of("IO2");

    /** IO3: the DCC reports to the SMKI PMA; the incident closes. */
    public static final StepId CLOSED = StepId.of("IO3");

    /** The procedure's name. */
    public static final String NAME = "ISSUING_OCA";

    private IssuingOcaCompromise() {}

    /** IO3: how many Organisation Certificates in use are under the old and the new Issuing OCA. */
    private static String report(IncidentState s, Attempt attempt) {
        KeyIdentifier old =
                s.pki().current().issuingOca().parsed().subjectKeyIdentifier().orElseThrow();
        IssuedCertificate renewed = s.pki().requireNewIssuingOca();
        KeyIdentifier next = renewed.parsed().subjectKeyIdentifier().orElseThrow();
        long underOld = inUse(s, old);
        long underNew = inUse(s, next);
        return "report to the SMKI PMA: " + underNew + " Organisation Certificates in use under " + renewed + ", "
                + underOld + " still in use under the compromised Issuing OCA; "
                + s.fleet().counts();
    }

    private static long inUse(IncidentState s, KeyIdentifier issuerKeyId) {
        return s.registry().certificates().issuedBy(issuerKeyId).stream()
                .filter(c -> c.kind() == ProfileKind.ORGANISATION && c.status() == CertificateStatus.IN_USE)
                .count();
    }

    /** {@return the procedure with the default settings} */
    public static Procedure<IncidentState> definition() {
        return definition(ProcedureSettings.defaults());
    }

    /**
     * {@return the procedure with {@code settings}' omitted steps}
     *
     * @param settings the procedure settings: durations, steps left out, policies
     */
    public static Procedure<IncidentState> definition(ProcedureSettings settings) {
        return settings.applyTo(steps(settings));
    }

    static Procedure<IncidentState> steps(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return Procedure.<IncidentState>named(NAME)
                .pre(NEW_ISSUING_OCA, "New Issuing OCA key pair and certificate under the Root (not compromised)", DCC)
                .citing(Confidence.RECONSTRUCTED, Sources.DRAFT_2015, Sources.note("§1.4, §1.5 Issuing OCA [R]"))
                .does((s, attempt) -> s.pki().makeNewIssuingOca())
                .exec(
                        DEVICES_CHECKED,
                        "Devices checked: their cells hold Party keys, not the Issuing OCA's, so no command is sent",
                        DCC)
                .citing(Confidence.INFERRED, Sources.note("§1.5 (possibly nothing on Devices), §2.5 DS1"))
                .does((s, attempt) -> s.fleet().scope() + "; commissioned Devices holding the Issuing OCA's key: "
                        + s.fleet().holding(s.pki().current().issuingOca()))
                .post(CLOSED, "Report to the SMKI PMA; incident closed", DCC)
                .after(DEVICES_CHECKED)
                .guardedBy(RecoveryGuards.SCOPE_SETTLED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.3 R11 by analogy [R]"))
                .does(IssuingOcaCompromise::report)
                .build();
    }
}
