package dev.smki.recovery.procedures;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Seeds;

/** The citations the recovery procedures share; each step cites the research note's table it comes from. */
final class Sources {

    /** SEC Section L10 scope of the SMKI Recovery Procedure, quoted in the SEC glossary (verified). */
    static final Citation L10 =
            Citation.of("SEC Section L10", "Recovery Procedure scope (a)-(e), via the SEC glossary");

    /** The SMKI Recovery Key Guidance, SEC Section L10.9, quoted in the SEC glossary (verified). */
    static final Citation L10_9 = Citation.of("SEC Section L10.9", "SMKI Recovery Key Guidance, via the SEC glossary");

    /** The table of contents of the DCC's July 2015 consultation draft of the SMKI Recovery Procedure. */
    static final Citation DRAFT_2015 =
            Citation.of("DCC SMKI Recovery Procedure consultation draft", "July 2015, table of contents");

    /** The DCC's September 2015 consultation on the Recovery Procedure's file formats. */
    static final Citation FILE_FORMATS_2015 =
            Citation.of("DCC SMKI Recovery Procedure file formats consultation", "September 2015");

    /** SECAS news "Key Custodian Nominations", 15 August 2019. */
    static final Citation CUSTODIAN_NOMINATIONS = Citation.of("SECAS news", "Key Custodian Nominations, 15 Aug 2019");

    /** GBCS CS02b "Update Security Credentials" as decoded by Smart DCC's gbcs-parser. */
    static final Citation CS02B = Citation.of("gbcs-parser", "asn1.ts, CS02b Update Security Credentials");

    /** RFC 5934 (TAMP): the apex trust anchor's wrapped contingency key. */
    static final Citation RFC_5934 = Citation.of("RFC 5934", "apex trust anchor, id-pe-wrappedApexContinKey");

    /** MP134A: use of SMKI certificates in a Supplier of Last Resort event. */
    static final Citation MP134A = Citation.of("SEC modification MP134A", "SoLR revocation delay");

    /** MP185: additional controls to support the SoLR process. */
    static final Citation MP185 = Citation.of("SEC modification MP185", "MPID transfer delay");

    /** SEC Appendix D §5.1 with Section H1.5, as stated in the MP173 report. */
    static final Citation APPENDIX_D_5_1 = Citation.of("SEC Appendix D", "§5.1 with Section H1.5 (MP173 report)");

    /**
     * Seed 002 §3.6 "SMKI Recovery in the Live Environment": the DCC's plan for the June 2019 exercise was brought to
     * the SMKI PMA, with the arrangements for early notification of the Key Custodians who must attend.
     */
    static final Citation LIVE_EXERCISE_2019 = Citation.of(
            "seed 002 (SEC Panel Sub-Committee Report, May 2019)",
            "§3.6 \"SMKI Recovery in the Live Environment\": \"the DCC plans to undertake the recovery exercise"
                    + " currently expected to take place in June 2019\"");

    /** Seed 002 §3.6: Key Custodians are notified early, so may attend before any decision. */
    static final Citation CUSTODIANS_EARLY = Seeds.CUSTODIANS_NOTIFIED_EARLY;

    /** Seed 003 §4: the SMKI PMA directs the DCC to use the Recovery Private Key. */
    static final Citation RECOVERY_KEY_DIRECTION = Seeds.RECOVERY_KEY_DIRECTION;

    /** Seed 003 §7: the "Further Use of the Recovery Private Key" provisions the DCC then follows. */
    static final Citation FURTHER_USE = Seeds.FURTHER_USE;

    /** Seed 003 §4: the SEC Party Categories. */
    static final Citation PARTY_CATEGORIES = Seeds.PARTY_CATEGORIES;

    /** Seed 003 §7: Section L16 lets the SMKI PMA delay revocation in a SoLR event. */
    static final Citation SOLR_DELAY = Seeds.SOLR_DELAY;

    /** Seed 003 §7: observations 5 and 11 on the order of Appendix L §5 are unresolved. */
    static final Citation CONTINGENCY_ORDER_UNRESOLVED = Seeds.CONTINGENCY_ORDER_UNRESOLVED;

    /** REV-9: no list revokes a Root certificate. */
    static final Citation REV_9 = Citation.of("REV-9", "a Root certificate is not revoked on a list (inferred)");

    private Sources() {}

    /** Returns a citation of the research note recovery.md at {@code locator}, such as {@code §2.4 C5}. */
    static Citation note(String locator) {
        return Citation.of("recovery.md", locator);
    }
}
