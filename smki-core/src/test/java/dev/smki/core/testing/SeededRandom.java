package dev.smki.core.testing;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Reproducible randomness for tests: the JDK's SHA1PRNG seeded before first use gives the same stream on every run. */
public final class SeededRandom {

    private SeededRandom() {}

    /** Returns a {@link SecureRandom} whose output depends only on {@code seed}. */
    public static SecureRandom of(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK's SHA1PRNG is missing", e);
        }
    }
}
