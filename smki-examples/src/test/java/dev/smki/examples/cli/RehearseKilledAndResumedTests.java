package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.testing.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        CliRun uninterrupted = runWhole(PARAMETERS, whole);
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

            CliRun resumed = resumeAndCompare(run, whole, moment);
            assertThat(resumed.out()).as(moment).contains("Resuming " + journal).contains("(resumed");
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

    @Test
    void aRehearsalKilledWhileSendingCommandsGoesOnFromItsRecoveryProgressFileSendingOnlyWhatItDoesNotRecord()
            throws Exception {
        List<String> parameters =
                List.of("rehearse", "contingency", "--devices", "6000", "--seed", "9", "--failure-rate", "0.1");
        Path whole = dir.resolve("whole");
        runWhole(parameters, whole);
        long relevant = JSON.readTree(whole.resolve("r.json").toFile())
                .get("devices")
                .get("relevant")
                .asLong();
        int batch = (int) ((relevant + 99) / 100);
        int firstRound = (int) ((relevant + batch - 1) / batch); // reports of attempt 1, after the first report
        long seed = System.nanoTime();
        Random random = new Random(seed);

        for (int i = 0; i < 2; i++) {
            Path run = dir.resolve("sending-" + i);
            Files.createDirectories(run);
            Path journal = run.resolve("r.journal");
            Path progress = run.resolve("r.journal.C5.progress.csv");
            int reports = i == 0 ? 2 + random.nextInt(firstRound / 2) : firstRound / 2 + random.nextInt(firstRound / 3);
            String moment = "seed " + seed + ", killed once the progress file had " + reports + " reports";

            killChild(parameters, journal, progress, reports + 1, random.nextInt(10));
            List<String> recorded = Files.readAllLines(progress, StandardCharsets.US_ASCII);
            int kept = newlines(Files.readAllBytes(progress)) - 1;
            assertThat(kept).as(moment).isGreaterThanOrEqualTo(reports).isLessThan(firstRound + 1);

            CliRun resumed = resumeAndCompare(run, whole, moment);
            assertThat(resumed.out())
                    .as(moment + ": the Devices the file records are restored, not sent their commands again")
                    .contains(String.format(
                            java.util.Locale.ROOT,
                            "Recovery Progress File: %s (resumed from it: %,d attempts restored, ",
                            progress,
                            (kept - 1L) * batch));
            assertThat(recorded.subList(0, kept + 1))
                    .as("the reports written before the kill are kept, " + moment)
                    .isEqualTo(Files.readAllLines(progress, StandardCharsets.US_ASCII)
                            .subList(0, kept + 1));
        }
    }

    /**
     * Makes the test's seal key and runs the rehearsal of {@code parameters} uninterrupted, journalling to {@code
     * whole}/r.journal with its JSON in {@code whole}/r.json.
     */
    private CliRun runWhole(List<String> parameters, Path whole) throws IOException {
        Files.createDirectories(whole);
        sealKey = dir.resolve("seal-key.pem");
        Files.writeString(sealKey, SigningKey.of(TestKeys.key(0)).privateKeyPem());
        CliRun uninterrupted = CliRun.of(arguments(
                        parameters,
                        "--journal",
                        whole.resolve("r.journal").toString(),
                        "--json",
                        whole.resolve("r.json").toString())
                .toArray(String[]::new));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        return uninterrupted;
    }

    /**
     * Resumes the rehearsal journalled in {@code run}/r.journal with the test's seal key and checks that it ends as the
     * uninterrupted one in {@code whole}: the JSON (duration and path aside), the journal, the Recovery Progress File
     * and the seals, byte for byte.
     */
    private CliRun resumeAndCompare(Path run, Path whole, String moment) throws IOException {
        Path journal = run.resolve("r.journal");
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
        assertThat(comparable(run.resolve("r.json"))).as(moment).isEqualTo(comparable(whole.resolve("r.json")));
        assertThat(Files.readAllBytes(journal)).as(moment).isEqualTo(Files.readAllBytes(whole.resolve("r.journal")));
        assertThat(Files.readAllBytes(run.resolve("r.journal.C5.progress.csv")))
                .as("the Recovery Progress File, " + moment)
                .isEqualTo(Files.readAllBytes(whole.resolve("r.journal.C5.progress.csv")));
        assertThat(Files.readAllBytes(run.resolve("r.journal.seals")))
                .as("the seals, " + moment)
                .isEqualTo(Files.readAllBytes(whole.resolve("r.journal.seals")));
        return resumed;
    }

    /**
     * Runs the rehearsal in a child JVM journalling to {@code journal}, kills it forcibly {@code delayMillis} after
     * the journal holds {@code lines} lines, and returns how many complete lines it then holds.
     */
    private int killChild(Path journal, int lines, int delayMillis) throws Exception {
        killChild(PARAMETERS, journal, journal, lines, delayMillis);
        return linesIn(journal);
    }

    /**
     * Runs the rehearsal of {@code parameters} in a child JVM journalling to {@code journal}, and kills it forcibly
     * {@code delayMillis} after {@code watched} holds {@code lines} lines.
     */
    private void killChild(List<String> parameters, Path journal, Path watched, int lines, int delayMillis)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(
                List.of(java.toString(), "-cp", System.getProperty("java.class.path"), SmkiCli.class.getName()));
        command.addAll(arguments(parameters, "--journal", journal.toString()));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(journal.resolveSibling("child.out").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (child.isAlive() && linesIn(watched) < lines && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(delayMillis);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Returns the rehearsal's parameters, with the seal key, followed by {@code more}. */
    private List<String> arguments(String... more) {
        return arguments(PARAMETERS, more);
    }

    /** Returns {@code parameters}, with the seal key, followed by {@code more}. */
    private List<String> arguments(List<String> parameters, String... more) {
        List<String> all = new ArrayList<>(parameters);
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
