package dev.smki.core.registration;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.Eui64Range;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.Seeds;
import dev.smki.core.provenance.SourcedRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Organisation Information Form rule of SEC Appendix D §5.1 with Section H1.5: per Party, the EUI-64
 * User IDs given for each User Role form one contiguous range that does not overlap the range of any other
 * User Role, except for the pairs H1.5 allows to share; and an Organisation Certificate is only issued for an
 * identifier within the Party's range for that role.
 *
 * <p>OIF-1 and OIF-2 are Appendix D §5.1(b) as the MP173 Modification Report quotes it (seed 003 §7), so verified;
 * the same report says the review found the rule could not be followed, since the Organisation Information Form did
 * not map EUI-64s to User Roles, and that the DCC agreed to update the form. OIF-4 (a certificate request lies in the
 * range) is not in §5.1 as quoted: it is the CSR check of the reconstructed CSR coordination (recovery.md §2.6 CS4).
 * Which User Roles may share identifiers under H1.5 is from memory (confidence {@link Confidence#MEMORY}) and so is
 * data: {@link #withSharedPairs} replaces it.
 */
public final class OrganisationInformationRules {

    private static final Citation APPENDIX_D = Seeds.OIF_RANGES;
    private static final Citation SECTION_H = Citation.of("SEC Section H", "H1.5 (from memory)");

    /** OIF-1: per Party, the identifiers given for one User Role form one contiguous range. */
    public static final SourcedRule CONTIGUOUS = SourcedRule.of(
            "OIF-1",
            "Per Party, the EUI-64 User IDs given for each User Role form one contiguous range.",
            Confidence.VERIFIED,
            APPENDIX_D);

    /** OIF-2: per Party, ranges of different User Roles do not overlap unless H1.5 lets that pair share. */
    public static final SourcedRule DISJOINT_ROLES = new SourcedRule(
            dev.smki.core.provenance.RuleId.of("OIF-2"),
            "Per Party, the range of one User Role does not overlap the range of another, except for the pairs"
                    + " Section H1.5 allows to share.",
            Confidence.VERIFIED,
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
            Confidence.RECONSTRUCTED,
            Citation.of("recovery.md", "§2.6 CS4 [R]: the subject EUI-64 within the Party's ranges for that role"));

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

    /** {@return the rules with H1.5's shared pairs as we remember them ({@link #H1_5_SHARED_PAIRS})} */
    public static OrganisationInformationRules defaults() {
        return DEFAULTS;
    }

    /**
     * {@return these rules with {@code pairs} as the User Role pairs allowed to share identifiers, for a user
     * who holds the SEC text, at the given confidence}
     *
     * @param pairs the pairs of User Roles that may share identifiers
     * @param confidence how sure we are of the pairs
     */
    public OrganisationInformationRules withSharedPairs(Set<Set<UserRole>> pairs, Confidence confidence) {
        return new OrganisationInformationRules(pairs, confidence);
    }

    /** {@return the User Role pairs allowed to share identifiers} */
    public Set<Set<UserRole>> sharedPairs() {
        return sharedPairs;
    }

    /** {@return how sure we are of {@link #sharedPairs()}} */
    public Confidence sharedPairsConfidence() {
        return sharedPairsConfidence;
    }

    /** {@return the rules checked, in id order} */
    public static List<SourcedRule> rules() {
        return List.of(CONTIGUOUS, DISJOINT_ROLES, DISJOINT_PARTIES, REQUEST_IN_RANGE);
    }

    /**
     * {@return whether {@code a} and {@code b} may share identifiers within one Party}
     *
     * @param a one User Role
     * @param b the other User Role
     */
    public boolean mayShare(UserRole a, UserRole b) {
        return sharedPairs.contains(Set.of(a, b));
    }

    /**
     * Checks the declarations of one or more Parties' forms and returns every broken rule: non-contiguous
     * User Role ranges (OIF-1), overlapping User Roles within a Party (OIF-2) and overlaps between Parties
     * (OIF-3).
     *
     * @param declarations the declarations, of one or more Parties
     * @return every broken rule, as findings
     * @see #check(Collection, int)
     */
    public List<OifFinding> check(Collection<RangeDeclaration> declarations) {
        return check(declarations, Integer.MAX_VALUE).findings();
    }

    /**
     * Checks the declarations as {@link #check(Collection)} does, listing at most {@code maxListed} findings and
     * counting the rest, in O(n log n) time for n declarations plus the findings listed: each User Role's ranges
     * are sorted to check contiguity, and one sweep over every range by its first identifier, keeping the ranges
     * that reach it, finds the overlaps. Forms in which many ranges overlap (a copied form, say) have as many
     * findings as overlapping pairs; only {@code maxListed} of them are built.
     *
     * @param declarations the declarations, of one or more Parties
     * @param maxListed the most findings to list
     * @return the findings listed and how many more there are
     * @throws IllegalArgumentException when {@code maxListed} is negative
     */
    public OifCheck check(Collection<RangeDeclaration> declarations, int maxListed) {
        if (maxListed < 0) {
            throw new IllegalArgumentException("maxListed is not negative: " + maxListed);
        }
        List<RangeDeclaration> all = List.copyOf(declarations);
        Map<String, Map<UserRole, List<RangeDeclaration>>> byParty = group(all);
        Sweep sweep = new Sweep(all, byParty, maxListed);
        byParty.forEach((party, byRole) ->
                byRole.forEach((role, decls) -> contiguity(party, role, decls).ifPresent(sweep::list)));
        sweep.run();
        return new OifCheck(sweep.findings(), sweep.unlisted);
    }

    /**
     * The overlap sweep of one check (see {@link #check(Collection, int)}), on arrays indexed by the declaration's
     * place in the list checked: the ranges that reach the sweep's position are kept per Party, with counts per
     * User Role, so that a range overlapping nothing costs a few array reads.
     */
    private final class Sweep {

        private final List<RangeDeclaration> all;
        private final Map<String, Map<UserRole, List<RangeDeclaration>>> byParty;
        private final int maxListed;
        private final long[] first;
        private final long[] last;
        private final int[] party;
        private final List<OifFinding> contiguity = new ArrayList<>();
        private final List<Overlap> overlaps = new ArrayList<>();
        private long unlisted;

        /** Per Party: the declarations that reach the sweep's position, and how many per User Role. */
        private final PartyActive[] active;

        private final Set<Integer> activeParties = new LinkedHashSet<>();
        private int activeTotal;

        Sweep(List<RangeDeclaration> all, Map<String, Map<UserRole, List<RangeDeclaration>>> byParty, int maxListed) {
            this.all = all;
            this.byParty = byParty;
            this.maxListed = maxListed;
            int n = all.size();
            first = new long[n];
            last = new long[n];
            party = new int[n];
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < n; i++) {
                RangeDeclaration d = all.get(i);
                first[i] = unsigned(d.range().first());
                last[i] = unsigned(d.range().last());
                party[i] = ids.computeIfAbsent(d.party(), p -> ids.size());
            }
            active = new PartyActive[ids.size()];
        }

        /** Returns the identifier as a signed long that orders as the identifiers do. */
        private static long unsigned(Eui64 eui64) {
            return eui64.value() ^ Long.MIN_VALUE;
        }

        void list(OifFinding finding) {
            if (contiguity.size() < maxListed) {
                contiguity.add(finding);
            } else {
                unlisted++;
            }
        }

        private boolean full() {
            return contiguity.size() + overlaps.size() >= maxListed;
        }

        void run() {
            Integer[] byFirst = new Integer[all.size()];
            for (int i = 0; i < byFirst.length; i++) {
                byFirst[i] = i;
            }
            Arrays.sort(byFirst, (a, b) -> first[a] != first[b] ? Long.compare(first[a], first[b]) : a - b);
            PriorityQueue<Integer> byLast = new PriorityQueue<>((a, b) -> Long.compare(last[a], last[b]));
            UserRole[] roles = UserRole.values();
            for (int d : byFirst) {
                while (!byLast.isEmpty() && last[byLast.peek()] < first[d]) {
                    leave(byLast.poll());
                }
                UserRole role = all.get(d).userRole();
                PartyActive own = active[party[d]];
                if (own != null) {
                    for (UserRole other : roles) {
                        int count = own.roles[other.ordinal()];
                        if (count > 0 && other != role && !mayShare(other, role)) {
                            overlapWith(d, own.members(other), count, DISJOINT_ROLES);
                        }
                    }
                }
                int others = activeTotal - (own == null ? 0 : own.size);
                if (others > 0) {
                    if (full()) {
                        unlisted += others;
                    } else {
                        for (int p : activeParties) {
                            if (p != party[d]) {
                                for (UserRole other : roles) {
                                    int count = active[p].roles[other.ordinal()];
                                    if (count > 0) {
                                        overlapWith(d, active[p].members(other), count, DISJOINT_PARTIES);
                                    }
                                }
                            }
                        }
                    }
                }
                enter(d);
                byLast.add(d);
            }
        }

        /** Lists the overlaps of {@code d} with the {@code count} declarations {@code reaching}, up to the most. */
        private void overlapWith(int d, Set<Integer> reaching, int count, SourcedRule rule) {
            int listed = 0;
            for (int a : reaching) {
                if (full()) {
                    break;
                }
                overlaps.add(new Overlap(rule, new Item(a, all.get(a)), new Item(d, all.get(d))));
                listed++;
            }
            unlisted += count - listed;
        }

        private void enter(int d) {
            int p = party[d];
            if (active[p] == null) {
                active[p] = new PartyActive();
                activeParties.add(p);
            }
            active[p].add(d, all.get(d).userRole());
            activeTotal++;
        }

        private void leave(int d) {
            int p = party[d];
            PartyActive own = active[p];
            own.remove(d, all.get(d).userRole());
            activeTotal--;
            if (own.size == 0) {
                active[p] = null;
                activeParties.remove(p);
            }
        }

        /** Returns the findings listed: contiguity first, then overlaps in the order the forms give them. */
        List<OifFinding> findings() {
            List<OifFinding> findings = new ArrayList<>(contiguity);
            if (overlaps.isEmpty()) {
                return findings;
            }
            Map<String, Integer> partyOrder = new HashMap<>();
            byParty.keySet().forEach(p -> partyOrder.put(p, partyOrder.size()));
            Comparator<Item> role = Comparator.comparingInt(item -> roleIndex(item.d()));
            List<Overlap> ordered = new ArrayList<>();
            for (Overlap o : overlaps) {
                boolean swap = o.rule() == DISJOINT_PARTIES
                        ? partyOrder.get(o.a().d().party())
                                > partyOrder.get(o.b().d().party())
                        : role.compare(o.a(), o.b()) > 0;
                ordered.add(swap ? new Overlap(o.rule(), o.b(), o.a()) : o);
            }
            ordered.sort(Comparator.comparing((Overlap o) -> o.rule() == DISJOINT_PARTIES)
                    .thenComparing(o -> partyOrder.get(o.a().d().party()))
                    .thenComparing(o -> partyOrder.get(o.b().d().party()))
                    .thenComparing(Overlap::a, role)
                    .thenComparing(Overlap::b, role)
                    .thenComparingInt(o -> o.a().index())
                    .thenComparingInt(o -> o.b().index()));
            ordered.forEach(o -> findings.add(o.finding()));
            return findings;
        }

        /** Returns where the User Role of {@code d} first appears on its Party's form. */
        private int roleIndex(RangeDeclaration d) {
            int index = 0;
            for (UserRole role : byParty.get(d.party()).keySet()) {
                if (role == d.userRole()) {
                    return index;
                }
                index++;
            }
            throw new IllegalStateException(d + " is not grouped");
        }
    }

    /** The declarations of one Party that reach the sweep's position, per User Role, and how many. */
    private static final class PartyActive {
        final int[] roles = new int[UserRole.values().length];
        private final List<Set<Integer>> members = new ArrayList<>();
        int size;

        Set<Integer> members(UserRole role) {
            while (members.size() <= role.ordinal()) {
                members.add(null);
            }
            Set<Integer> set = members.get(role.ordinal());
            if (set == null) {
                set = new LinkedHashSet<>(4);
                members.set(role.ordinal(), set);
            }
            return set;
        }

        void add(int d, UserRole role) {
            members(role).add(d);
            roles[role.ordinal()]++;
            size++;
        }

        void remove(int d, UserRole role) {
            members(role).remove(d);
            roles[role.ordinal()]--;
            size--;
        }
    }

    /** A declaration and where it was in the list checked (so that equal declarations stay apart). */
    private record Item(int index, RangeDeclaration d) {}

    /** Two declarations whose ranges overlap, breaking {@code rule}. */
    private record Overlap(SourcedRule rule, Item first, Item second) {

        Item a() {
            return first;
        }

        Item b() {
            return second;
        }

        OifFinding finding() {
            RangeDeclaration a = first.d();
            RangeDeclaration b = second.d();
            List<RangeDeclaration> pair = List.of(a, b);
            String message = rule == DISJOINT_ROLES
                    ? "Party '" + a.party() + "' gives " + overlapText(pair) + " to both "
                            + a.userRole().slug() + " and " + b.userRole().slug()
                            + ", a pair Section H1.5 does not let share identifiers"
                    : "Parties '" + a.party() + "' (" + a.userRole().slug() + ") and '" + b.party() + "' ("
                            + b.userRole().slug() + ") both claim " + overlapText(pair);
            return new OifFinding(rule, message, pair);
        }
    }

    /**
     * Checks an Organisation Certificate request for {@code eui64} by {@code party} in {@code userRole}
     * against the Party's declarations (OIF-4); empty when the identifier lies within the Party's range for
     * that role.
     *
     * @param declarations the declarations on the Parties' forms
     * @param party the Party requesting the certificate
     * @param userRole the User Role it requests it in
     * @param eui64 the EUI-64 the certificate would name
     * @return the broken rule, or empty when the request may go ahead
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
     *
     * @param declarations the declarations on the Parties' forms
     * @param party the Party requesting the certificate
     * @param role the Remote Party Role the certificate would carry
     * @param eui64 the EUI-64 the certificate would name
     * @return the broken rule, or empty when the request may go ahead
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

    private static Optional<OifFinding> contiguity(String party, UserRole role, List<RangeDeclaration> decls) {
        if (decls.size() == 1) {
            return Optional.empty();
        }
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
