package dev.smki.core.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.Eui64Range;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.provenance.Confidence;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganisationInformationRulesTests {

    private static final OrganisationInformationRules RULES = OrganisationInformationRules.defaults();

    private static RangeDeclaration decl(String party, UserRole role, String first, String last) {
        return RangeDeclaration.of(party, role, Eui64Range.of(Eui64.parse(first), Eui64.parse(last)));
    }

    @Test
    void acceptsDisjointContiguousRangesPerRole() {
        List<RangeDeclaration> form = List.of(
                decl("Acme", UserRole.IMPORT_SUPPLIER, "02534D4B49010000", "02534D4B490100FF"),
                decl("Acme", UserRole.ELECTRICITY_DISTRIBUTOR, "02534D4B49020000", "02534D4B490200FF"));
        assertThat(RULES.check(form)).isEmpty();
    }

    @Test
    void acceptsTouchingDeclarationsOfOneRoleAsOneContiguousRange() {
        List<RangeDeclaration> form = List.of(
                decl("Acme", UserRole.GAS_SUPPLIER, "02534D4B49010100", "02534D4B490101FF"),
                decl("Acme", UserRole.GAS_SUPPLIER, "02534D4B49010000", "02534D4B490100FF"));
        assertThat(RULES.check(form)).isEmpty();
    }

    @Test
    void reportsAGapInOneRolesIdentifiersUnderOif1() {
        List<RangeDeclaration> form = List.of(
                decl("Acme", UserRole.GAS_SUPPLIER, "02534D4B49010000", "02534D4B4901000F"),
                decl("Acme", UserRole.GAS_SUPPLIER, "02534D4B49010020", "02534D4B4901002F"));
        assertThat(RULES.check(form)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(OrganisationInformationRules.CONTIGUOUS);
            assertThat(f.message()).contains("02-53-4D-4B-49-01-00-0F").contains("02-53-4D-4B-49-01-00-20");
        });
    }

    @Test
    void reportsOverlappingRolesOfOneParty() {
        List<RangeDeclaration> form = List.of(
                decl("Acme", UserRole.IMPORT_SUPPLIER, "02534D4B49010000", "02534D4B490100FF"),
                decl("Acme", UserRole.ELECTRICITY_DISTRIBUTOR, "02534D4B490100F0", "02534D4B490101FF"));
        assertThat(RULES.check(form)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(OrganisationInformationRules.DISJOINT_ROLES);
            assertThat(f.message())
                    .contains("02-53-4D-4B-49-01-00-F0..02-53-4D-4B-49-01-00-FF")
                    .contains("import-supplier")
                    .contains("electricity-distributor");
        });
    }

    @Test
    void acceptsTheTwoPairsSectionH15LetsShare() {
        List<RangeDeclaration> form = List.of(
                decl("Acme", UserRole.IMPORT_SUPPLIER, "02534D4B49010000", "02534D4B490100FF"),
                decl("Acme", UserRole.GAS_SUPPLIER, "02534D4B49010000", "02534D4B490100FF"),
                decl("Grid", UserRole.ELECTRICITY_DISTRIBUTOR, "02534D4B49020000", "02534D4B490200FF"),
                decl("Grid", UserRole.GAS_TRANSPORTER, "02534D4B49020080", "02534D4B490201FF"));
        assertThat(RULES.check(form)).isEmpty();
        assertThat(RULES.sharedPairsConfidence()).isEqualTo(Confidence.MEMORY);
    }

    @Test
    void sharedPairsAreDataAUserCanReplace() {
        List<RangeDeclaration> form = List.of(
                decl("Acme", UserRole.IMPORT_SUPPLIER, "02534D4B49010000", "02534D4B490100FF"),
                decl("Acme", UserRole.GAS_SUPPLIER, "02534D4B49010000", "02534D4B490100FF"));
        OrganisationInformationRules strict = RULES.withSharedPairs(Set.of(), Confidence.VERIFIED);
        assertThat(strict.check(form))
                .extracting(OifFinding::rule)
                .containsExactly(OrganisationInformationRules.DISJOINT_ROLES);
    }

    @Test
    void reportsOverlapsBetweenPartiesEvenForSharableRoles() {
        List<RangeDeclaration> form = List.of(
                decl("Acme", UserRole.IMPORT_SUPPLIER, "02534D4B49010000", "02534D4B490100FF"),
                decl("Bolt", UserRole.GAS_SUPPLIER, "02534D4B490100FF", "02534D4B490101FF"));
        assertThat(RULES.check(form)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(OrganisationInformationRules.DISJOINT_PARTIES);
            assertThat(f.message()).contains("'Acme'").contains("'Bolt'").contains("02-53-4D-4B-49-01-00-FF");
        });
    }

    @Test
    void refusesACertificateRequestOutsideThePartysRangeForThatRole() {
        List<RangeDeclaration> form = List.of(
                decl("Acme", UserRole.IMPORT_SUPPLIER, "02534D4B49010000", "02534D4B490100FF"),
                decl("Acme", UserRole.ELECTRICITY_DISTRIBUTOR, "02534D4B49020000", "02534D4B490200FF"));
        Eui64 inSupplier = Eui64.parse("02534D4B49010042");
        Eui64 inNetwork = Eui64.parse("02534D4B49020042");
        assertThat(RULES.checkCertificateRequest(form, "Acme", UserRole.IMPORT_SUPPLIER, inSupplier))
                .isEmpty();
        assertThat(RULES.checkCertificateRequest(form, "Acme", UserRole.IMPORT_SUPPLIER, inNetwork))
                .hasValueSatisfying(f -> assertThat(f.rule()).isEqualTo(OrganisationInformationRules.REQUEST_IN_RANGE));
        assertThat(RULES.checkCertificateRequest(form, "Acme", UserRole.GAS_SUPPLIER, inSupplier))
                .hasValueSatisfying(f -> assertThat(f.message()).contains("gave no range for gas-supplier"));
        assertThat(RULES.checkCertificateRequest(form, "Bolt", UserRole.IMPORT_SUPPLIER, inSupplier))
                .isPresent();
    }

    @Test
    void checksARequestByRemotePartyRoleAgainstEveryUserRoleCarryingIt() {
        List<RangeDeclaration> form =
                List.of(decl("Grid", UserRole.GAS_TRANSPORTER, "02534D4B49030000", "02534D4B490300FF"));
        assertThat(RULES.checkCertificateRequest(
                        form, "Grid", RemotePartyRole.NETWORK_OPERATOR, Eui64.parse("02534D4B49030001")))
                .isEmpty();
        assertThat(RULES.checkCertificateRequest(
                        form, "Grid", RemotePartyRole.SUPPLIER, Eui64.parse("02534D4B49030001")))
                .isPresent();
    }

    @Test
    void everyRuleCitesASourceAndAConfidence() {
        assertThat(OrganisationInformationRules.rules())
                .extracting(r -> r.id().value())
                .containsExactly("OIF-1", "OIF-2", "OIF-3", "OIF-4");
        assertThat(OrganisationInformationRules.rules())
                .allSatisfy(r -> assertThat(r.sources()).isNotEmpty());
    }

    @Test
    void findsExactlyThePlantedFindingsAmongTwoHundredThousandRanges() {
        List<UserRole> roles = List.of(
                UserRole.IMPORT_SUPPLIER, UserRole.GAS_SUPPLIER, UserRole.ELECTRICITY_DISTRIBUTOR, UserRole.OTHER_USER);
        long base = 0x02534D4B49000000L;
        List<RangeDeclaration> form = new java.util.ArrayList<>();
        for (int party = 0; party < 50_000; party++) {
            for (int r = 0; r < roles.size(); r++) {
                long first = base + party * 1_000L + r * 200L;
                form.add(RangeDeclaration.of(
                        "party" + party, roles.get(r), Eui64Range.of(new Eui64(first), new Eui64(first + 99))));
            }
        }
        // Party 7 gives gas-transporter identifiers overlapping its own import-supplier range (OIF-2); party 9's
        // gas-supplier range reaches into party 10's (OIF-3) and leaves a gap (OIF-1); so does party 20's (OIF-1).
        form.add(RangeDeclaration.of(
                "party7", UserRole.GAS_TRANSPORTER, Eui64Range.of(new Eui64(base + 7_050), new Eui64(base + 7_060))));
        form.add(RangeDeclaration.of(
                "party9", UserRole.GAS_SUPPLIER, Eui64Range.of(new Eui64(base + 9_900), new Eui64(base + 10_010))));
        form.add(RangeDeclaration.of(
                "party20", UserRole.GAS_SUPPLIER, Eui64Range.of(new Eui64(base + 20_350), new Eui64(base + 20_360))));

        OifCheck check = RULES.check(form, 100);

        assertThat(check.unlisted()).isZero();
        assertThat(check.findings())
                .extracting(f -> f.rule().id().value() + " "
                        + f.declarations().stream()
                                .map(d -> d.party() + "/" + d.userRole().slug())
                                .toList())
                .containsExactly(
                        "OIF-1 [party9/gas-supplier, party9/gas-supplier]",
                        "OIF-1 [party20/gas-supplier, party20/gas-supplier]",
                        "OIF-2 [party7/import-supplier, party7/gas-transporter]",
                        "OIF-3 [party9/gas-supplier, party10/import-supplier]");
    }

    @Test
    void listsAtMostTheFindingsAskedForAndCountsTheRest() {
        List<RangeDeclaration> form = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            form.add(decl("p" + i % 3, UserRole.OTHER_USER, "02534D4B49010000", "02534D4B490100FF"));
        }

        OifCheck check = RULES.check(form, 10);

        assertThat(check.findings())
                .hasSize(10)
                .allMatch(f -> f.rule() == OrganisationInformationRules.DISJOINT_PARTIES);
        assertThat(check.total()).isEqualTo(3 * 100 * 100);
        assertThat(RULES.check(form)).hasSize(30_000);
    }
}
