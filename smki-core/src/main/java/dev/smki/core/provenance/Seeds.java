package dev.smki.core.provenance;

/**
 * Citations of the three public SEC source documents the project holds (its "seeds"), each naming the file, the
 * section and a short quote, so that a rule or step resting on one says exactly what it rests on. They are the only
 * primary SEC text the project has; where a rule goes beyond what they quote it is not {@link Confidence#VERIFIED}.
 */
public final class Seeds {

    private static final String SEED_002 = "seed 002 (SEC Panel Sub-Committee Report, May 2019)";
    private static final String SEED_003 = "seed 003 (MP173 Modification Report, Dec 2021)";

    /** Seed 002 §3.6: the Key Custodians are notified early of an exercise they must attend. */
    public static final Citation CUSTODIANS_NOTIFIED_EARLY = Citation.of(
            SEED_002,
            "§3.6 \"SMKI Recovery in the Live Environment\": \"the arrangements for early natification [sic] to key"
                    + " custodians who will need to be in attendance\"");

    /** Seed 002 §3.5: whether Appendix L applies to SMETS1 (XML Certificate Recovery) was an open question. */
    public static final Citation SMETS1_RECOVERY_OPEN = Citation.of(
            SEED_002,
            "§3.5 \"SMETS1 Update\": \"the SSC previously requested the DCC to explain the applicability of SEC"
                    + " Appendix L SMKI Recovery Procedures to SMETS1\"");

    /** Seed 003 §4: the DCC follows the Recovery Private Key provisions when the SMKI PMA directs it. */
    public static final Citation RECOVERY_KEY_DIRECTION = Citation.of(
            SEED_003,
            "§4 \"DCC impacts\": \"When directed to do so by the SMKI PMA, the DCC will need to adhere to these"
                    + " provisions\"");

    /** Seed 003 §1: the SMKI PMA and the DCC are impacted by the provisions for a Recovery Key Direction. */
    public static final Citation RECOVERY_KEY_DIRECTION_SUMMARY = Citation.of(
            SEED_003,
            "§1 \"Summary\": \"the SMKI PMA and the DCC will directly be impacted by this modification in respect to"
                    + " the new provisions for a Recovery Key Direction\"");

    /** Seed 003 §7: the provisions are the "Further Use of the Recovery Private Key". */
    public static final Citation FURTHER_USE = Citation.of(
            SEED_003,
            "§7 \"Recovery Private Key provisions\": \"the new provisions for the 'Further Use of the Recovery"
                    + " Private Key'\"");

    /** Seed 003 §4: the SEC Party Categories. */
    public static final Citation PARTY_CATEGORIES = Citation.of(
            SEED_003,
            "§4 \"SEC Party Categories\": \"Large Suppliers, Small Suppliers, Electricity Network Operators, Gas"
                    + " Network Operators, Other SEC Parties, DCC\"");

    /** Seed 003 §7: Appendix D §5.1 as quoted, the Organisation Information Form's EUI-64 ranges. */
    public static final Citation OIF_RANGES = Citation.of(
            SEED_003,
            "§7 \"SMKI RAPP - Organisation Information Form\", quoting Appendix D §5.1(b): \"the range is"
                    + " continuous and does not overlap with the EUI-64 Compliant identifier range for any other User"
                    + " Role, other than where ... allowed ... in accordance with H1.5\"");

    /** Seed 003 §7: Appendix D §8.3.3 as quoted, who may request revocation of RA Personnel credentials. */
    public static final Citation RA_REQUESTERS = Citation.of(
            SEED_003,
            "§7 \"The role of SMKI PMA Members in credential revocations\", quoting Appendix D §8.3.3: \"The"
                    + " following parties may request the revocation of authentication credentials in respect of SMKI"
                    + " Registration Authority Personnel, using the form referred to in Annex A (A7)\"; \"any SMKI PMA"
                    + " Member may request the revocation\"");

    /** Seed 003 §7: Appendix D §8.3.4 as quoted, verification and, where verified, revocation. */
    public static final Citation RA_VERIFICATION = Citation.of(
            SEED_003,
            "§7, quoting Appendix D §8.3.4: \"The procedure for verification and, where verified, revocation of"
                    + " credentials in respect of a SMKI Registration Authority Manager or member of SMKI Registration"
                    + " Authority Personnel\"");

    /** Seed 003 §7: Section L16 lets the SMKI PMA delay revocation in a SoLR event; §8 does not apply there. */
    public static final Citation SOLR_DELAY = Citation.of(
            SEED_003,
            "§7 \"Revocation of Certificates\": Section L16 \"allows the SMKI PMA to delay the revocation of SMKI"
                    + " Certificates during a Supplier of Last Resort (SoLR) event\"; Appendix D section 8 \"does not"
                    + " apply where SEC Section L16 applies\"");

    /** Seed 003 §7: the order of the steps of Appendix L §5 is unresolved (observations 5 and 11). */
    public static final Citation CONTINGENCY_ORDER_UNRESOLVED = Citation.of(
            SEED_003,
            "§7 \"Unresolved observations\": observations 5 and 11 \"refer to the order of the steps set out in"
                    + " Appendix L, section 5 'Recovery using the Contingency Private Key'\"");

    private Seeds() {}
}
