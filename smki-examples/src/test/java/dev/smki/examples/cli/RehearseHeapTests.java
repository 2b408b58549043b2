package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.recovery.rehearsal.HeapNeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal whose fleet cannot fit in the heap the JVM may use is refused before it starts or resumes, saying how
 * much it needs and how to give it, rather than running out of memory half way.
 */
class RehearseHeapTests {

    @TempDir
    Path dir;

    /** Runs {@code smki} in a child JVM with at most {@code maxHeap} of heap. */
    private static CliRun inChild(String maxHeap, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx" + maxHeap,
                "-cp",
                System.getProperty("java.class.path"),
                SmkiCli.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new CliRun(child.exitValue(), out, err);
    }

    /** Returns how the refusal says what {@code devices} Devices need: {@code N Devices need about X MiB of heap}. */
    private static String needed(int devices) {
        String said = HeapNeed.of(devices, 0).toString();
        return said.substring(0, said.indexOf(';'));
    }

    @Test
    void aFleetTooLargeForTheHeapIsRefusedBeforeAnythingIsWrittenSayingWhatToGive() throws Exception {
        Path journal = dir.resolve("big.journal");

        CliRun run = inChild("96m", "rehearse", "--devices", "3000000", "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("smki rehearse: " + needed(3_000_000) + "; this JVM may use ")
                .contains("SMKI_JAVA_OPTS=" + HeapNeed.of(3_000_000, 0).maxHeapOption());
        assertThat(run.out()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aJournalWhoseFleetIsTooLargeForTheHeapIsNotResumedAndIsLeftAsItIs() throws Exception {
        Path journal = dir.resolve("small.journal");
        CliRun started = CliRun.of("rehearse", "notify-only", "--devices", "300", "--journal", journal.toString());
        assertThat(started.exitCode()).as(started.err()).isZero();
        byte[] before = Files.readAllBytes(journal);

        CliRun resumed = inChild("96m", "rehearse", "--resume", journal.toString());

        assertThat(resumed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(resumed.err())
                .startsWith("smki rehearse: " + needed(300) + "; this JVM may use ")
                .doesNotContain("Exception");
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
    }
}
