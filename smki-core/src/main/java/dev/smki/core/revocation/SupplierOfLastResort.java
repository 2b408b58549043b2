package dev.smki.core.revocation;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.provenance.Seeds;
import dev.smki.core.provenance.SourcedRule;
import java.util.List;

/**
 * The Supplier of Last Resort exception to revocation (SEC Section L16, introduced by MP134A, with MP185's
 * MPID-transfer delay; recovery.md §3.3): in a SoLR event only the SMKI PMA may delay the revocation of the
 * failed Supplier's certificates, so that a Shared Resource Provider can keep its prepayment customers supplied;
 * the delay ends when they are protected or the SoLR takes responsibility for them, and the revocations then
 * proceed. {@link Revocations} applies these rules.
 */
public final class SupplierOfLastResort {

    private static final Citation MP134A = Citation.of(
            "MP134A",
            "https://smartenergycodecompany.co.uk/modifications/use-of-smki-certificates-relating-to-a-solr-event/");
    private static final Citation MP134A_NEWS = Citation.of(
            "MP134A implementation news",
            "https://smartenergycodecompany.co.uk/latest-news/mp134a-approved-and-implemented-in-sec-v47-0/");
    private static final Citation SECTION_L16 = Citation.of("SEC Section L", "L16 (numbered so in the MP173 report)");
    private static final Citation MP185 = Citation.of(
            "MP185",
            "https://smartenergycodecompany.co.uk/modifications/additional-controls-to-support-the-solr-process/");

    /** SOLR-1: only the SMKI PMA may delay the revocation of a failed Supplier's certificates. */
    public static final SourcedRule PMA_ONLY = new SourcedRule(
            RuleId.of("SOLR-1"),
            "Only the SMKI PMA may delay the revocation of a failed Supplier's SMKI Certificates.",
            Confidence.VERIFIED,
            List.of(Seeds.SOLR_DELAY, MP134A_NEWS, SECTION_L16));

    /** SOLR-2: a delay is granted only during a SoLR event, for the failed Supplier's certificates not yet revoked. */
    public static final SourcedRule DURING_EVENT = new SourcedRule(
            RuleId.of("SOLR-2"),
            "A revocation delay is granted only during a Supplier of Last Resort event, for the failed Supplier's"
                    + " certificates that are not yet revoked.",
            Confidence.VERIFIED,
            List.of(Seeds.SOLR_DELAY, MP134A, SECTION_L16));

    /** SOLR-3: the delay ends when prepayment customers are protected or the SoLR takes responsibility; revocations proceed. */
    public static final SourcedRule END_CONDITION = new SourcedRule(
            RuleId.of("SOLR-3"),
            "The delay ends as soon as all prepayment customers are protected from loss of supply or the Supplier of"
                    + " Last Resort takes responsibility for them; the held revocations then proceed.",
            Confidence.VERIFIED,
            List.of(MP134A));

    /** SOLR-4: MP185, only the SMKI PMA may delay the MPID transfer, only during an event, until the transfer is agreed. */
    public static final SourcedRule MPID_TRANSFER = new SourcedRule(
            RuleId.of("SOLR-4"),
            "Only the SMKI PMA may delay the transfer of the failed Supplier's MPIDs to the Supplier of Last Resort,"
                    + " only during a SoLR event and before the transfer; the transfer proceeds once the SoLR has"
                    + " agreed it with the SMKI PMA and the DCC.",
            Confidence.VERIFIED,
            List.of(MP185));

    /** SOLR-5: where Section L16 applies, Appendix D §8 does not (seed 003 says so outright). */
    public static final SourcedRule DISPLACES_SECTION_8 = new SourcedRule(
            RuleId.of("SOLR-5"),
            "Where Section L16 applies (a failed Supplier's certificate whose revocation the SMKI PMA delays in a SoLR"
                    + " event), Appendix D §8 does not apply.",
            Confidence.VERIFIED,
            List.of(Seeds.SOLR_DELAY, SECTION_L16));

    /** SOLR-6: a request to revoke a delayed certificate is held, then decided under §8 (reconstructed). */
    public static final SourcedRule HELD_THEN_DECIDED = new SourcedRule(
            RuleId.of("SOLR-6"),
            "A request to revoke a certificate whose revocation the SMKI PMA delays is held until the delay ends and"
                    + " then decided under Appendix D §8.",
            Confidence.RECONSTRUCTED,
            List.of(Citation.of("recovery.md", "§3.3, §6.2 SOLR [R]: how held requests proceed")));

    /** SOLR-7: a delay that has ended is not granted again in the same event (reconstructed: no source says so). */
    public static final SourcedRule NO_SECOND_DELAY = new SourcedRule(
            RuleId.of("SOLR-7"),
            "Once a revocation delay has ended, the SMKI PMA does not delay the same event's revocations again.",
            Confidence.RECONSTRUCTED,
            List.of(Citation.of("recovery.md", "§6.3 invariant 12 [R]; no source says a delay cannot be renewed")));

    /**
     * SOLR-8: the SMKI PMA may end its delay at its discretion, before an end condition (inferred: it is the SMKI PMA's
     * delay to grant; MP134A says it "facilitates" the continued use).
     */
    public static final SourcedRule PMA_MAY_END = new SourcedRule(
            RuleId.of("SOLR-8"),
            "The SMKI PMA may end its revocation delay at its discretion, before either end condition is reached; the"
                    + " held revocations then proceed.",
            Confidence.INFERRED,
            List.of(Seeds.SOLR_DELAY, MP134A));

    /**
     * SOLR-9: what the delay is for: a Service Request signed with a certificate whose revocation is delayed is
     * accepted during the delay, and refused once the certificate is revoked (inferred from MP134A's purpose).
     */
    public static final SourcedRule SERVICE_REQUESTS_DURING_DELAY = new SourcedRule(
            RuleId.of("SOLR-9"),
            "A Service Request signed with a failed Supplier's certificate whose revocation the SMKI PMA delays is"
                    + " accepted during the delay, so that the Shared Resource Provider can keep prepayment customers"
                    + " supplied; once the certificate is revoked, such a request is refused.",
            Confidence.INFERRED,
            List.of(MP134A_NEWS, Citation.of("recovery.md", "§3.3")));

    /**
     * SOLR-10: MP185, once the failed Supplier's MPIDs are transferred to the SoLR, the SRP's Service Requests fail
     * whatever the certificate status.
     */
    public static final SourcedRule MPIDS_TRANSFERRED_REFUSE = new SourcedRule(
            RuleId.of("SOLR-10"),
            "Once the failed Supplier's MPIDs are transferred to the Supplier of Last Resort, Service Requests signed"
                    + " with the failed Supplier's certificates fail, whatever the certificates' status.",
            Confidence.VERIFIED,
            List.of(MP185, Citation.of("recovery.md", "§3.3 MP185 follow-up")));

    private SupplierOfLastResort() {}

    /** {@return every SoLR rule, in id order} */
    public static List<SourcedRule> rules() {
        return List.of(
                PMA_ONLY,
                DURING_EVENT,
                END_CONDITION,
                MPID_TRANSFER,
                DISPLACES_SECTION_8,
                HELD_THEN_DECIDED,
                NO_SECOND_DELAY,
                PMA_MAY_END,
                SERVICE_REQUESTS_DURING_DELAY,
                MPIDS_TRANSFERRED_REFUSE);
    }
}
