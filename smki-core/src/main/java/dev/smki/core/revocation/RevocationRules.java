package dev.smki.core.revocation;

import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.provenance.Seeds;
import dev.smki.core.provenance.SourcedRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The revocation rules of SEC Appendix D §8, as reconstructed in recovery.md §3.2 (the text was not read), with
 * the list profile of certificates.md §5. Rules REV-2, REV-3, REV-4, REV-6 and REV-12 state what a
 * {@link RevocationPolicy} says, at the confidence it gives; the others are fixed.
 *
 * <table>
 * <caption>The rules</caption>
 * <tr><th>id</th><th>rule</th></tr>
 * <tr><td>REV-1</td><td>statuses move forward only; revoked is final</td></tr>
 * <tr><td>REV-2</td><td>who may request revocation of an Organisation Certificate</td></tr>
 * <tr><td>REV-3</td><td>who may request revocation of an Issuing CA certificate</td></tr>
 * <tr><td>REV-4</td><td>Device Certificates are not revoked (configurable)</td></tr>
 * <tr><td>REV-5</td><td>the requester is verified: an ARO acts for the certificate's own Subscriber</td></tr>
 * <tr><td>REV-6</td><td>the reason is an SMKI certificate reason, published as an RFC 5280 code</td></tr>
 * <tr><td>REV-7</td><td>a revoked certificate is on the next CRL or ARL and every later one</td></tr>
 * <tr><td>REV-8</td><td>the CRL and ARL profile</td></tr>
 * <tr><td>REV-9</td><td>Root certificates are not revoked on a list</td></tr>
 * <tr><td>REV-10</td><td>any SMKI PMA Member may request revocation of RA personnel credentials (§8.3.3,
 *     verified)</td></tr>
 * <tr><td>REV-11</td><td>verify, then revoke, RA personnel credentials (§8.3.4, verified)</td></tr>
 * <tr><td>REV-12</td><td>the other requesters of such a revocation (policy, reconstructed)</td></tr>
 * </table>
 */
public final class RevocationRules {

    private static final Citation APPENDIX_D_8 =
            Citation.of("SEC Appendix D", "§8, reconstructed after RFC 3647 §4.9 (recovery.md §3.2)");
    private static final Citation INVARIANT_11 = Citation.of("recovery.md", "§6.3 invariant 11");
    private static final Citation RFC_5280_REASONS = Citation.of("RFC 5280", "§5.3.1");

    /** REV-1: statuses only move forward and revoked is final. */
    public static final SourcedRule STATUS_ORDER = new SourcedRule(
            RuleId.of("REV-1"),
            "A certificate's status only moves forward (pending, in use, not in use, expired, revoked) and a revoked"
                    + " certificate stays revoked: certificateHold and removeFromCRL are never used.",
            Confidence.INFERRED,
            List.of(
                    INVARIANT_11,
                    Citation.of("dccboxed-keystore", "src/certificateSearch.ts CertificateStatus"),
                    RFC_5280_REASONS));

    /** REV-5: the DCC verifies the requester; an ARO must act for the certificate's own Subscriber. */
    public static final SourcedRule VERIFIED_REQUESTER = new SourcedRule(
            RuleId.of("REV-5"),
            "The DCC verifies a requester before acting: an Authorised Responsible Officer must act for the Party"
                    + " that is the certificate's Subscriber.",
            Confidence.INFERRED,
            List.of(
                    Citation.of("SEC Appendix P", "ARO identity checked against the ARO Nomination Form"),
                    Citation.of("recovery.md", "§3.1"),
                    APPENDIX_D_8));

    /** REV-7: a revoked certificate appears on the next list of its issuer and stays on every later one. */
    public static final SourcedRule PUBLICATION = new SourcedRule(
            RuleId.of("REV-7"),
            "A revoked Organisation Certificate appears on the next Organisation CRL, signed by the Issuing OCA, and"
                    + " a revoked OCA certificate on the next ARL, signed by the Root OCA; each list keeps every entry"
                    + " of the list before it.",
            Confidence.MEMORY,
            List.of(Citation.of("recovery.md", "§3.2"), INVARIANT_11));

