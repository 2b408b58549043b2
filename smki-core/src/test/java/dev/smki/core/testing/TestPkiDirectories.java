package dev.smki.core.testing;

import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.TestPkiDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Test PKI directories, as {@code smki pki init} writes them, for tests that change a directory: each seed's
 * directory is written once per JVM (to a temporary directory deleted at exit) and copied for every test.
 */
public final class TestPkiDirectories {

    private static final Map<String, Path> WRITTEN = new ConcurrentHashMap<>();

    private TestPkiDirectories() {}

    /**
     * Copies the directory of {@link TestPkis#seeded}{@code (seed)} with DS and KA Device Certificates for
     * {@code devices} (password {@link TestPkiDirectory#DEFAULT_PASSWORD}) to {@code target}, created if missing,
     * and returns {@code target}.
     */
    public static Path copyOf(long seed, List<Eui64> devices, Path target) {
        return copy(WRITTEN.computeIfAbsent(seed + "/" + devices, key -> write(seed, devices)), target);
    }

    /** Copies the directory {@code source}, everything in it, to {@code target} (created if missing), and returns it. */
    public static Path copy(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path from : paths.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + target, e);
        }
        return target;
    }

    private static Path write(long seed, List<Eui64> devices) {
        try {
            Path dir = Files.createTempDirectory("smki-test-pki-" + seed + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            TestPkiDirectory.write(
                    TestPkis.seeded(seed), dir, devices, TestPkiDirectory.DEFAULT_PASSWORD.toCharArray());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a test PKI directory", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort at exit: the operating system's temporary directory is cleaned anyway.
        }
    }
}
