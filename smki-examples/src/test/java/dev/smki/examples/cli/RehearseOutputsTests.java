package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smki.core.internal.files.DurableFiles;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.testing.TestKeys;
import dev.smki.recovery.journal.JournalVerification;
import dev.smki.recovery.plan.ExercisePlan;
import dev.smki.recovery.plan.FleetPlan;
import dev.smki.recovery.rehearsal.ForgedPlans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code smki rehearse} writes, and what it refuses to touch: it never deletes or replaces a file it did not
 * create in the run, no two of its outputs are one file, and each journal has its own side files.
 */
class RehearseOutputsTests {

    @TempDir
    Path dir;

    /** A small rehearsal (20 Devices, seed 3) with {@code more} options. */
    private static CliRun rehearse(String... more) {
        List<String> args = new ArrayList<>(List.of("rehearse", "--devices", "20", "--seed", "3"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("smki rehearse: ")
                .contains(message);
    }

    /** Runs {@code smki journal verify JOURNAL --seal-pub JOURNAL.seal.pub.pem}. */
    private static CliRun verifySeals(Path journal) {
        return CliRun.of(
                "journal",
                "verify",
                journal.toString(),
                "--seal-pub",
                journal.resolveSibling(journal.getFileName() + ".seal.pub.pem").toString());
    }

    @Test
    void refusesAJournalPathThatIsADeviceNode() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null device here");

        CliRun run = rehearse("--journal", devNull.toString());

        assertRefused(run, "it is a device, FIFO or socket, not a new file; it is left as it is");
        assertThat(Files.isRegularFile(devNull)).isFalse();
    }

    @Test
    void refusesAJournalPathThatIsAFifoOrADirectory() throws Exception {
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo here");

        assertRefused(rehearse("--journal", fifo.toString()), "it is a device, FIFO or socket");
        assertRefused(rehearse("--journal", dir.toString()), "it is a directory");
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void neverReplacesAFileHoldingNoNewlineNamedAsTheJournal() throws IOException {
        Path note = Files.writeString(dir.resolve("note.txt"), "a one-line note without a newline");
        Path binary = Files.write(dir.resolve("data.bin"), new byte[] {0, 1, 2, (byte) 0xff});
        Path empty = Files.createFile(dir.resolve("empty.journal"));

        assertRefused(rehearse("--journal", note.toString()), "exists and is not a journal; it is left as it is");
        assertRefused(rehearse("--journal", binary.toString()), "exists and is not a journal");
        assertRefused(rehearse("--journal", empty.toString()), "holds no complete journal header (0 bytes)");

        assertThat(note).hasContent("a one-line note without a newline");
        assertThat(Files.readAllBytes(binary)).containsExactly(0, 1, 2, (byte) 0xff);
        assertThat(empty).isEmptyFile();
        assertThat(dir.resolve("note.txt.seals")).doesNotExist();
    }

    @Test
    void refusesJsonOrAReportNamingTheJournalAndCreatesNothing() {
        Path journal = dir.resolve("r.journal");

        assertRefused(rehearse("--journal", journal.toString(), "--json", journal.toString()), "is the journal");
        assertRefused(
                rehearse(
                        "--journal",
                        journal.toString(),
                        "--json",
                        dir.resolve("./r.journal.seals").toString()),
                "is the journal's seals");
        assertRefused(
                rehearse(
                        "--journal",
                        journal.toString(),
                        "--json",
                        dir.resolve("r.journal.C5.progress.csv").toString()),
                "Recovery Progress File");
        Path inReport = dir.resolve("out/journal.jsonl");
        assertRefused(
                rehearse(
                        "--journal",
                        inReport.toString(),
                        "--report",
                        dir.resolve("out").toString()),
                "is the journal");
        assertRefused(rehearse("--journal", journal.toString(), "--report", journal.toString()), "is the journal");

        assertThat(journal).doesNotExist();
        assertThat(inReport).doesNotExist();
    }

    @Test
    void neverOverwritesAnotherRunsJournalWithJsonOrAReport() throws IOException {
        Path first = dir.resolve("first.journal");
        assertThat(rehearse("--journal", first.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(first);
        Path report = Files.createDirectories(dir.resolve("report"));
        Files.copy(first, report.resolve("journal.jsonl"));

        assertRefused(
                rehearse("--journal", dir.resolve("second.journal").toString(), "--json", first.toString()),
                "holds a journal, a record that is never overwritten");
        assertRefused(
                rehearse("--journal", dir.resolve("third.journal").toString(), "--report", report.toString()),
                "holds a journal");

        assertThat(Files.readAllBytes(first)).isEqualTo(before);
        assertThat(dir.resolve("second.journal")).doesNotExist();
        assertThat(JournalVerification.of(first).isIntact()).isTrue();
    }

    @Test
    void aResumedRunRewritesItsOwnReportButAJsonOrReportIsNeverADirectoryOrDevice() throws IOException {
        Path journal = dir.resolve("r.journal");
        Path report = dir.resolve("report");
        assertThat(rehearse("--journal", journal.toString(), "--report", report.toString())
                        .exitCode())
                .isZero();

        CliRun again = CliRun.of("rehearse", "--resume", journal.toString(), "--report", report.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertRefused(
                CliRun.of("rehearse", "--resume", journal.toString(), "--json", dir.toString()), "it is a directory");
        assertRefused(
                CliRun.of("rehearse", "--resume", journal.toString(), "--json", "/dev/null"), "not a file to write");
    }

    @Test
    void journalsXAndXDotJournalHaveTheirOwnSideFiles() throws IOException {
        Path x = dir.resolve("x");
        Path xJournal = dir.resolve("x.journal");

        assertThat(rehearse("--journal", x.toString()).exitCode()).isZero();
        byte[] progressOfX = Files.readAllBytes(dir.resolve("x.C5.progress.csv"));
        CliRun second = rehearse("--journal", xJournal.toString(), "--failure-rate", "0.5");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(dir.resolve("x.journal.C5.progress.csv")).exists();
        assertThat(dir.resolve("x.journal.seals")).exists();
        assertThat(Files.readAllBytes(dir.resolve("x.C5.progress.csv"))).isEqualTo(progressOfX);
        assertThat(dir.resolve("x.seals")).exists();
    }

    @Test
    void refusesAJournalWhoseSideFilesAnEarlierJournalLeft() throws IOException {
        Files.writeString(dir.resolve("r.journal.C5.progress.csv"), "kept\n");

        assertRefused(
                rehearse("--journal", dir.resolve("r.journal").toString()),
                "r.journal.C5.progress.csv exists, left by an earlier journal");
        assertThat(dir.resolve("r.journal")).doesNotExist();
        assertThat(dir.resolve("r.journal.C5.progress.csv")).hasContent("kept");
    }

    @Test
    void runsStartedTogetherEachClaimTheirOwnJournal() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Path>> claims = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            claims.add(threads.submit(() -> RunOutputs.forNewRun(null, dir, "contingency-seed1", null, null)
                    .journal()));
        }
        Set<Path> journals = new TreeSet<>();
        for (Future<Path> claim : claims) {
            journals.add(claim.get());
        }
        threads.shutdown();
        assertThat(journals).hasSize(16);

        Path shared = dir.resolve("shared.journal");
        List<Future<CliRun>> runs = new ArrayList<>();
        ExecutorService two = Executors.newFixedThreadPool(2);
        for (String seed : List.of("4", "5")) {
            runs.add(two.submit(
                    () -> CliRun.of("rehearse", "--devices", "20", "--seed", seed, "--journal", shared.toString())));
        }
        List<CliRun> done = new ArrayList<>();
        for (Future<CliRun> run : runs) {
            done.add(run.get());
        }
        two.shutdown();
        List<CliRun> succeeded = done.stream().filter(r -> r.exitCode() == 0).toList();
        assertThat(succeeded).as("exactly one run has the journal").hasSize(1);
        String head = JournalVerification.of(shared).head();
        assertThat(succeeded.get(0).out()).contains("(head " + head + ")");
        assertThat(done.stream().filter(r -> r.exitCode() != 0))
                .singleElement()
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE));
    }

    @Test
    void aRunThatFailsBeforeRecordingAnythingLeavesNoFileBehind() throws IOException {
        Path settings = Files.writeString(dir.resolve("omit.properties"), "omit=N1\n");
        Path journal = dir.resolve("r.journal");

        assertRefused(
                rehearse("--journal", journal.toString(), "--settings", settings.toString()),
                "only reconstructed or memory steps may be left out");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(settings);
        }
    }

