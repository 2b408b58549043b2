package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmkiCliTests {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: smki").contains("Commands:").contains("Exit codes:");
    }

    @Test
    void noCommandIsAUsageErrorOnOneLineWithAHint() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("smki: Missing command");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithoutAStackTrace() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("frobnicate").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void versionNamesTheTool() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("smki ");
    }
}
