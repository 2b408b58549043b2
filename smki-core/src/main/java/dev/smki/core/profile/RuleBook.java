package dev.smki.core.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one list of every certificate rule and its check. A new rule is a {@link RuleCheck} constant beside
 * the rules of its profile, one line here, and its test.
 */
final class RuleBook {

    /** Every per-certificate rule, in the order the research notes number them. */
    static final List<RuleCheck> CHECKS = List.of(
            CommonRules.VERSION,
            CommonRules.SERIAL_POSITIVE,
            CommonRules.SERIAL_SIXTEEN_OCTETS,
            CommonRules.SIGNATURE_ALGORITHM,
            CommonRules.P256_KEY,
            CommonRules.UNCOMPRESSED_POINT,
            CommonRules.KEY_USAGE_CRITICAL,
            CommonRules.SUBJECT_KEY_ID,
            CommonRules.SUBJECT_KEY_ID_METHOD_TWO,
            CommonRules.POLICIES_CRITICAL,
            CommonRules.AUTHORITY_KEY_ID_FORM,
            CommonRules.ONLY_ROOT_SELF_SIGNED,
            CommonRules.SIGNED_BY_ISSUER,
            CommonRules.ISSUER_NAME_COPY,
            CommonRules.TIME_ENCODING,
            CommonRules.NO_UNIQUE_IDS,
            CommonRules.NO_UNKNOWN_CRITICAL_EXTENSION,
            CommonRules.NO_UNKNOWN_EXTENSION,
            AuthorityRules.SELF_SIGNED,
            AuthorityRules.ROOT_OCA_ROLE,
            AuthorityRules.ROOT_IS_CA,
            AuthorityRules.ROOT_KEY_USAGE,
            AuthorityRules.CONTINGENCY_KEY,
            AuthorityRules.ISSUING_OCA_NAMES,
            AuthorityRules.ISSUING_OCA_KEY_USAGE,
            AuthorityRules.ISSUING_OCA_PATH_LENGTH,
            AuthorityRules.ISSUING_OCA_POLICY,
            AuthorityRules.ISSUING_DCA,
            AuthorityRules.ISSUING_DCA_PATH_LENGTH,
            AuthorityRules.DCA_NAME,
            OrganisationRules.ISSUED_BY_ISSUING_OCA,
            OrganisationRules.ONE_KEY_USAGE,
            OrganisationRules.NOT_A_CA,
            OrganisationRules.ROLE,
            OrganisationRules.UNIQUE_IDENTIFIER,
            OrganisationRules.SUBJECT_ATTRIBUTES,
            OrganisationRules.UTF8_STRINGS,
            OrganisationRules.NO_ALT_NAME_OR_EXTENDED_USAGE,
            OrganisationRules.ORGANISATION_POLICY,
            OrganisationRules.VALIDITY_NESTED,
            OrganisationRules.TEN_YEARS,
            OrganisationRules.ANCHOR_USAGE,
            DeviceRules.ISSUED_BY_ISSUING_DCA,
            DeviceRules.EMPTY_SUBJECT,
            DeviceRules.NO_EXPIRY,
            DeviceRules.NOT_BEFORE_ISSUANCE,
            DeviceRules.ONE_KEY_USAGE,
            DeviceRules.ALT_NAME_CRITICAL,
            DeviceRules.ONE_HARDWARE_MODULE_NAME,
            DeviceRules.HARDWARE_MODULE_NAME_FORM,
            DeviceRules.SERIAL_IS_EUI64,
            DeviceRules.HARDWARE_TYPE,
            DeviceRules.DEVICE_POLICY,
            DeviceRules.END_ENTITY,
            CsrRules.DEVICE_CSR,
            CommonRules.VALID_AT_INSTANT);

    /** The rules checked over the certificates validated together rather than one by one. */
    static final List<Rule> SET_RULES = List.of(DeviceRules.ONE_CERTIFICATE_PER_USAGE);

    private static final Map<ProfileKind, List<RuleCheck>> BY_PROFILE = byProfile();

    /** Every rule, CERT-0 and the rules over sets of certificates included, ordered by id. */
    static final List<Rule> RULES = allRules();

    private RuleBook() {}

    /** Returns the checks of the rules that apply to {@code profile}, in rule order. */
    static List<RuleCheck> checks(ProfileKind profile) {
        return BY_PROFILE.get(profile);
    }

    private static Map<ProfileKind, List<RuleCheck>> byProfile() {
        Map<ProfileKind, List<RuleCheck>> map = new EnumMap<>(ProfileKind.class);
        for (ProfileKind profile : ProfileKind.values()) {
            map.put(
                    profile,
                    CHECKS.stream()
                            .filter(check -> check.rule().appliesTo(profile))
                            .sorted(Comparator.comparing(check -> check.rule().id()))
                            .toList());
        }
        return map;
    }

    private static List<Rule> allRules() {
        List<Rule> rules = new ArrayList<>();
        rules.add(InputRules.UNPARSEABLE);
        CHECKS.forEach(check -> rules.add(check.rule()));
        rules.addAll(SET_RULES);
        rules.sort(Comparator.comparing(Rule::id));
        return List.copyOf(rules);
    }
}
