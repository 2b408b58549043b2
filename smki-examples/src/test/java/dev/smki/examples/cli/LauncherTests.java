package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./smki} launcher script, run with this build's class path ({@code SMKI_CLASSPATH}). */
class LauncherTests {

    private static final Path LAUNCHER = Path.of("..", "smki").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void namesAFileWithAnAccentedLetterInTheCLocale() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) && Files.isRegularFile(LAUNCHER), "no bash or launcher");
        Path pki = dir.resolve("pk\u00ef");
        ProcessBuilder builder = new ProcessBuilder(
                        "/bin/bash",
                        LAUNCHER.toString(),
                        "pki",
                        "init",
                        "--out",
                        pki.toString(),
                        "--seed",
                        "1",
                        "--devices",
                        "0")
                .redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LANG", "C");
        builder.environment().put("SMKI_CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(pki.resolve("manifest.properties")).isRegularFile();
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("pk\u00ef"));
        }
    }

    @Test
    void givesJavaADefaultMaximumHeapUnlessTheOptionsSetOne() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) && Files.isRegularFile(LAUNCHER), "no bash or launcher");

        assertThat(launch("-XshowSettings:vm")).containsPattern("Max\\. Heap Size: (3\\.00G|\\d+\\.\\d+[MG])");
        assertThat(launch("-XshowSettings:vm -Xmx200m")).contains("Max. Heap Size: 200.00M");
    }

    /** Runs {@code smki --version} through the launcher with {@code SMKI_JAVA_OPTS} set to {@code options}. */
    private static String launch(String options) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder("/bin/bash", LAUNCHER.toString(), "--version").redirectErrorStream(true);
        builder.environment().put("SMKI_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("SMKI_JAVA_OPTS", options);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
