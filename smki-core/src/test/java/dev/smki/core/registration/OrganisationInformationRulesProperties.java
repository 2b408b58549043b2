package dev.smki.core.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.testing.SmkiGen;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

class OrganisationInformationRulesProperties implements WithQuickTheories {

    private static final long BASE = 0x02534D4B49000000L;
    private static final List<String> PARTIES = List.of("Acme", "Bolt", "Cell");
    private static final List<UserRole> ROLES = List.of(
            UserRole.IMPORT_SUPPLIER, UserRole.GAS_SUPPLIER, UserRole.ELECTRICITY_DISTRIBUTOR, UserRole.OTHER_USER);

    private Gen<RangeDeclaration> declarations() {
        return integers()
                .between(0, PARTIES.size() - 1)
                .zip(
                        integers().between(0, ROLES.size() - 1),
                        SmkiGen.eui64RangesNear(BASE, 24),
                        (p, r, range) -> RangeDeclaration.of(PARTIES.get(p), ROLES.get(r), range));
    }

    @Test
    void findingsAgreeWithABruteForceCheckOfEveryIdentifier() {
        OrganisationInformationRules rules = OrganisationInformationRules.defaults();
        qt().withExamples(1_000)
                .forAll(lists().of(declarations()).ofSizeBetween(0, 7))
                .checkAssert(decls -> assertThat(keys(rules.check(decls))).isEqualTo(bruteForce(rules, decls)));
    }

    @Test
    void aRequestIsAcceptedExactlyWhenSomeDeclarationOfThatPartyAndRoleHoldsIt() {
        OrganisationInformationRules rules = OrganisationInformationRules.defaults();
        qt().forAll(
                        lists().of(declarations()).ofSizeBetween(0, 6),
                        integers().between(0, PARTIES.size() - 1),
                        integers().between(0, ROLES.size() - 1),
                        SmkiGen.eui64sNear(BASE - 2, 28))
                .checkAssert((decls, p, r, eui) -> {
                    boolean held = decls.stream()
                            .anyMatch(d -> d.party().equals(PARTIES.get(p))
                                    && d.userRole() == ROLES.get(r)
                                    && d.range().first().value() <= eui.value()
                                    && eui.value() <= d.range().last().value());
                    assertThat(rules.checkCertificateRequest(decls, PARTIES.get(p), ROLES.get(r), eui)
                                    .isEmpty())
                            .isEqualTo(held);
                });
    }

    /** Reduces findings to (rule, subject) keys: the party and role, the party and role pair, the party pair. */
    private static Set<String> keys(List<OifFinding> findings) {
        Set<String> keys = new HashSet<>();
        for (OifFinding f : findings) {
            RangeDeclaration first = f.declarations().get(0);
            switch (f.rule().id().value()) {
                case "OIF-1" -> keys.add("OIF-1 " + first.party() + " " + first.userRole());
                case "OIF-2" ->
                    keys.add("OIF-2 " + first.party() + " "
                            + new TreeSet<>(Set.of(
                                    first.userRole(), f.declarations().get(1).userRole())));
                case "OIF-3" ->
                    keys.add("OIF-3 "
                            + new TreeSet<>(Set.of(
                                    first.party(), f.declarations().get(1).party())));
                default ->
                    throw new AssertionError("unexpected rule " + f.rule().id());
            }
        }
        return keys;
    }

    private static Set<String> bruteForce(OrganisationInformationRules rules, List<RangeDeclaration> decls) {
        Map<String, Map<UserRole, Set<Long>>> claimed = new HashMap<>();
        for (RangeDeclaration d : decls) {
            Set<Long> ids = claimed.computeIfAbsent(d.party(), p -> new HashMap<>())
                    .computeIfAbsent(d.userRole(), r -> new TreeSet<>());
            for (long v = d.range().first().value(); v <= d.range().last().value(); v++) {
                ids.add(v);
            }
        }
        Set<String> keys = new HashSet<>();
        claimed.forEach((party, byRole) -> byRole.forEach((role, ids) -> {
            TreeSet<Long> sorted = new TreeSet<>(ids);
            if (sorted.last() - sorted.first() + 1 != sorted.size()) {
                keys.add("OIF-1 " + party + " " + role);
            }
        }));
        claimed.forEach((party, byRole) -> {
            for (UserRole a : byRole.keySet()) {
                for (UserRole b : byRole.keySet()) {
                    if (a.compareTo(b) < 0
                            && !rules.mayShare(a, b)
                            && byRole.get(a).stream().anyMatch(byRole.get(b)::contains)) {
                        keys.add("OIF-2 " + party + " " + new TreeSet<>(Set.of(a, b)));
                    }
                }
            }
        });
        for (String a : claimed.keySet()) {
            for (String b : claimed.keySet()) {
                if (a.compareTo(b) < 0 && union(claimed.get(a)).stream().anyMatch(union(claimed.get(b))::contains)) {
                    keys.add("OIF-3 " + new TreeSet<>(Set.of(a, b)));
                }
            }
        }
        return keys;
    }

    private static Set<Long> union(Map<UserRole, Set<Long>> byRole) {
        Set<Long> all = new HashSet<>();
        byRole.values().forEach(all::addAll);
        return all;
    }
}
