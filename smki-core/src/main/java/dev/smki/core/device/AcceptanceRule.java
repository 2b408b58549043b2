package dev.smki.core.device;

import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.provenance.SourcedRule;
import java.util.List;
import java.util.Objects;

/**
 * One rule a Device applies before it executes an Update Security Credentials command, with the GBCS status it
 * answers when the rule refuses the command. {@link #ALL} lists them in the order a Device checks them; the first
 * rule a command breaks decides the status, and a refused command changes nothing.
 *
 * <p>Rule ids are {@code DEV-n}, kept when rules are added (so {@link #ALL}'s order is not id order); those that
 * encode an invariant of recovery.md §6.3 cite it ({@code REC-3} to {@code REC-7}). The checks behind the rules are
 * one table, {@code Acceptance}, in this order. The mapping of refusals to status codes is this simulation's
 * choice: GBCS names the codes (recovery.md §1.6) but the rules behind them were not available.
 *
 * @param rule the rule: id, statement, confidence and sources
 * @param refusal the status a Device answers when the rule refuses a command
 */
public record AcceptanceRule(SourcedRule rule, StatusCode refusal) {

    private static final Citation GBCS_PARSER = Citation.of("gbcs-parser", "asn1.ts, CS02b");
    private static final Citation CS02B = Citation.of("recovery.md", "§1.6");
    private static final Citation MODES = Citation.of("recovery.md", "§1.5");
    private static final Citation GBCS_FORMS =
            Citation.of("GBCS v1.0", "§13.3.3.1, Update Security Credentials Command structures");
    private static final Citation GBCS_CONTROL =
            Citation.of("GBCS v1.0", "§13.3, Requirements for AuthorisingRemotePartyControl elements");
    private static final Citation RTDS = Citation.of("DCC RTDS 4.5.0", "6.15.1 CS02bSupplierBySupplier samples");

    /** The bytes are one GBCS CS02b command with at least one replacement, each cell targeted once. */
    public static final AcceptanceRule WELL_FORMED = of(
            "DEV-1",
            "The bytes are one GBCS CS02b command: a Grouping Header with CRA Flag command and a message code of"
                    + " 0x0100 to 0x0109 that is the payload's mode, a strict DER payload, a signature length of 0x40"
                    + " or 0x00 and nothing left over, not in a MAC Header (whose ACB-SMD MAC the simulation cannot"
                    + " check); with at least one replacement and no cell targeted twice.",
            Confidence.INFERRED,
            StatusCode.OTHER,
            GBCS_FORMS,
            RTDS,
            GBCS_PARSER);

    /** The command names this Device as recipient. */
    public static final AcceptanceRule ADDRESSED_TO_DEVICE = of(
            "DEV-2",
            "The Grouping Header names this Device's EUI-64 as Business Target ID; the KRP Signature covers the"
                    + " header, so a command signed for one Device is refused by every other.",
            Confidence.INFERRED,
            StatusCode.OTHER,
            CS02B,
            Citation.of("GBCS v1.0", "§7.2.7, §6.3.3"));

    /** The command carries no more certification-path certificates than the Device can hold. */
    public static final AcceptanceRule WITHIN_CAPACITY = of(
            "DEV-3",
            "The command carries no more certification-path certificates than the Device has room for"
                    + " (DeviceSettings.maxPathCertificates).",
            Confidence.RECONSTRUCTED,
            StatusCode.INSUFFICIENT_MEMORY,
            CS02B);

    /** REC-4: a plaintext Symmetric Key is present exactly in a contingency command. */
    public static final AcceptanceRule SYMMETRIC_KEY_ONLY_FOR_CONTINGENCY = of(
            "DEV-4",
            "REC-4: a plaintext Symmetric Key is present if and only if the mode is anyByContingency.",
            Confidence.INFERRED,
            StatusCode.OTHER,
            Citation.of("recovery.md", "§6.3 REC-4"),
            GBCS_PARSER);

    /** REC-3: the Device holds the trust anchor the mode names. */
    public static final AcceptanceRule AUTHORISING_ANCHOR_HELD = of(
            "DEV-5",
            "REC-3: the Device holds the trust anchor the mode names: the mode's authorising cell, or for"
                    + " anyByContingency a contingency public key that the supplied Symmetric Key unwraps from the"
                    + " current Root cell.",
            Confidence.INFERRED,
            StatusCode.NO_TRUST_ANCHOR,
            Citation.of("recovery.md", "§6.3 REC-3, §2.4 C6"),
            MODES);

