package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.recovery.plan.ExercisePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTests {

    @TempDir
    Path dir;

    @Test
    void printsTheBuiltInContingencyPlanWithEveryDefaultWrittenOutByDefault() {
        CliRun run = CliRun.of("plan", "init");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo(ExercisePlan.builtInText("contingency"))
                .contains("name: \"contingency\"")
                .contains("  devices: 10000")
                .contains("  quorum: 3/5")
                .contains("  pace.default: PT30M")
                .contains("# ");
    }

    @Test
    void expandsTheProcedureIntoItsStepsWithWhoDoesEachWhatEachWaitsForItsSourceAndConfidence() {
        CliRun run = CliRun.of("plan", "init", "live-exercise", "--expand");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("    - id: T1.notify\n      actor: DCC\n      after: [T1]\n")
                .contains(
                        "      source: \"seed 002 (SEC Panel Sub-Committee Report, May 2019) §3.6 \\\"SMKI Recovery in"
                                + " the Live Environment\\\"")
                .contains("      confidence: verified\n")
                .contains("    - id: T4\n      actor: DCC\n      after: [T2, T3]\n");
    }

    @Test
    void refusesAnUnknownScenarioNamingTheBuiltInOnes() {
        CliRun run = CliRun.of("plan", "init", "meteor-strike");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("smki plan init: Unknown scenario 'meteor-strike'")
                .contains("live-exercise");
    }

    @Test
    void acceptsAPlanInitWroteAndSaysWhatItRehearses() throws IOException {
        Path plan = dir.resolve("p.yaml");
        Files.writeString(plan, CliRun.of("plan", "init", "recovery-key").out());

        CliRun run = CliRun.of("plan", "check", plan.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo(plan + ": plan recovery-key can be rehearsed: procedure ORGANISATION_KEY_COMPROMISE.M3, 22"
                        + " steps, 3 attendances, 0 injected events\n");
    }

    @Test
    void printsEachProblemAsFileLineColumnAndMessageAndExitsTwo() throws IOException {
        Path plan = dir.resolve("bad.yaml");
        Files.writeString(plan, "name: bad\nseed: x\ncustody:\n  quorum: 9\nfleet:\n  devices: -3\nwhat: 1\n");

        CliRun run = CliRun.of("plan", "check", plan.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .containsExactly(
                        plan + ":7:1: unknown key 'what' (expected one of [base, name, description, mode, seed, start,"
                                + " incident, procedure, custody, decisions, fleet, durations, settings, events])",
                        plan + ":2:7: seed must be a whole number, not 'x'",
                        plan + ":4:11: quorum must be M/N, such as 3/5, not '9'");
    }

    @Test
    void reportsANonYamlFileWithWhereTheParserStopped() throws IOException {
        Path plan = dir.resolve("broken.yaml");
        Files.writeString(plan, "name: [unclosed\n");

        CliRun run = CliRun.of("plan", "check", plan.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith(plan + ":")
                .contains("not YAML");
    }
}
