package dev.smki.core.testing;

import dev.smki.core.issuance.TestPki;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seeded test PKIs shared by every test in a JVM, so that tests pay for building a PKI (four CAs and the
 * standard Organisation Certificates) once per seed. A seeded {@link TestPki} is immutable, so sharing is safe.
 */
public final class TestPkis {

    private static final Map<Long, TestPki> SEEDED = new ConcurrentHashMap<>();

    private TestPkis() {}

    /** Returns the shared deterministic PKI of {@code seed} in the {@code sim} environment. */
    public static TestPki seeded(long seed) {
        return SEEDED.computeIfAbsent(seed, TestPki::seeded);
    }
}
