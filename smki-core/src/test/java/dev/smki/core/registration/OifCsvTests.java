package dev.smki.core.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smki.core.identity.Eui64;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class OifCsvTests {

    private static List<RangeDeclaration> read(String csv) {
        return OifCsv.read(new StringReader(csv));
    }

    @Test
    void readsOneDeclarationPerLineAfterTheHeader() {
        List<RangeDeclaration> decls = read("""
                party,userRole,firstEui64,lastEui64
                # a comment
                Acme,import-supplier,02-53-4D-4B-49-01-00-00,02534D4B490100FF

                "Bolt, Ltd",Gas Supplier,02534d4b49020000,02534d4b490200ff
                """);
        assertThat(decls).hasSize(2);
        assertThat(decls.get(0).party()).isEqualTo("Acme");
        assertThat(decls.get(0).userRole()).isEqualTo(UserRole.IMPORT_SUPPLIER);
        assertThat(decls.get(0).line()).isEqualTo(3);
        assertThat(decls.get(1).party()).isEqualTo("Bolt, Ltd");
        assertThat(decls.get(1).userRole()).isEqualTo(UserRole.GAS_SUPPLIER);
        assertThat(decls.get(1).range().last()).isEqualTo(Eui64.parse("02534D4B490200FF"));
        assertThat(decls.get(1).line()).isEqualTo(5);
    }

    @Test
    void writesCsvThatReadsBack() {
        List<RangeDeclaration> decls = read("""
                party,userRole,firstEui64,lastEui64
                "Say ""hi"", Ltd",other-user,0000000000000001,0000000000000002
                """);
        List<RangeDeclaration> again = read(OifCsv.write(decls));
        assertThat(again).extracting(RangeDeclaration::party).containsExactly("Say \"hi\", Ltd");
        assertThat(again.get(0).range()).isEqualTo(decls.get(0).range());
    }

    @Test
    void namesTheLineOfAMalformedEui64() {
        assertThatThrownBy(() -> read("party,userRole,firstEui64,lastEui64\nAcme,gas-supplier,XYZ,0000000000000001\n"))
                .isInstanceOf(OifCsv.FormatException.class)
                .hasMessageStartingWith("line 2:")
                .hasMessageContaining("'XYZ'")
                .satisfies(e -> assertThat(((OifCsv.FormatException) e).line()).isEqualTo(2));
    }

    @Test
    void namesTheLineOfAReversedRangeAWrongFieldCountAndAnUnknownRole() {
        String header = "party,userRole,firstEui64,lastEui64\n";
        assertThatThrownBy(() -> read(header + "Acme,gas-supplier,0000000000000009,0000000000000001\n"))
                .hasMessageStartingWith("line 2:")
                .hasMessageContaining("after its end");
        assertThatThrownBy(() -> read(header + "Acme,gas-supplier,0000000000000001\n"))
                .hasMessageStartingWith("line 2:")
                .hasMessageContaining("expected 4 fields");
        assertThatThrownBy(() -> read(header + "\nAcme,meter-reader,0000000000000001,0000000000000002\n"))
                .hasMessageStartingWith("line 3:")
                .hasMessageContaining("'meter-reader'");
        assertThatThrownBy(() -> read(header + "\"Acme,gas-supplier,0000000000000001,0000000000000002\n"))
                .hasMessageContaining("not closed");
    }

    @Test
    void requiresTheHeader() {
        assertThatThrownBy(() -> read("Acme,gas-supplier,0000000000000001,0000000000000002\n"))
                .hasMessageStartingWith("line 1:")
                .hasMessageContaining(OifCsv.HEADER);
        assertThatThrownBy(() -> read("")).hasMessageContaining("no header");
    }
}
