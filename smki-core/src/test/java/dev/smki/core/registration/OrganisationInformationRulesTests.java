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
}
