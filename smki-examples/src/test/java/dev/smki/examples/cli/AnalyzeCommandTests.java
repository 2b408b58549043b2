package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTests {

    @TempDir
    Path dir;

    @Test
    void findsTheModelledContingencyOrderSafeAndEachVariantUnsafeWithAShortestCounterexample() {
        CliRun run = CliRun.of("analyze", "contingency");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Step-order analysis of the Root OCA compromise response against REC-1, REC-2, REC-6,"
                        + " REC-8, REC-10, REC-14")
                .contains("MODELLED (ROOT_OCA_COMPROMISE): C2 < C5, C4 < C5, C5 < C6 < C8 < C9 < C10 < C11, as"
                        + " modelled\n  160 states explored; safe\n")
                .contains("REVOKE_BEFORE_DEVICES_UPDATED (ROOT_OCA_COMPROMISE.revoke-early)")
                .contains("  REC-10 the old OCA is revoked, and certificates chaining only to the new Root are sent,"
                        + " only once the Devices hold the new Root\n"
                        + "    shortest counterexample: N1, N2, N3, N4, D1, D2, D3, D4, C1, C2, C3, C8\n")
                .contains("  REC-6 the Symmetric Key is released only once the new Root with fresh contingency"
                        + " material exists\n"
                        + "    shortest counterexample: N1, N2, N3, N4, N5, D1, D2, D3, D4, C1, C4.attend, C4, C5\n")
                .contains("KEY_USE_BEFORE_DECISION (ROOT_OCA_COMPROMISE.activate-early)")
                .contains("  REC-1 the Contingency key is activated only under an SMKI PMA decision requiring it\n"
                        + "    shortest counterexample: C4.attend, C4\n")
                .contains("REISSUE_BEFORE_REVOKE (ROOT_OCA_COMPROMISE.reissue-first)")
                .endsWith("5 orders: 2 safe, 3 unsafe; the modelled order is safe\n");
    }

    @Test
    void saysTheVariantsAreHypothesesWhileObservationsFiveAndElevenAreUnresolvedAndHowToAnalyseARealOrder() {
        CliRun run = CliRun.of("analyze", "contingency");

        assertThat(run.out())
                .contains("The variants below are hypotheses, not SEC text: observations 5 and 11")
                .contains("are unresolved")
                .contains("smki analyze --plan order.yaml");
    }

    @Test
    void findsTheBuiltInPlansOrderSafeAndExitsZero() throws IOException {
        Path plan = dir.resolve("contingency.yaml");
        Files.writeString(plan, CliRun.of("plan", "init", "contingency").out());

        CliRun run = CliRun.of("analyze", "--plan", plan.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Step-order analysis of " + plan + " (ROOT_OCA_COMPROMISE, 32 steps) against REC-1")
                .contains("SAFE: no order the plan allows breaks an invariant");
    }

    @Test
    void exitsOneWithTheShortestCounterexampleWhenThePlansOrderLetsTheOldOcaBeRevokedEarly() throws IOException {
        Path plan = dir.resolve("early.yaml");
        Files.writeString(
                plan,
                CliRun.of("plan", "init", "contingency", "--expand")
                        .out()
                        .replace(
                                "    - id: C8\n      actor: DCC\n      after: [C3, C6]",
                                "    - id: C8\n      actor: DCC\n      after: [C3]"));

        CliRun run = CliRun.of("analyze", "--plan", plan.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .contains("(ROOT_OCA_COMPROMISE.plan, 32 steps)")
                .contains("UNSAFE: an order the plan allows breaks REC-10")
                .contains("  shortest counterexample (12 steps): N1, N2, N3, N4, D1, D2, D3, D4, C1, C2, C3, C8\n");
    }

    @Test
    void exitsTwoWithTheLineAndColumnOfABadPlan() throws IOException {
        Path plan = dir.resolve("bad.yaml");
        Files.writeString(plan, "name: bad\nseed: many\n");

        CliRun run = CliRun.of("analyze", "--plan", plan.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .isEqualTo("smki analyze: " + plan + ":2:7: seed must be a whole number, not 'many'");
    }

    @Test
    void analysesTheOrdersLeftWhenSettingsOmitReconstructedSteps() throws IOException {
        Path settings = dir.resolve("omit.properties");
        Files.writeString(settings, "omit=N6,CS1\n");

        CliRun run = CliRun.of("analyse", "contingency", "--settings", settings.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("MODELLED (ROOT_OCA_COMPROMISE)").doesNotContain("160 states explored");
    }

    @Test
    void refusesAnUnknownProcedureOrUnusableSettingsOnOneLineWithExitTwo() throws IOException {
        Path settings = dir.resolve("omit.properties");
        Files.writeString(settings, "omit=C6\n");

        CliRun unknown = CliRun.of("analyze", "solr");
        CliRun inferredStep = CliRun.of("analyze", "contingency", "--settings", settings.toString());

        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.errLines())
                .containsExactly("smki analyze: unknown procedure 'solr' (expected one of [contingency])");
        assertThat(inferredStep.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(inferredStep.errLines())
                .singleElement()
                .asString()
                .contains("omit.properties: Step C6")
                .contains("only reconstructed or memory steps may be left out");
    }
}
