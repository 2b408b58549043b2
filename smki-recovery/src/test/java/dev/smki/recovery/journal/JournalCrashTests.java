package dev.smki.recovery.journal;

import static dev.smki.recovery.journal.CrashingRun.CLOSE;
import static dev.smki.recovery.journal.CrashingRun.FLEET;
import static dev.smki.recovery.journal.CrashingRun.SEND;
import static dev.smki.recovery.journal.CrashingRun.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM running a procedure at random moments and checks that resuming from its journal loses no
 * acknowledged attempt and completes the run.
 */
class JournalCrashTests {

    private static final int DEVICES = 40;
    private static final int KILLS = 4;
    private static final Pattern ACK = Pattern.compile("ACK (\\d+) (\\S+) (\\S+) (ACCEPTED|REFUSED)");

    @TempDir
    Path directory;

    /** What a child printed before it ended. */
    private record ChildRun(Map<Long, String> acknowledged, boolean done, int exitCode) {}

    @Test
    void losesNoAcknowledgedAttemptWhenKilledAtRandomMomentsAndCompletesWhenResumed() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path journal = directory.resolve("fleet.journal");
        Map<Long, String> acknowledged = new TreeMap<>();
        int interrupted = 0;

        for (int kill = 0; kill < KILLS; kill++) {
            int killAfter = 1 + random.nextInt(30);
            ChildRun child = runChild(journal, random.nextLong(), killAfter, random.nextInt(15));
            String context = "seed " + seed + ", child " + kill + " killed after " + killAfter + " acks";
            merge(acknowledged, child.acknowledged(), context);
            if (!child.done()) {
                interrupted++;
                assertThat(child.exitCode()).as(context).isNotZero();
            }

            JournalVerification verification = JournalVerification.of(journal);
            assertThat(verification.isIntact()).as(context).isTrue();
            assertJournalHolds(verification, acknowledged, context);
        }

        assertThat(interrupted)
                .as("seed %d: children killed before finishing", seed)
                .isPositive();
        ChildRun last = runChild(journal, random.nextLong(), Integer.MAX_VALUE, 0);
        assertThat(last.exitCode())
                .as("seed %d: the last child's exit code", seed)
                .isZero();
        assertThat(last.done()).isTrue();
        merge(acknowledged, last.acknowledged(), "seed " + seed + ", last child");

        JournalVerification verification = JournalVerification.of(journal);
        assertThat(verification.isIntact()).isTrue();
        assertThat(verification.tornTail()).isEmpty();
        assertJournalHolds(verification, acknowledged, "seed " + seed + ", at the end");
        // The journal may also hold attempts written just before a kill but never acknowledged.
        assertThat(acknowledged.size())
                .isLessThanOrEqualTo(verification.entries().size());
        try (ProcedureRun<Object> resumed = ProcedureRun.resume(FLEET, Journal.file(journal), Clock.systemUTC())) {
            assertThat(resumed.isComplete()).isTrue();
            assertThat(resumed.state().itemsDone(SEND)).hasSize(DEVICES);
            assertThat(resumed.state().itemsDone(VERIFY)).hasSize(DEVICES);
            assertThat(resumed.state().timesDone(SEND))
                    .as("each device sent once")
                    .isEqualTo(DEVICES);
            assertThat(resumed.state().timesDone(CLOSE)).isEqualTo(1);
        }
    }

    /** Runs the child until it has printed {@code killAfter} acks, then kills it; returns every ack it printed. */
    private ChildRun runChild(Path journal, long seed, int killAfter, int delayMillis) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Xmx64m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingRun.class.getName(),
                        journal.toString(),
                        Integer.toString(DEVICES),
                        Long.toString(seed))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<Long, String> acks = new TreeMap<>();
        boolean done = false;
        boolean killed = false;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher ack = ACK.matcher(line);
                if (ack.matches()) {
                    acks.put(Long.parseLong(ack.group(1)), ack.group(2) + " " + ack.group(3) + " " + ack.group(4));
                }
                done |= line.startsWith("DONE ");
                if (!killed && acks.size() >= killAfter) {
                    Thread.sleep(delayMillis);
                    // Through the handle, which (unlike Process.destroyForcibly) leaves stdout open to drain.
                    process.toHandle().destroyForcibly();
                    killed = true; // keep reading: acks already printed are acknowledged too
                }
            }
        } finally {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return new ChildRun(acks, done, process.exitValue());
    }

    private static void merge(Map<Long, String> all, Map<Long, String> more, String context) {
        more.forEach((sequence, attempt) -> {
            String earlier = all.putIfAbsent(sequence, attempt);
            assertThat(earlier)
                    .as("%s: sequence %d acknowledged twice", context, sequence)
                    .isNull();
        });
    }

    private static void assertJournalHolds(
            JournalVerification verification, Map<Long, String> acknowledged, String context) {
        List<JournalEntry> entries = verification.entries();
        acknowledged.forEach((sequence, attempt) -> {
            assertThat(sequence)
                    .as("%s: acknowledged #%d is in the journal", context, sequence)
                    .isLessThanOrEqualTo(entries.size());
            JournalEntry entry = entries.get((int) (sequence - 1));
            assertThat(entry.step() + " " + entry.item().orElse("-") + " " + entry.outcome())
                    .as("%s: journal entry #%d", context, sequence)
                    .isEqualTo(attempt);
        });
    }
}