    /** REV-8: the profile of every CRL and ARL. */
    public static final SourcedRule LIST_PROFILE = new SourcedRule(
            RuleId.of("REV-8"),
            "Each list is an RFC 5280 v2 CRL signed ecdsa-with-SHA256 without parameters, its issuer a byte copy of"
                    + " the signer's subject, with an 8-octet authorityKeyIdentifier, a cRLNumber greater than the"
                    + " previous list's, a reason code on every entry, and thisUpdate and nextUpdate.",
            Confidence.INFERRED,
            List.of(
                    Citation.of("certificates.md", "§5 (our proposal, not an SMKI rule)"),
                    Citation.of("RFC 5280", "§5")));

    /** REV-9: Root certificates are not revoked on a list; a Root OCA compromise goes through contingency recovery. */
    public static final SourcedRule ROOT_NOT_LISTED = new SourcedRule(
            RuleId.of("REV-9"),
            "A Root certificate is not revoked on a list, since no higher authority signs one; a Root OCA"
                    + " compromise is handled by the contingency recovery procedure.",
            Confidence.INFERRED,
            List.of(Citation.of("recovery.md", "§2.4"), Citation.of("certificates.md", "§1.2")));

    /**
     * REV-10: §8.3.3, any SMKI PMA Member may request revocation of SMKI RA Personnel credentials (verified: seed 003
     * quotes §8.3.3's opening and says any SMKI PMA Member may request; the other requesters are REV-12's policy).
     */
    public static final SourcedRule RA_PMA_MEMBER_REQUESTS = new SourcedRule(
            RuleId.of("REV-10"),
            "Appendix D §8.3.3 names the parties who may request revocation of the authentication credentials of SMKI"
                    + " Registration Authority Personnel, using the form of Annex A (A7); any SMKI PMA Member is one of"
                    + " them.",
            Confidence.VERIFIED,
            List.of(Seeds.RA_REQUESTERS));

    /**
     * REV-11: §8.3.4, the DCC verifies a request to revoke RA personnel credentials and, only where verified, revokes
     * (verified: seed 003 quotes §8.3.4's opening). How the DCC's records verify each kind of requester is ours.
     */
    public static final SourcedRule RA_VERIFY_AND_REVOKE = new SourcedRule(
            RuleId.of("REV-11"),
            "Appendix D §8.3.4 sets the procedure for verification and, where verified, revocation of the credentials"
                    + " of an SMKI Registration Authority Manager or member of SMKI RA Personnel: the DCC revokes the"
                    + " credentials only where it verified the request (checking the holder, a current SMKI RA Manager"
                    + " or a current SMKI PMA Member against the DCC's records is this simulation's reading).",
            Confidence.VERIFIED,
            List.of(Seeds.RA_VERIFICATION, Citation.of("recovery.md", "§3.2 (record checks [R])")));

    private static final RevocationRules DEFAULTS = new RevocationRules(RevocationPolicy.defaults());

    private final RevocationPolicy policy;
    private final SourcedRule organisationRequesters;
    private final SourcedRule authorityRequesters;
    private final SourcedRule deviceCertificates;
    private final SourcedRule reasons;
    private final SourcedRule raRequesters;

    private RevocationRules(RevocationPolicy policy) {
        this.policy = policy;
        this.organisationRequesters = new SourcedRule(
                RuleId.of("REV-2"),
                "Revocation of an Organisation Certificate may be requested by "
                        + describe(policy.requesters(ProfileKind.ORGANISATION)) + ".",
                policy.requestersConfidence(),
                List.of(APPENDIX_D_8));
        this.authorityRequesters = new SourcedRule(
                RuleId.of("REV-3"),
                "Revocation of an Issuing OCA certificate may be requested by "
                        + describe(policy.requesters(ProfileKind.ISSUING_OCA))
                        + ", and of an Issuing DCA certificate by "
                        + describe(policy.requesters(ProfileKind.ISSUING_DCA)) + ".",
                policy.requestersConfidence(),
                List.of(APPENDIX_D_8));
        this.deviceCertificates = new SourcedRule(
                RuleId.of("REV-4"),
                policy.deviceCertificatesRevocable()
                        ? "Revocation of a Device Certificate may be requested by "
                                + describe(policy.requesters(ProfileKind.DEVICE)) + "."
                        : "Device Certificates are not revoked; a compromised Device is handled through its Smart"
                                + " Metering Inventory status and its trust anchors.",
                policy.deviceConfidence(),
                List.of(
                        Citation.of("SEC Appendix A", "§4.9, from memory"),
                        Citation.of("recovery.md", "§3.2"),
                        Citation.of("certificates.md", "§5")));
        this.reasons = new SourcedRule(
                RuleId.of("REV-6"),
                "A certificate is revoked for one of the SMKI reasons (" + certificateReasons()
                        + "), each published as its RFC 5280 CRLReason code.",
                policy.reasonsConfidence(),
                List.of(APPENDIX_D_8, RFC_5280_REASONS));
        List<String> ra = new ArrayList<>();
        if (policy.holderMayRequest()) {
            ra.add("the holder of the credentials");
        }
        policy.raRequesters().forEach(kind -> ra.add(kind.description()));
        this.raRequesters = new SourcedRule(
                RuleId.of("REV-12"),
                "Besides any SMKI PMA Member (REV-10), revocation of the credentials of an SMKI Registration Authority"
                        + " Manager or other RA personnel may be requested by " + join(ra) + ".",
                policy.raConfidence(),
                List.of(
                        Citation.of("SEC Appendix D", "§8.3.3, whose full list the seeds do not quote"),
                        Citation.of("recovery.md", "§3.2 [R]")));
    }

