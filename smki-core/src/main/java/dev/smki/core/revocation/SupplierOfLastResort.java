package dev.smki.core.revocation;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
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
            List.of(MP134A_NEWS, SECTION_L16));

    /** SOLR-2: a delay is granted only during a SoLR event, for the failed Supplier's certificates not yet revoked. */
    public static final SourcedRule DURING_EVENT = new SourcedRule(
            RuleId.of("SOLR-2"),
            "A revocation delay is granted only during a Supplier of Last Resort event, for the failed Supplier's"
                    + " certificates that are not yet revoked.",
            Confidence.VERIFIED,
            List.of(MP134A, SECTION_L16));

    /** SOLR-3: the delay ends when prepayment customers are protected or the SoLR takes responsibility; revocations proceed. */
    public static final SourcedRule END_CONDITION = new SourcedRule(
            RuleId.of("SOLR-3"),
            "The delay ends as soon as all prepayment customers are protected from loss of supply or the Supplier of"
                    + " Last Resort takes responsibility for them; the held revocations then proceed and are not"
                    + " delayed again.",
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

    /** SOLR-5: where Section L16 applies, Appendix D §8 does not: a request to revoke a delayed certificate is held. */
    public static final SourcedRule DISPLACES_SECTION_8 = new SourcedRule(
            RuleId.of("SOLR-5"),
            "Where Section L16 applies (a failed Supplier's certificate whose revocation the SMKI PMA delays), the"
                    + " Appendix D §8 revocation rules do not: a request to revoke it is held until the delay ends and"
                    + " then decided under §8.",
            Confidence.RECONSTRUCTED,
            List.of(SECTION_L16, Citation.of("SEC Appendix D", "§8, its own scope (text not read)")));

    private SupplierOfLastResort() {}

    /** Returns every SoLR rule, in id order. */
    public static List<SourcedRule> rules() {
        return List.of(PMA_ONLY, DURING_EVENT, END_CONDITION, MPID_TRANSFER, DISPLACES_SECTION_8);
    }
}
