package dev.smki.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.internal.files.DurableFiles;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.issuance.TestPkiDirectory;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.simulation.SettableClock;
import dev.smki.core.testing.TestPkiDirectories;
import dev.smki.core.testing.TestPkis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a revocation and a replacement of the test PKI at every primitive file step (each half of a write, each
 * force, rename, deletion and directory force) through {@link DurableFiles}'s hook, and checks what the next command
 * finds: nothing lost, nothing left unpublished, nothing half-written.
 */
class RevocationCrashTests {

    private static final Instant START = Instant.parse("2026-01-02T09:00:00Z");

    private static final TestPki PKI = TestPkis.seeded(7);
    private static final List<Eui64> DEVICES = List.of(Eui64.parse("02-53-4D-4B-49-80-00-00"));
    private static final IssuedCertificate SUPPLIER_DS =
            PKI.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
    private static final IssuedCertificate NETWORK_DS =
            PKI.organisationCertificate(RemotePartyRole.NETWORK_OPERATOR, CertificateUsage.DIGITAL_SIGNATURE);

    @TempDir
    Path root;

    /** Thrown by the hook to stop the program at a step, as a kill would: nothing runs after it but finally blocks. */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed", null, false, false);
        }
    }

    @AfterEach
    void removeTheHook() {
        DurableFiles.hook(null);
    }

    /**
     * Stops the program at the {@code step}th primitive step from now (from 1); counts the steps in any case. Forces
     * are announced but skipped: a killed process loses nothing they would keep.
     */
    private static AtomicInteger killAt(int step) {
        AtomicInteger count = new AtomicInteger();
        DurableFiles.hook(new DurableFiles.Hook() {
            @Override
            public void before(DurableFiles.Step kind, Path path) {
                if (count.incrementAndGet() == step) {
                    throw new Killed();
                }
            }

            @Override
            public boolean forces() {
                return false;
            }
        });
        return count;
    }

    private static void revoke(Path dir, IssuedCertificate certificate, SettableClock clock) {
        try (RevocationDirectory directory = TestPkiDirectory.openRevocationsForUpdate(dir)) {
            Revocations revocations = directory.revocations(RevocationPolicy.defaults(), clock);
            RevocationOutcome outcome = revocations.submit(
                    RevocationRequest.of(certificate.serialNumber(), RevocationReason.KEY_COMPROMISE, Requester.dcc()));
            assertThat(outcome.isRevoked()).as(outcome.summary()).isTrue();
            directory.publish(revocations, List.of(outcome.certificate()));
        }
    }

    private static boolean isRevoked(Path dir, IssuedCertificate certificate) {
        try (RevocationDirectory directory = TestPkiDirectory.openRevocationsForUpdate(dir)) {
            return directory.registry().require(certificate.serialNumber()).isRevoked();
        }
    }

    /** Returns every file under {@code dir} but the lock file, with its bytes as text, by relative path. */
    private static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(file).toString();
                if (!name.equals(TestPkiDirectory.LOCK)) {
                    files.put(name, new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Test
    void aRevocationKilledAtEveryStepIsNeitherLostNorLeftUnpublished() {
        SettableClock clock = SettableClock.at(START);
        Path reference = TestPkiDirectories.copyOf(7, DEVICES, root.resolve("reference"));
        revoke(reference, SUPPLIER_DS, clock);
        clock.advance(Duration.ofHours(1));
        AtomicInteger steps = killAt(0);
        revoke(reference, NETWORK_DS, clock);
        DurableFiles.hook(null);
        Map<String, String> expected = snapshot(reference);
        assertThat(steps.get()).as("file steps of one revocation").isGreaterThan(10);

        List<String> committedAt = new ArrayList<>();
        for (int step = 1; step <= steps.get(); step++) {
            SettableClock time = SettableClock.at(START);
            Path dir = TestPkiDirectories.copyOf(7, DEVICES, root.resolve("killed-" + step));
            revoke(dir, SUPPLIER_DS, time);
            time.advance(Duration.ofHours(1));
            killAt(step);
            boolean killed = false;
            try {
                revoke(dir, NETWORK_DS, time);
            } catch (Killed e) {
                killed = true;
            }
            DurableFiles.hook(null);
            assertThat(killed).as("killed at step %d", step).isTrue();

            // The next command finds the revocation committed and published, or not made at all.
            boolean committed = isRevoked(dir, NETWORK_DS);
            RevocationDirectory after = TestPkiDirectory.openRevocations(dir);
            RevocationList crl = after.list(ProfileKind.ISSUING_OCA).orElseThrow();
            assertThat(crl.lists(NETWORK_DS.serialNumber()))
                    .as("step %d: on the CRL exactly when revoked", step)
                    .isEqualTo(committed);
            assertThat(crl.lists(SUPPLIER_DS.serialNumber()))
                    .as("step %d", step)
                    .isTrue();
            assertThat(after.registry().require(SUPPLIER_DS.serialNumber()).isRevoked())
                    .as("step %d", step)
                    .isTrue();
            if (committed) {
                committedAt.add("step " + step);
            } else {
                revoke(dir, NETWORK_DS, time); // the request is made again, as its requester would
            }
            assertThat(snapshot(dir)).as("step %d: as if never killed", step).isEqualTo(expected);
        }
        assertThat(committedAt).as("some kills come after the commit").isNotEmpty();
        assertThat(committedAt.size()).as("some kills come before it").isLessThan(steps.get());
    }

    @Test
    void aPkiReplacementKilledAtEveryStepLeavesTheOldPkiWithItsRevocationsOrTheWholeNewOne() {
        Path old = TestPkiDirectories.copyOf(7, DEVICES, root.resolve("old"));
        revoke(old, SUPPLIER_DS, SettableClock.at(START));
        Map<String, String> oldFiles = snapshot(old);
        assertThat(TestPkiDirectory.openRevocations(old)
                        .registry()
                        .require(SUPPLIER_DS.serialNumber())
                        .isRevoked())
                .isTrue();
        Path fresh = root.resolve("new");
        replace(fresh);
        Map<String, String> newFiles = snapshot(fresh);
        assertThat(TestPki.load(fresh).rootOca()).isEqualTo(TestPkis.seeded(8).rootOca());

        AtomicInteger steps = killAt(0);
        Path counted = TestPkiDirectories.copy(old, root.resolve("counted"));
        steps.set(0);
        replace(counted);
        DurableFiles.hook(null);
        assertThat(snapshot(counted)).isEqualTo(newFiles);

        int sawOld = 0;
        int sawNew = 0;
        for (int step = 1; step <= steps.get(); step++) {
            Path dir = TestPkiDirectories.copy(old, root.resolve("killed-" + step));
            killAt(step);
            boolean killed = false;
            try {
                replace(dir);
            } catch (Killed e) {
                killed = true;
            }
            DurableFiles.hook(null);
            assertThat(killed).as("killed at step %d", step).isTrue();

            TestPkiDirectory.lock(dir).close(); // as the next command: completes a committed replacement
            Map<String, String> files = snapshot(dir);
            if (files.equals(oldFiles)) {
                sawOld++;
            } else {
                sawNew++;
                assertThat(files)
                        .as("step %d: the old PKI and its revocations, or the whole new PKI without them", step)
                        .isEqualTo(newFiles);
            }
        }
        assertThat(sawOld).isPositive();
        assertThat(sawNew).isPositive();
    }

    private static void replace(Path dir) {
        TestPkiDirectory.write(
                TestPkis.seeded(8),
                dir,
                List.of(),
                TestPkiDirectory.DEFAULT_PASSWORD.toCharArray(),
                RevocationDirectory.stateFiles());
    }
}
