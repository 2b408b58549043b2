package dev.smki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.SimulatedEui64s;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.issuance.TestPkiDirectory;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.revocation.RevocationDirectory;
import dev.smki.core.revocation.RevocationList;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty {@code smki pki revoke} of different certificates of one directory at once, some in threads of this JVM and
 * some in child JVMs, each handled "now": every revocation ends on the final lists, and each list's numbers strictly
 * increase.
 */
class PkiRevokeConcurrencyTests {

    private static final Pattern LIST_WRITTEN = Pattern.compile("wrote \\S+[/\\\\](\\S+): CRL number (\\d+),");
    private static final int CHILDREN = 5;

    @TempDir
    Path tmp;

    @Test
    void twentyRevocationsAtOnceAllEndOnTheFinalListsWithStrictlyIncreasingNumbers() throws Exception {
        Path dir = tmp.resolve("pki");
        CliRun init = CliRun.of("pki", "init", "--out", dir.toString(), "--seed", "7", "--devices", "3");
        assertThat(init.exitCode()).as(init.err()).isZero();
        Path policy = tmp.resolve("devices.properties");
        Files.writeString(policy, "devices.revocable=true\n");
        TestPki pki = TestPki.load(dir);
        List<IssuedCertificate> targets =
                new ArrayList<>(pki.organisationCertificates().values());
        for (int i = 0; i < 3; i++) {
            for (CertificateUsage usage : CertificateUsage.values()) {
                targets.add(pki.deviceCertificate(SimulatedEui64s.device(i), usage));
            }
        }
        assertThat(targets).hasSize(20);

        List<List<String>> commands = new ArrayList<>();
        for (IssuedCertificate target : targets) {
            commands.add(List.of(
                    "pki",
                    "revoke",
                    "--pki",
                    dir.toString(),
                    "--serial",
                    target.serialNumber().toString(16).toUpperCase(Locale.ROOT),
                    "--reason",
                    "key-compromise",
                    "--requested-by",
                    "dcc",
                    "--policy",
                    policy.toString()));
            // No --as-of: each request is handled "now", as a user's are, so one that waited for the lock is
            // dated after the list published while it waited.
        }
        List<String> outputs = new ArrayList<>();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            children.add(child(commands.get(i), tmp.resolve("child-" + i + ".out")));
        }
        ExecutorService threads = Executors.newFixedThreadPool(commands.size() - CHILDREN);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CliRun>> runs = new ArrayList<>();
        for (List<String> command : commands.subList(CHILDREN, commands.size())) {
            runs.add(threads.submit(() -> {
                start.await();
                return CliRun.of(command.toArray(String[]::new));
            }));
        }
        start.countDown();
        for (Future<CliRun> run : runs) {
            CliRun done = run.get(120, TimeUnit.SECONDS);
            assertThat(done.exitCode()).as(done.out() + done.err()).isZero();
            outputs.add(done.out());
        }
        threads.shutdown();
        for (int i = 0; i < CHILDREN; i++) {
            Process child = children.get(i);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(tmp.resolve("child-" + i + ".out"), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(out).isZero();
            outputs.add(out);
        }

        assertThat(outputs).allSatisfy(out -> assertThat(out).contains("Revoked "));
        Set<String> numbersPrinted = new TreeSet<>();
        for (String out : outputs) {
            Matcher m = LIST_WRITTEN.matcher(out);
            assertThat(m.find()).as(out).isTrue();
            numbersPrinted.add(m.group(1) + " #" + m.group(2));
        }
        assertThat(numbersPrinted).as("no list number was issued twice").hasSize(20);
        RevocationDirectory directory = TestPkiDirectory.openRevocations(dir);
        RevocationList organisation = directory.list(ProfileKind.ISSUING_OCA).orElseThrow();
        RevocationList device = directory.list(ProfileKind.ISSUING_DCA).orElseThrow();
        assertThat(organisation.number()).isEqualTo(BigInteger.valueOf(14));
        assertThat(device.number()).isEqualTo(BigInteger.valueOf(6));
        assertThat(organisation.serials().size() + device.serials().size()).isEqualTo(20);
        for (IssuedCertificate target : targets) {
            assertThat(organisation.lists(target.serialNumber()) || device.lists(target.serialNumber()))
                    .as("%s is on its final list", target)
                    .isTrue();
            assertThat(directory.registry().require(target.serialNumber()).isRevoked())
                    .isTrue();
        }
        String log = Files.readString(dir.resolve(RevocationDirectory.LOG));
        assertThat(numbersIn(log, "issuing-oca")).containsExactly(range(14));
        assertThat(numbersIn(log, "issuing-dca")).containsExactly(range(6));
    }

    private static Process child(List<String> arguments, Path output) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SmkiCli.class.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    /** Returns the cRLNumbers the log records for {@code signer}, in log order. */
    private static Integer[] numbersIn(String log, String signer) {
        Matcher m = Pattern.compile("\\tlist=" + signer + "/(\\d+)/").matcher(log);
        List<Integer> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers.toArray(Integer[]::new);
    }

    private static Integer[] range(int last) {
        Integer[] numbers = new Integer[last];
        for (int i = 0; i < last; i++) {
            numbers[i] = i + 1;
        }
        return numbers;
    }
}