    @Test
    void aGeneratedSealKeyIsReadableByItsOwnerOnlyAndTheSealsCheck() throws IOException {
        assumeTrue(DurableFiles.isPosix(), "no POSIX permissions here");
        Path journal = dir.resolve("r.journal");

        CliRun run = rehearse("--journal", journal.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Seal key: " + dir.resolve("r.journal.seal-key.pem") + " (private: keep it");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("r.journal.seal-key.pem"))))
                .isEqualTo("rw-------");
        CliRun verify = verifySeals(journal);
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains(": sealed: every line is covered by the end seal");
        assertThat(Files.readString(dir.resolve("r.journal.seals"), StandardCharsets.US_ASCII))
                .doesNotContain("PRIVATE");
    }

    @Test
    void resumeRefusesAHeaderAskingForMoreThanTheCommandLineAllows() throws IOException {
        Path journal = dir.resolve("r.journal");
        assertThat(rehearse("--journal", journal.toString()).exitCode()).isZero();
        Files.delete(dir.resolve("r.journal.seals")); // a forger who also removed the seals
        Files.delete(dir.resolve("r.journal.seal.pub.pem"));
        Files.delete(dir.resolve("r.journal.seal-key.pem"));
        ForgedPlans.replacePlan(
                journal, ExercisePlan.builtIn("contingency").withSeed(3).withDevices(999_999_999));

        CliRun resumed = CliRun.of("rehearse", "--resume", journal.toString());

        assertRefused(resumed, "devices is 1 to 67108864, not 999999999");
    }

    @Test
    void resumeRefusesAForgedHeaderTheSealsDoNotCover() throws IOException {
        Path journal = dir.resolve("r.journal");
        assertThat(rehearse("--journal", journal.toString()).exitCode()).isZero();
        ForgedPlans.replacePlan(
                journal, ExercisePlan.builtIn("contingency").withSeed(3).withDevices(5));
        byte[] forged = Files.readAllBytes(journal);

        CliRun resumed = CliRun.of("rehearse", "--resume", journal.toString());

        assertRefused(resumed, "does not match its seals");
        assertThat(Files.readAllBytes(journal)).isEqualTo(forged);
        CliRun verify = verifySeals(journal);
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(verify.out()).contains(": intact: ").contains("NOT sealed: seal 1: the journal's line 1");
    }

    @Test
    void settingsLeavingOutAStepNoProcedureHasAreRefused() throws IOException {
        Path settings = Files.writeString(dir.resolve("typo.properties"), "omit=ZZ9\n");

        assertRefused(
                rehearse("--journal", dir.resolve("r.journal").toString(), "--settings", settings.toString()),
                "omit: ZZ9 is not a step of any built-in procedure");
        assertThat(dir.resolve("r.journal")).doesNotExist();
    }

    @Test
    void aSealedJournalResumesOnlyWithTheKeyThatSealedIt() throws IOException {
        Path journal = dir.resolve("r.journal");
        assertThat(rehearse("--journal", journal.toString()).exitCode()).isZero();
        Path key = dir.resolve("elsewhere.pem");
        Files.move(dir.resolve("r.journal.seal-key.pem"), key);
        Path other = Files.writeString(
                dir.resolve("other.pem"), SigningKey.of(TestKeys.key(2)).privateKeyPem());

        assertRefused(
                CliRun.of("rehearse", "--resume", journal.toString()),
                "give the private key that seals it with" + " --seal-key");
        assertRefused(
                CliRun.of("rehearse", "--resume", journal.toString(), "--seal-key", other.toString()),
                "is not the key whose public half is");
        CliRun resumed = CliRun.of("rehearse", "--resume", journal.toString(), "--seal-key", key.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(verifySeals(journal).exitCode()).isZero();
    }

    @Test
    void theLongestRetriesAndPacesTheCommandLineAllowsKeepARehearsalWithinItsCertificates() throws IOException {
        StringBuilder slow = new StringBuilder("pace.default=P30D\n");
        for (String step : List.of("N2", "N3", "N5", "D1", "D2", "D3", "C2", "C3", "C6")) {
            slow.append("pace.").append(step).append("=P30D\n");
        }
        Path settings = Files.writeString(dir.resolve("slow.properties"), slow);

        CliRun run = rehearse(
                "--journal", dir.resolve("slow.journal").toString(),
                "--settings", settings.toString(),
                "--failure-rate", "0.95",
                "--retries", String.valueOf(FleetPlan.MAX_RETRIES));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Incident closed");
        assertRefused(rehearse("--retries", String.valueOf(FleetPlan.MAX_RETRIES + 1)), "--retries: expected 0 to");
    }

    @Test
    void neverOverwritesAnInputFileWithAnOutput() throws IOException {
        Path settings = Files.writeString(dir.resolve("s.properties"), "pace.C5=PT1H\n");
        Path key = Files.writeString(
                dir.resolve("key.pem"), SigningKey.of(TestKeys.key(3)).privateKeyPem());
        String keyText = Files.readString(key);

        assertRefused(
                rehearse(
                        "--journal",
                        dir.resolve("a.journal").toString(),
                        "--settings",
                        settings.toString(),
                        "--json",
                        settings.toString()),
                "--json: " + settings + " is the --settings file");
        assertRefused(
                rehearse(
                        "--journal",
                        dir.resolve("b.journal").toString(),
                        "--seal-key",
                        key.toString(),
                        "--json",
                        key.toString()),
                "is the --seal-key file");

        assertThat(settings).hasContent("pace.C5=PT1H");
        assertThat(key).hasContent(keyText.strip());
    }
}
