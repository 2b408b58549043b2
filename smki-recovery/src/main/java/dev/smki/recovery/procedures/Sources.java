package dev.smki.recovery.procedures;

import dev.smki.core.provenance.Citation;

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
     * SEC Panel Sub-Committee Report, May 2019, §3.6 "SMKI Recovery in the Live Environment" (shared seed 002): "the
     * DCC plans to undertake the recovery exercise currently expected to take place in June 2019, and the arrangements
     * for early notification to key custodians who will need to be in attendance".
     */
    static final Citation LIVE_EXERCISE_2019 =
            Citation.of("SEC Panel Sub-Committee Report, May 2019", "§3.6 SMKI Recovery in the Live Environment");

    private Sources() {}

    /** Returns a citation of the research note recovery.md at {@code locator}, such as {@code §2.4 C5}. */
    static Citation note(String locator) {
        return Citation.of("recovery.md", locator);
    }
}
