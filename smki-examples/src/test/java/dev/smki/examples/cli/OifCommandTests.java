package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OifCommandTests {

    @TempDir
    Path dir;

    private static String resource(String name) {
        try {
            return Path.of(OifCommandTests.class.getResource("/oif/" + name).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void acceptsTheSectionH15SharedPairsAndExitsZero() {
        CliRun run = CliRun.of("oif", "check", resource("valid.csv"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("5 ranges, 2 parties").contains("OK: no findings");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void reportsGapsRoleOverlapsAndPartyOverlapsEachWithItsRule() {
        CliRun run = CliRun.of("oif", "check", resource("overlaps.csv"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .contains("OIF-1 Party 'Acme Energy' gives import-supplier identifiers that are not one contiguous")
                .contains(
                        "OIF-2 Party 'Acme Energy' gives 02-53-4D-4B-49-01-00-28..02-53-4D-4B-49-01-00-2F (lines 3 and 4)")
                .contains("OIF-3 Parties 'Acme Energy' (other-user) and 'Bolt Power' (gas-supplier) both claim"
                        + " 02-53-4D-4B-49-01-00-3F..02-53-4D-4B-49-01-00-3F")
                .contains("rule: OIF-2 (verified; seed 003 (MP173 Modification Report")
                .contains("3 finding(s)");
    }

    @Test
    void malformedInputExitsTwoNamingTheLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "party,userRole,firstEui64,lastEui64\nAcme,gas-supplier,00,01\n");
        CliRun run = CliRun.of("oif", "check", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("line 2").contains("'00'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingFileExitsTwoOnOneLine() {
        CliRun run = CliRun.of("oif", "check", dir.resolve("absent.csv").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("absent.csv");
    }

    @Test
    void aDirectoryExitsTwoOnOneLine() {
        CliRun run = CliRun.of("oif", "check", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("is a directory");
    }

    @Test
    void listsTheFirstThousandFindingsAndCountsTheRest() throws IOException {
        StringBuilder csv = new StringBuilder("party,userRole,firstEui64,lastEui64\n");
        for (int i = 0; i < 100; i++) {
            csv.append("p").append(i % 2).append(",other-user,02534D4B49010000,02534D4B490100FF\n");
        }
        Path file = Files.writeString(dir.resolve("copied.csv"), csv);

        CliRun run = CliRun.of("oif", "check", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .contains("... and 1,500 more finding(s), not listed")
                .endsWith("2,500 finding(s)\n");
    }

    @Test
    void printsControlCharactersFromTheFileAsQuestionMarks() throws IOException {
        Path file = Files.writeString(
                dir.resolve("escape.csv"),
                "party,userRole,firstEui64,lastEui64\n"
                        + "\"Evil\u001b]0;owned\u0007\u001b[2J\",other-user,02534D4B49010000,02534D4B490100FF\n"
                        + "Good,other-user,02534D4B49010000,02534D4B490100FF\n");

        CliRun run = CliRun.of("oif", "check", file.toString());

        assertThat(run.out())
                .contains("'Evil?]0;owned??[2J'")
                .doesNotContain("\u001b")
                .doesNotContain("\u0007");
    }
}