    /** {@return the rules under the default policy} */
    public static RevocationRules defaults() {
        return DEFAULTS;
    }

    /**
     * {@return the rules under {@code policy}}
     *
     * @param policy the revocation policy
     */
    public static RevocationRules of(RevocationPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return policy.equals(RevocationPolicy.defaults()) ? DEFAULTS : new RevocationRules(policy);
    }

    /** {@return the policy the rules state} */
    public RevocationPolicy policy() {
        return policy;
    }

    /** {@return REV-2: who may request revocation of an Organisation Certificate} */
    public SourcedRule organisationRequesters() {
        return organisationRequesters;
    }

    /** {@return REV-3: who may request revocation of an Issuing OCA or Issuing DCA certificate} */
    public SourcedRule authorityRequesters() {
        return authorityRequesters;
    }

    /** {@return REV-4: whether, and at whose request, Device Certificates are revoked} */
    public SourcedRule deviceCertificates() {
        return deviceCertificates;
    }

    /** {@return REV-6: the reasons and their RFC 5280 codes} */
    public SourcedRule reasons() {
        return reasons;
    }

    /**
     * {@return REV-12 (§8.3.3): who else than an SMKI PMA Member may request revocation of RA personnel
     * credentials}
     */
    public SourcedRule raRequesters() {
        return raRequesters;
    }

    /**
     * {@return the rule that says who may request revocation of a certificate of profile {@code kind}}
     *
     * @param kind the certificate profile
     */
    public SourcedRule requestersRule(ProfileKind kind) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case ORGANISATION -> organisationRequesters;
            case ISSUING_OCA, ISSUING_DCA -> authorityRequesters;
            case DEVICE, DEVICE_CSR -> deviceCertificates;
            case ROOT_OCA, ROOT_DCA -> ROOT_NOT_LISTED;
        };
    }

    /** {@return every rule, in id order} */
    public List<SourcedRule> all() {
        List<SourcedRule> all = new ArrayList<>(List.of(
                STATUS_ORDER,
                organisationRequesters,
                authorityRequesters,
                deviceCertificates,
                VERIFIED_REQUESTER,
                reasons,
                PUBLICATION,
                LIST_PROFILE,
                ROOT_NOT_LISTED,
                RA_PMA_MEMBER_REQUESTS,
                raRequesters,
                RA_VERIFY_AND_REVOKE));
        all.sort(Comparator.comparing(SourcedRule::id));
        return List.copyOf(all);
    }

    private String certificateReasons() {
        List<String> parts = new ArrayList<>();
        for (RevocationReason reason : RevocationReason.values()) {
            if (reason.appliesToCertificates()) {
                parts.add(reason.slug() + " as " + policy.crlReason(reason));
            }
        }
        return String.join(", ", parts);
    }

    private static String describe(Set<RequesterKind> kinds) {
        return kinds.isEmpty()
                ? "no one"
                : join(kinds.stream().map(RequesterKind::description).toList());
    }

    private static String join(List<String> parts) {
        if (parts.isEmpty()) {
            return "no one";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }
}
