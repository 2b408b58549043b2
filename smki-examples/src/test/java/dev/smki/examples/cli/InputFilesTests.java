package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input files a command cannot hold or should not read: a FIFO (which would block), a device that never ends, a
 * file larger than the command reads. Each is refused at once, on one line, with exit code 2.
 */
class InputFilesTests {

    @TempDir
    Path dir;

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains(message);
    }

    /** Creates {@code file} holding {@code length} zero bytes, sparse: nothing of it takes room on the disk. */
    private static Path sparse(Path file, long length) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(length);
        }
        return file;
    }

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo here");
        return fifo;
    }

    @Test
    void aFifoIsRefusedAsAnInputInsteadOfBlocking() throws Exception {
        Path fifo = fifo();
        Path out = dir.resolve("out");
        for (List<String> command : List.of(
                List.of("lint", fifo.toString()),
                List.of("lint", "--issuer", fifo.toString(), fifo.toString()),
                List.of("oif", "check", fifo.toString()),
                List.of("journal", "verify", fifo.toString()),
                List.of("journal", "show", fifo.toString()),
                List.of("rehearse", "--resume", fifo.toString()),
                List.of("rehearse", "--settings", fifo.toString(), "--journal", out.toString()),
                List.of("analyze", "contingency", "--settings", fifo.toString()),
                List.of("pki", "init", "--out", out.toString(), "--env", fifo.toString()))) {
            CliRun run = assertTimeoutPreemptively(
                    Duration.ofSeconds(30), () -> CliRun.of(command.toArray(String[]::new)), command::toString);
            assertThat(run.exitCode()).as("%s: %s", command, run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.errLines()).as("%s", command).singleElement();
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void aDeviceThatNeverEndsIsRefused() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");

        assertRefused(CliRun.of("lint", zero.toString()), "cannot read /dev/zero: it is a device, FIFO or socket");
        assertRefused(CliRun.of("oif", "check", zero.toString()), "not a regular file");
        assertRefused(CliRun.of("journal", "verify", zero.toString()), "not a regular file");
    }

    @Test
    void aFileLargerThanTheCommandReadsIsRefusedWithItsSize() throws IOException {
        Path huge = sparse(dir.resolve("huge.pem"), 3L << 30);

        assertRefused(CliRun.of("lint", huge.toString()), "it holds 3,221,225,472 bytes, more than this command reads");
        assertRefused(CliRun.of("journal", "verify", huge.toString()), "it holds 3,221,225,472 bytes");
        assertRefused(CliRun.of("rehearse", "--resume", huge.toString()), "it holds 3,221,225,472 bytes");
    }

    @Test
    void aSettingsOrPolicyFileTooLargeForSettingsIsRefused() throws IOException {
        Path big = sparse(dir.resolve("big.properties"), CliFiles.MAX_SMALL_INPUT + 1);

        assertRefused(
                CliRun.of("analyze", "contingency", "--settings", big.toString()), "more than this command reads");
        assertRefused(
                CliRun.of(
                        "pki",
                        "revoke",
                        "--pki",
                        dir.toString(),
                        "--serial",
                        "01",
                        "--reason",
                        "superseded",
                        "--requested-by",
                        "dcc",
                        "--policy",
                        big.toString()),
                "more than this command reads");
    }
}