    /** REC-3: the signature verifies with that trust anchor's key. */
    public static final AcceptanceRule SIGNATURE_VERIFIES = of(
            "DEV-6",
            "REC-3: the KRP Signature (ECDSA P-256/SHA-256, r || s) over the Grouping Header and the payload"
                    + " verifies with the authorising trust anchor's public key; a command without one is refused.",
            Confidence.INFERRED,
            StatusCode.OTHER,
            Citation.of("recovery.md", "§6.3 REC-3"),
            Citation.of("GBCS v1.0", "§6.3.3, §13.3.3.1"),
            MODES);

    /** REC-7: the sequence number is above the authorising party's floor. */
    public static final AcceptanceRule SEQUENCE_NUMBER_ABOVE_FLOOR = of(
            "DEV-7",
            "REC-7: the authorising party's sequence number is greater than the Device's floor for that party (the"
                    + " Root's floor for anyByContingency), so a replayed command is refused.",
            Confidence.INFERRED,
            StatusCode.OTHER,
            Citation.of("recovery.md", "§6.3 REC-7"),
            CS02B);

    /** The mode may replace every targeted cell. */
    public static final AcceptanceRule MODE_MAY_REPLACE_CELL = of(
            "DEV-8",
            "The mode may replace every targeted cell: a same-role mode only that role's cells, rootBySupplier and"
                    + " rootByWanProvider only the Root cell, the Recovery and contingency modes any cell.",
            Confidence.INFERRED,
            StatusCode.OTHER,
            MODES,
            Citation.of("certificates.md", "§3.1"));

    /** All replacements target the cells of one Remote Party Role. */
    public static final AcceptanceRule ONE_REMOTE_PARTY = of(
            "DEV-9",
            "Every replacement targets a cell of the same Remote Party Role, the one party whose new floor the"
                    + " command may set.",
            Confidence.RECONSTRUCTED,
            StatusCode.OTHER,
            GBCS_PARSER);

    /** Every targeted cell exists on this Device. */
    public static final AcceptanceRule TARGET_CELL_EXISTS = of(
            "DEV-10",
            "Every targeted cell exists on this Device (TrustAnchorTable for its device type).",
            Confidence.INFERRED,
            StatusCode.TRUST_ANCHOR_NOT_FOUND,
            Citation.of("recovery.md", "§1.2"),
            CS02B);

    /** Each replacement certificate's key usage fits its cell. */
    public static final AcceptanceRule KEY_USAGE_FITS_CELL = of(
            "DEV-11",
            "Each replacement certificate asserts the key usage of its target cell: digitalSignature or keyAgreement"
                    + " alone for a party's cell, keyCertSign for the Root cell.",
            Confidence.INFERRED,
            StatusCode.BAD_CERTIFICATE,
            Citation.of("certificates.md", "§3.1"),
            CS02B);

    /** Each replacement certificate is valid under the Device's Root through the certification path. */
    public static final AcceptanceRule CERTIFICATION_PATH_VALID = of(
            "DEV-12",
            "Each replacement certificate is valid under the Device's current Root through the certification path"
                    + " at the Device's clock (validity periods are not checked when the command says"
                    + " applyTimeBasedCPVChecks disapply): an Organisation Certificate conforming to its profile, issued by a"
                    + " conforming Issuing OCA certificate in the path that the Root cell's key signed; a new Root a"
                    + " conforming self-signed Root OCA certificate carrying a wrapped contingency key.",
            Confidence.INFERRED,
            StatusCode.BAD_CERTIFICATE,
            Citation.of("recovery.md", "§2.3 R6, §2.5 DS3"),
            Citation.of("certificates.md", "§2, §7"),
            GBCS_CONTROL);

    /** REC-5: the Recovery mode replaces the Root only in a normal replacement. */
    public static final AcceptanceRule NO_ABNORMAL_ROOT_BY_RECOVERY = of(
            "DEV-13",
            "REC-5: anyExceptAbnormalRootByRecovery replaces the Root cell only when the current Root certifies the"
                    + " new one (a certification-path certificate for the new Root's public key verifies with the"
                    + " Root cell's key); a Root the current Root does not certify is abnormal, for contingency.",
            Confidence.RECONSTRUCTED,
            StatusCode.OTHER,
            Citation.of("recovery.md", "§1.3, §6.3 REC-5"),
            Citation.of("RFC 5934", "apex trust anchor update and contingency key"));

