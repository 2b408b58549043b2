package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.testing.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code smki rehearse} running in a child JVM at random moments and resumes its journal: the resumed
 * rehearsal must end as one never interrupted.
 */
class RehearseKilledAndResumedTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PARAMETERS =
            List.of("rehearse", "contingency", "--devices", "400", "--seed", "5", "--failure-rate", "0.1");

    @TempDir
    Path dir;

    /** The key sealing every journal of the test, given to each run so that their seals can be compared. */
    private Path sealKey;

    @Test
    void aRehearsalKilledAtRandomMomentsEndsWhenResumedAsIfItHadNeverStopped() throws Exception {
        Path whole = dir.resolve("whole");
        Files.createDirectories(whole);
        sealKey = dir.resolve("seal-key.pem");
        Files.writeString(sealKey, SigningKey.of(TestKeys.key(0)).privateKeyPem());
        CliRun uninterrupted = CliRun.of(arguments(
                        "--journal",
                        whole.resolve("r.journal").toString(),
                        "--json",
                        whole.resolve("r.json").toString())
                .toArray(String[]::new));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        byte[] wholeJournal = Files.readAllBytes(whole.resolve("r.journal"));
        int lines = newlines(wholeJournal);
        int sentLine = 1 + 1 + indexOfC5(uninterrupted.out()); // the header, then the attempts up to C5
        long seed = System.nanoTime();
        Random random = new Random(seed);
        // Early (before any command is sent), while the Devices are being sent commands, and late (but well before
        // the end: the last lines come within milliseconds of each other).
        int[] killAfterLines = {
            1 + random.nextInt(sentLine - 1), sentLine, sentLine + 1 + random.nextInt(lines - sentLine - 20)
        };

        for (int i = 0; i < killAfterLines.length; i++) {
            Path run = dir.resolve("killed-" + i);
            Files.createDirectories(run);
            Path journal = run.resolve("r.journal");
            String moment = "seed " + seed + ", killed once the journal had " + killAfterLines[i] + " lines";

            int linesAtKill = killChild(journal, killAfterLines[i], random.nextInt(10));
            assertThat(linesAtKill).as(moment).isLessThan(lines);

            CliRun resumed = CliRun.of(
                    "rehearse",
                    "--resume",
                    journal.toString(),
                    "--seal-key",
                    sealKey.toString(),
                    "--json",
                    run.resolve("r.json").toString());
            assertThat(resumed.exitCode())
                    .as(moment + ": " + resumed.err() + resumed.out())
                    .isZero();
            assertThat(resumed.out()).as(moment).contains("Resuming " + journal).contains("(resumed");
            assertThat(comparable(run.resolve("r.json"))).as(moment).isEqualTo(comparable(whole.resolve("r.json")));
            assertThat(Files.readAllBytes(journal)).as(moment).isEqualTo(wholeJournal);
            assertThat(Files.readAllBytes(run.resolve("r.journal.C5.progress.csv")))
                    .as("the Recovery Progress File, " + moment)
                    .isEqualTo(Files.readAllBytes(whole.resolve("r.journal.C5.progress.csv")));
            assertThat(Files.readAllBytes(run.resolve("r.journal.seals")))
                    .as("the seals, " + moment)
                    .isEqualTo(Files.readAllBytes(whole.resolve("r.journal.seals")));
            CliRun verify = CliRun.of(
                    "journal",
                    "verify",
                    journal.toString(),
                    "--seal-pub",
                    run.resolve("r.journal.seal.pub.pem").toString());
            assertThat(verify.exitCode()).as(moment + ": " + verify.out()).isZero();
            assertThat(verify.out())
                    .as(moment)
                    .contains("intact: " + lines + " lines")
                    .contains("sealed");
        }
    }

    /**
     * Runs the rehearsal in a child JVM journalling to {@code journal}, kills it forcibly {@code delayMillis} after
     * the journal holds {@code lines} lines, and returns how many complete lines it then holds.
     */
    private int killChild(Path journal, int lines, int delayMillis) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(
                List.of(java.toString(), "-cp", System.getProperty("java.class.path"), SmkiCli.class.getName()));
        command.addAll(arguments("--journal", journal.toString()));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(journal.resolveSibling("child.out").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (child.isAlive() && linesIn(journal) < lines && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(delayMillis);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return linesIn(journal);
    }

    /** Returns the rehearsal's parameters, with the seal key, followed by {@code more}. */
    private List<String> arguments(String... more) {
        List<String> all = new ArrayList<>(PARAMETERS);
        all.add("--seal-key");
        all.add(sealKey.toString());
        all.addAll(List.of(more));
        return all;
    }

    private static int indexOfC5(String out) {
        List<String> timeline = out.lines()
                .filter(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT.*"))
                .toList();
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.get(i).matches("\\S+ +DCC +C5 .*")) {
                return i;
            }
        }
        throw new AssertionError("no C5 in " + out);
    }

    private static int linesIn(Path journal) throws IOException {
        return Files.exists(journal) ? newlines(Files.readAllBytes(journal)) : 0;
    }

    private static int newlines(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Returns the JSON result without what may differ between runs: the wall-clock duration and the journal path. */
    private static JsonNode comparable(Path json) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(json.toFile());
        node.remove("durationMs");
        node.remove("journal");
        return node;
    }
}
