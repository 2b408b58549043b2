package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PrintableWriterTests {

    @Test
    void showsTerminalControlsAsQuestionMarksAndKeepsLinesTabsAndLetters() throws Exception {
        StringWriter out = new StringWriter();
        try (PrintableWriter writer = new PrintableWriter(out)) {
            writer.write("caf\u00e9\tok\n\u001b[31mred\r\u009b2J\u202egnp.exe\u0000\u007f");
        }

        assertThat(out.toString()).isEqualTo("caf\u00e9\tok\n?[31mred??2J?gnp.exe??");
    }

    @Test
    void theCommandLineShowsAnEscapeSequenceInAnInputFileAsText() throws Exception {
        java.nio.file.Path settings = java.nio.file.Files.createTempFile("escape", ".properties");
        try {
            java.nio.file.Files.writeString(settings, "\\u001b[2Jwipe=1\n");

            CliRun run = CliRun.of("analyze", "contingency", "--settings", settings.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("?[2Jwipe").doesNotContain("\u001b");
        } finally {
            java.nio.file.Files.delete(settings);
        }
    }
}
