package dev.smki.recovery.procedures;

import static dev.smki.recovery.procedures.Actors.ARO;
import static dev.smki.recovery.procedures.Actors.DCC;
import static dev.smki.recovery.procedures.Actors.SUBSCRIBER;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.registration.OrganisationInformationRules;
import dev.smki.core.registration.UserRole;
import dev.smki.core.revocation.Subscriber;
import dev.smki.recovery.workflow.Guard;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import dev.smki.recovery.workflow.StepId;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * P-CSR-COORD: coordinating the submission of Organisation CSRs by Eligible Subscribers after an OCA certificate
 * is replaced (SEC L10 scope (c)(ii), verified; recovery.md §2.6: the steps are reconstructed).
 *
 * <p>CS3 to CS5 are done once per scheduled certificate (the item, such as {@code supplier-ds}). CS3 is refused
 * for an item not on the schedule issued at CS2 (CSR-1); CS4 under an OCA not yet published (REC-10) or for a
 * subject EUI-64 outside the Party's Organisation Information Form range for that role (OIF-4, checked by {@link
 * OrganisationInformationRules#checkCertificateRequest}; the DCC's own roles, which no User Role maps to, give no
 * form and are not checked); CS6 until every scheduled certificate is accepted (CSR-1).
 */
public final class CsrCoordination {

    /** CS1: the DCC publishes the new OCA certificates in the SMKI Repository. */
    public static final StepId OCA_PUBLISHED = StepId.of("CS1");

    /** CS2: the DCC tells the Eligible Subscribers and issues a submission schedule. */
    public static final StepId SCHEDULED = StepId.of("CS2");

    /** CS3: a Subscriber's ARO submits an Organisation CSR in its slot (per scheduled certificate). */
    public static final StepId SUBMITTED = StepId.of("CS3");

    /** CS4: the DCC validates the CSR and issues the certificate under the new Issuing OCA (per certificate). */
    public static final StepId ISSUED = StepId.of("CS4");

    /** CS5: the Subscriber accepts the certificate, or rejects it immediately (per certificate). */
    public static final StepId ACCEPTED = StepId.of("CS5");

    /** CS6: the DCC reports completion to the SMKI PMA. */
    public static final StepId REPORTED = StepId.of("CS6");

    /** The procedure's name. */
    public static final String NAME = "CSR_COORDINATION";

    /** CSR-1: CSRs follow the submission schedule, and coordination ends when every scheduled one is accepted. */
    public static final Guard<IncidentState> ON_SCHEDULE = Guard.<IncidentState>rule(RuleId.of("CSR-1"), "on schedule")
            .stating("An Organisation CSR is submitted only for a certificate on the DCC's submission schedule.")
            .citing(Sources.note("§2.6 CS2-CS3"), Confidence.RECONSTRUCTED)
            .when(in -> in.item()
                    .map(item -> in.context().registry().csrSchedule().contains(item))
                    .orElse(false));

    /** CSR-1: completion is reported only once every scheduled certificate is accepted. */
    public static final Guard<IncidentState> ALL_ACCEPTED = Guard.<IncidentState>rule(
                    RuleId.of("CSR-1"), "all accepted")
            .stating("CSR coordination is reported complete only once every certificate on the schedule is accepted.")
            .citing(Sources.note("§2.6 CS5-CS6"), Confidence.RECONSTRUCTED)
            .when(in -> in.progress()
                    .itemsDone(ACCEPTED)
                    .containsAll(in.context().registry().csrSchedule()));

    /** The standard credentials whose Parties coordinate CSRs after an OCA replacement, by file stem. */
    static final Map<String, OrganisationCredential> ELIGIBLE = eligible();

    private CsrCoordination() {}

