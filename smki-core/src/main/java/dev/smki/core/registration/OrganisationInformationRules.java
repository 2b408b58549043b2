package dev.smki.core.registration;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.Eui64Range;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.SourcedRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Organisation Information Form rule of SEC Appendix D §5.1 with Section H1.5: per Party, the EUI-64
 * User IDs given for each User Role form one contiguous range that does not overlap the range of any other
 * User Role, except for the pairs H1.5 allows to share; and an Organisation Certificate is only issued for an
 * identifier within the Party's range for that role.
 *
 * <p>The rule is as stated in the MP173 Modification Report; the SEC text itself was not read (recovery.md
 * §4). Which User Roles may share identifiers is from memory (confidence {@link Confidence#MEMORY}) and so is
 * data: {@link #withSharedPairs} replaces it.
 */
public final class OrganisationInformationRules {

    private static final Citation APPENDIX_D = Citation.of("SEC Appendix D", "§5.1 (as stated in the MP173 report)");
    private static final Citation SECTION_H = Citation.of("SEC Section H", "H1.5 (from memory)");

    /** OIF-1: per Party, the identifiers given for one User Role form one contiguous range. */
    public static final SourcedRule CONTIGUOUS = SourcedRule.of(
            "OIF-1",
            "Per Party, the EUI-64 User IDs given for each User Role form one contiguous range.",
            Confidence.INFERRED,
            APPENDIX_D);

    /** OIF-2: per Party, ranges of different User Roles do not overlap unless H1.5 lets that pair share. */
    public static final SourcedRule DISJOINT_ROLES = new SourcedRule(
            dev.smki.core.provenance.RuleId.of("OIF-2"),
            "Per Party, the range of one User Role does not overlap the range of another, except for the pairs"
                    + " Section H1.5 allows to share.",
            Confidence.INFERRED,
            List.of(APPENDIX_D, SECTION_H));

    /** OIF-3: the ranges of different Parties do not overlap. */
    public static final SourcedRule DISJOINT_PARTIES = SourcedRule.of(
            "OIF-3",
            "The EUI-64 User IDs of different Parties do not overlap, since an EUI-64 names one entity.",
            Confidence.INFERRED,
            Citation.of("IEEE EUI-64 uniqueness; recovery.md §4"));

    /** OIF-4: an Organisation Certificate request's EUI-64 lies within the Party's range for that role. */
    public static final SourcedRule REQUEST_IN_RANGE = SourcedRule.of(
            "OIF-4",
            "An Organisation Certificate is issued only for an EUI-64 within the range the Party gave for that"
                    + " User Role.",
            Confidence.INFERRED,
            APPENDIX_D);

    /** The pairs H1.5 lets share identifiers, from memory: the two supplier roles and the two network roles. */
    public static final Set<Set<UserRole>> H1_5_SHARED_PAIRS = Set.of(
            Set.of(UserRole.IMPORT_SUPPLIER, UserRole.GAS_SUPPLIER),
            Set.of(UserRole.ELECTRICITY_DISTRIBUTOR, UserRole.GAS_TRANSPORTER));

    private static final OrganisationInformationRules DEFAULTS =
            new OrganisationInformationRules(H1_5_SHARED_PAIRS, Confidence.MEMORY);

    private final Set<Set<UserRole>> sharedPairs;
    private final Confidence sharedPairsConfidence;

    private OrganisationInformationRules(Set<Set<UserRole>> sharedPairs, Confidence sharedPairsConfidence) {
        for (Set<UserRole> pair : sharedPairs) {
            if (pair.size() != 2) {
                throw new IllegalArgumentException("A shared pair names two distinct User Roles, got " + pair);
            }
        }
        this.sharedPairs = Set.copyOf(sharedPairs);
        this.sharedPairsConfidence = Objects.requireNonNull(sharedPairsConfidence, "sharedPairsConfidence");
    }

    /** Returns the rules with H1.5's shared pairs as we remember them ({@link #H1_5_SHARED_PAIRS}). */
    public static OrganisationInformationRules defaults() {
        return DEFAULTS;
    }

    /**
     * Returns these rules with {@code pairs} as the User Role pairs allowed to share identifiers, for a user
     * who holds the SEC text, at the given confidence.
     */
    public OrganisationInformationRules withSharedPairs(Set<Set<UserRole>> pairs, Confidence confidence) {
        return new OrganisationInformationRules(pairs, confidence);
    }

    /** Returns the User Role pairs allowed to share identifiers. */
    public Set<Set<UserRole>> sharedPairs() {
        return sharedPairs;
    }

    /** Returns how sure we are of {@link #sharedPairs()}. */
    public Confidence sharedPairsConfidence() {
        return sharedPairsConfidence;
    }

    /** Returns the rules checked, in id order. */
    public static List<SourcedRule> rules() {
        return List.of(CONTIGUOUS, DISJOINT_ROLES, DISJOINT_PARTIES, REQUEST_IN_RANGE);
    }

    /** Returns whether {@code a} and {@code b} may share identifiers within one Party. */
    public boolean mayShare(UserRole a, UserRole b) {
        return sharedPairs.contains(Set.of(a, b));
    }

    /**
     * Checks the declarations of one or more Parties' forms and returns every broken rule: non-contiguous
     * User Role ranges (OIF-1), overlapping User Roles within a Party (OIF-2) and overlaps between Parties
     * (OIF-3).
     */
    public List<OifFinding> check(Collection<RangeDeclaration> declarations) {
        Map<String, Map<UserRole, List<RangeDeclaration>>> byParty = group(declarations);
        List<OifFinding> findings = new ArrayList<>();
        byParty.forEach((party, byRole) ->
                byRole.forEach((role, decls) -> contiguity(party, role, decls).ifPresent(findings::add)));
        byParty.forEach((party, byRole) -> {
            List<UserRole> roles = new ArrayList<>(byRole.keySet());
            for (int i = 0; i < roles.size(); i++) {
                for (int j = i + 1; j < roles.size(); j++) {
                    UserRole a = roles.get(i);
                    UserRole b = roles.get(j);
                    if (!mayShare(a, b)) {
                        overlaps(byRole.get(a), byRole.get(b))
                                .forEach(pair -> findings.add(new OifFinding(
                                        DISJOINT_ROLES,
                                        "Party '" + party + "' gives " + overlapText(pair) + " to both "
                                                + a.slug() + " and " + b.slug()
                                                + ", a pair Section H1.5 does not let share identifiers",
                                        pair)));
                    }
                }
            }
        });
        List<String> parties = new ArrayList<>(byParty.keySet());
        for (int i = 0; i < parties.size(); i++) {
            for (int j = i + 1; j < parties.size(); j++) {
                List<RangeDeclaration> a = flatten(byParty.get(parties.get(i)));
                List<RangeDeclaration> b = flatten(byParty.get(parties.get(j)));
                for (List<RangeDeclaration> pair : overlaps(a, b)) {
                    findings.add(new OifFinding(
                            DISJOINT_PARTIES,
                            "Parties '" + parties.get(i) + "' ("
                                    + pair.get(0).userRole().slug() + ") and '"
                                    + parties.get(j) + "' ("
                                    + pair.get(1).userRole().slug() + ") both claim "
                                    + overlapText(pair),
                            pair));
                }
            }
        }
        return List.copyOf(findings);
    }

    /**
     * Checks an Organisation Certificate request for {@code eui64} by {@code party} in {@code userRole}
     * against the Party's declarations (OIF-4); empty when the identifier lies within the Party's range for
     * that role.
     */
    public Optional<OifFinding> checkCertificateRequest(
            Collection<RangeDeclaration> declarations, String party, UserRole userRole, Eui64 eui64) {
        List<RangeDeclaration> own = declarations.stream()
                .filter(d -> d.party().equals(party) && d.userRole() == userRole)
                .toList();
        if (own.stream().anyMatch(d -> d.range().contains(eui64))) {
            return Optional.empty();
        }
        String where = own.isEmpty()
                ? "Party '" + party + "' gave no range for " + userRole.slug()
                : "Party '" + party + "' gave "
                        + own.stream().map(d -> d.range().toString()).toList() + " for " + userRole.slug();
        return Optional.of(new OifFinding(
                REQUEST_IN_RANGE, "Organisation Certificate request for " + eui64 + " refused: " + where, own));
    }

    /**
     * Checks an Organisation Certificate request for {@code eui64} carrying {@code role} (OIF-4): empty when the
     * identifier lies within the Party's range for some User Role whose certificates carry that Remote Party
     * Role.
     */
    public Optional<OifFinding> checkCertificateRequest(
            Collection<RangeDeclaration> declarations, String party, RemotePartyRole role, Eui64 eui64) {
        Set<UserRole> userRoles = EnumSet.noneOf(UserRole.class);
        for (UserRole userRole : UserRole.values()) {
            if (userRole.remotePartyRole() == role) {
                userRoles.add(userRole);
            }
        }
        List<RangeDeclaration> own = declarations.stream()
                .filter(d -> d.party().equals(party) && userRoles.contains(d.userRole()))
                .toList();
        if (own.stream().anyMatch(d -> d.range().contains(eui64))) {
            return Optional.empty();
        }
        return Optional.of(new OifFinding(
                REQUEST_IN_RANGE,
                "Organisation Certificate request for " + eui64 + " (role " + role.organisationalUnit()
                        + ") refused: it lies in no range Party '" + party + "' gave for "
                        + userRoles.stream().map(UserRole::slug).toList(),
                own));
    }

    private static Map<String, Map<UserRole, List<RangeDeclaration>>> group(Collection<RangeDeclaration> declarations) {
        Map<String, Map<UserRole, List<RangeDeclaration>>> byParty = new LinkedHashMap<>();
        for (RangeDeclaration d : declarations) {
            byParty.computeIfAbsent(d.party(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(d.userRole(), r -> new ArrayList<>())
                    .add(d);
        }
        return byParty;
    }

    private static List<RangeDeclaration> flatten(Map<UserRole, List<RangeDeclaration>> byRole) {
        return byRole.values().stream().flatMap(List::stream).toList();
    }

    private static Optional<OifFinding> contiguity(String party, UserRole role, List<RangeDeclaration> decls) {
        List<RangeDeclaration> sorted = decls.stream()
                .sorted(Comparator.comparing((RangeDeclaration d) -> d.range().first()))
                .toList();
        Eui64 reach = sorted.get(0).range().last();
        for (RangeDeclaration d : sorted.subList(1, sorted.size())) {
            Eui64 start = d.range().first();
            boolean touches = start.compareTo(reach) <= 0 || start.value() - 1 == reach.value();
            if (!touches) {
                return Optional.of(new OifFinding(
                        CONTIGUOUS,
                        "Party '" + party + "' gives " + role.slug() + " identifiers that are not one contiguous"
                                + " range: the identifiers strictly between " + reach + " and " + start
                                + " are missing",
                        decls));
            }
            if (d.range().last().compareTo(reach) > 0) {
                reach = d.range().last();
            }
        }
        return Optional.empty();
    }

    private static List<List<RangeDeclaration>> overlaps(List<RangeDeclaration> a, List<RangeDeclaration> b) {
        List<List<RangeDeclaration>> pairs = new ArrayList<>();
        for (RangeDeclaration x : a) {
            for (RangeDeclaration y : b) {
                if (x.range().overlaps(y.range())) {
                    pairs.add(List.of(x, y));
                }
            }
        }
        return pairs;
    }

    private static String overlapText(List<RangeDeclaration> pair) {
        Eui64Range shared =
                pair.get(0).range().intersection(pair.get(1).range()).orElseThrow();
        String lines = pair.stream()
                .filter(d -> d.line() > 0)
                .map(d -> String.valueOf(d.line()))
                .collect(Collectors.joining(" and "));
        return shared + (lines.isEmpty() ? "" : " (lines " + lines + ")");
    }
}