    /** REC-6: a contingency Root replacement brings a new wrapped contingency key. */
    public static final AcceptanceRule FRESH_CONTINGENCY_KEY = of(
            "DEV-14",
            "REC-6: a Root installed by anyByContingency carries a wrapped contingency key other than the current"
                    + " Root's, so the released Symmetric Key unwraps nothing on the updated Device.",
            Confidence.INFERRED,
            StatusCode.BAD_CERTIFICATE,
            Citation.of("recovery.md", "§2.4 C2, §6.3 REC-6"));

    /** The command names the authorising cell of its mode, where GBCS asks for it. */
    public static final AcceptanceRule AUTHORISING_CELL_NAMED = of(
            "DEV-15",
            "The Authorising Remote Party Control names the cell that authorises its mode"
                    + " (authorisingRemotePartyTACellIdentifier: the mode's authorising cell, the Root cell for"
                    + " anyByContingency), and names it unless the ACB replaces its own credentials on a Device other"
                    + " than a Communications Hub.",
            Confidence.INFERRED,
            StatusCode.OTHER,
            GBCS_CONTROL,
            RTDS);

    /** The header names the authorising party as originator. */
    public static final AcceptanceRule ORIGINATOR_IS_AUTHORISER = of(
            "DEV-16",
            "The Grouping Header's Business Originator ID is the subject unique identifier held in the authorising"
                    + " cell, when the cell holds one (the contingency key comes with none).",
            Confidence.INFERRED,
            StatusCode.OTHER,
            Citation.of(
                    "GBCS v1.0",
                    "§13.3.3.1: Business Originator ID being the Entity Identifier of the Known Remote Party which"
                            + " generated KRP Signature"));

    /** The header's Originator Counter is the control's sequence number. */
    public static final AcceptanceRule COUNTER_IS_SEQUENCE_NUMBER = of(
            "DEV-17",
            "The Grouping Header's Originator Counter equals the Authorising Remote Party Control's"
                    + " authorisingRemotePartySeqNumber, so the one number the floor is checked against is the one"
                    + " the KRP counts with.",
            Confidence.INFERRED,
            StatusCode.OTHER,
            RTDS,
            Citation.of(
                    "GBCS v1.0", "§13.3.3.1: Business Originator Counter being that of the same Known Remote Party"));

    /** Every rule, in the order a Device checks them. */
    public static final List<AcceptanceRule> ALL = List.of(
            WELL_FORMED,
            ADDRESSED_TO_DEVICE,
            WITHIN_CAPACITY,
            SYMMETRIC_KEY_ONLY_FOR_CONTINGENCY,
            AUTHORISING_CELL_NAMED,
            AUTHORISING_ANCHOR_HELD,
            ORIGINATOR_IS_AUTHORISER,
            SIGNATURE_VERIFIES,
            COUNTER_IS_SEQUENCE_NUMBER,
            SEQUENCE_NUMBER_ABOVE_FLOOR,
            MODE_MAY_REPLACE_CELL,
            ONE_REMOTE_PARTY,
            TARGET_CELL_EXISTS,
            KEY_USAGE_FITS_CELL,
            CERTIFICATION_PATH_VALID,
            NO_ABNORMAL_ROOT_BY_RECOVERY,
            FRESH_CONTINGENCY_KEY);

    /**
     * Checks the components.
     *
     * @param rule the rule: id, statement, confidence and sources
     * @param refusal the status a Device answers when the rule refuses a command
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when {@code refusal} is {@link StatusCode#SUCCESS}
     */
    public AcceptanceRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(refusal, "refusal");
        if (refusal == StatusCode.SUCCESS) {
            throw new IllegalArgumentException(rule.id() + " cannot refuse with success");
        }
    }

    private static AcceptanceRule of(
            String id, String statement, Confidence confidence, StatusCode refusal, Citation... sources) {
        return new AcceptanceRule(new SourcedRule(RuleId.of(id), statement, confidence, List.of(sources)), refusal);
    }

    /** {@return the rule id, such as {@code DEV-5}} */
    public RuleId id() {
        return rule.id();
    }

    /** Returns {@code DEV-n: statement}. */
    @Override
    public String toString() {
        return rule.id() + ": " + rule.statement();
    }
}