    private static Map<String, OrganisationCredential> eligible() {
        Map<String, OrganisationCredential> stems = new LinkedHashMap<>();
        for (OrganisationCredential credential : OrganisationCredential.STANDARD) {
            stems.put(credential.fileStem(), credential);
        }
        return Collections.unmodifiableMap(stems);
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

    /** Returns the OIF-4 guard of CS4, applying {@code rules}. */
    static Guard<IncidentState> inRange(OrganisationInformationRules rules) {
        return Guard.<IncidentState>rule(RuleId.of("OIF-4"), "request in range")
                .stating(OrganisationInformationRules.REQUEST_IN_RANGE.statement())
                .citing(Sources.APPENDIX_D_5_1, OrganisationInformationRules.REQUEST_IN_RANGE.confidence())
                .when(in -> in.payload(Request.class)
                        .map(r -> !r.isOnForm()
                                || rules.checkCertificateRequest(
                                                in.context().registry().organisationInformation(),
                                                r.party(),
                                                r.role(),
                                                r.subject())
                                        .isEmpty())
                        .orElse(false));
    }

    static Procedure<IncidentState> steps(ProcedureSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return Procedure.<IncidentState>named(NAME)
                .pre(OCA_PUBLISHED, "New OCA certificates published in the SMKI Repository", DCC)
                .citing(Confidence.RECONSTRUCTED, Sources.L10, Sources.note("§2.6 CS1"))
                .does((s, attempt) -> {
                    s.registry().publishNewOca(s.pki());
                    return (s.pki().hasNewRoot() ? "new Root OCA and " : "new ")
                            + s.pki().requireNewIssuingOca() + " published in the SMKI Repository";
                })
                .pre(SCHEDULED, "Eligible Subscribers told; submission schedule issued", DCC)
                .after(OCA_PUBLISHED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.6 CS2"))
                .offering((s, item) -> Payload.of("certificates", Integer.toString(ELIGIBLE.size())))
                .does((s, attempt) -> {
                    s.registry().schedule(ELIGIBLE.keySet());
                    return ELIGIBLE.size() + " Organisation Certificates scheduled for re-issue";
                })
                .exec(SUBMITTED, "Organisation CSR submitted by the Subscriber's ARO in its slot", ARO)
                .after(SCHEDULED)
                .perItem(s -> List.copyOf(ELIGIBLE.keySet()))
                .guardedBy(ON_SCHEDULE)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.6 CS3"))
                .exec(ISSUED, "CSR validated against the Party's registered range; certificate issued", DCC)
                .after(SUBMITTED)
                .perItem(s -> List.copyOf(ELIGIBLE.keySet()))
                .guardedBy(RecoveryGuards.NEW_OCA_PUBLISHED, inRange(OrganisationInformationRules.defaults()))
                .citing(Confidence.RECONSTRUCTED, Sources.APPENDIX_D_5_1, Sources.note("§2.6 CS4, §4"))
                .offering((s, item) -> {
                    RemotePartyRole role = ELIGIBLE.get(item.orElseThrow()).role();
                    return new Request(
                            Subscriber.ofRole(role).name(),
                            role,
                            s.pki().current().parties().of(role));
                })
                .does((s, attempt) -> {
                    OrganisationCredential credential =
                            ELIGIBLE.get(attempt.item().orElseThrow());
                    IssuedCertificate renewed = s.pki().reissue(attempt.item().orElseThrow(), credential);
                    s.registry().register(renewed, Subscriber.ofRole(credential.role()));
                    IssuedCertificate superseded = s.pki().current().organisationCertificate(credential);
                    s.registry().retire(superseded);
                    return "issued " + renewed + "; the one it supersedes, under the old Issuing OCA, out of use";
                })
                .exec(ACCEPTED, "Certificate accepted by the Subscriber (or rejected immediately)", ARO, SUBSCRIBER)
                .after(ISSUED)
                .perItem(s -> List.copyOf(ELIGIBLE.keySet()))
                .citing(Confidence.VERIFIED, Sources.note("§2.6 (Sections L11.5-L11.7, via Appendix M)"))
                .post(REPORTED, "Completion reported to the SMKI PMA", DCC)
                .after(ACCEPTED)
                .guardedBy(ALL_ACCEPTED)
                .citing(Confidence.RECONSTRUCTED, Sources.note("§2.6 CS6"))
                .deadline("T_csrWindow", SCHEDULED, REPORTED, settings.duration("T_csrWindow"))
                .build();
    }

    /**
     * An Organisation CSR as CS4 sees it: CS4's payload.
     *
     * @param party the Party submitting it, as on its Organisation Information Form
     * @param role the Remote Party Role the certificate will carry
     * @param subject the EUI-64 the certificate will carry in its x500UniqueIdentifier
     */
    public record Request(String party, RemotePartyRole role, Eui64 subject) implements Payload {

        /**
         * Checks the components.
         *
         * @param party the Party submitting it, as on its Organisation Information Form
         * @param role the Remote Party Role the certificate will carry
         * @param subject the EUI-64 the certificate will carry in its x500UniqueIdentifier
         * @throws NullPointerException when a component is null
         */
        public Request {
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(subject, "subject");
        }

        /** {@return whether some User Role maps to the role, so the Party gave a range for it on its form} */
        public boolean isOnForm() {
            return Arrays.stream(UserRole.values()).anyMatch(u -> u.remotePartyRole() == role);
        }

        /** Returns the Party, role and subject. */
        @Override
        public PayloadSummary summary() {
            return PayloadSummary.builder()
                    .put("party", party)
                    .put("role", role.organisationalUnit())
                    .put("subject", subject.toString())
                    .build();
        }
    }
}
