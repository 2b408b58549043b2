package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressLinesTests {

    @TempDir
    Path dir;

    @Test
    void aLongRunNotOnATerminalPrintsAProgressLineToStandardErrorEverySoOften() {
        System.setProperty(ProgressLines.ENABLED, "true");
        System.setProperty(ProgressLines.MILLIS, "20");
        CliRun run;
        try {
            run = CliRun.of(
                    "rehearse",
                    "--devices",
                    "1500",
                    "--journal",
                    dir.resolve("r.journal").toString());
        } finally {
            System.clearProperty(ProgressLines.ENABLED);
            System.clearProperty(ProgressLines.MILLIS);
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines())
                .isNotEmpty()
                .allMatch(line -> line.matches("smki rehearse: running for \\d+ s(; C5: [\\d,]+ of [\\d,]+ Devices done"
                        + " \\(\\d+%\\), [\\d,]+ failed, [\\d,]+ written off)?"));
        assertThat(run.out()).contains("Incident closed");
    }

    @Test
    void aRunInsideAnotherProgramPrintsNoProgressLinesUnlessAsked() {
        CliRun run = CliRun.of(
                "rehearse",
                "--devices",
                "50",
                "--journal",
                dir.resolve("q.journal").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }
}
