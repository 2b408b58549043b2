package dev.smki.core.issuance;

import dev.smki.core.simulation.SimulationSeed;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where the test PKI's randomness comes from: a {@link SimulationSeed}, so that every key, serial number and salt is
 * a pure function of (seed, label) and a Device's key does not depend on which other Devices were issued first, or a
 * {@link SecureRandom}.
 */
final class Randomness {

    private final SimulationSeed seed;
    private final SecureRandom random;

    private Randomness(SimulationSeed seed, SecureRandom random) {
        this.seed = seed;
        this.random = random;
    }

    static Randomness seeded(long seed) {
        return new Randomness(SimulationSeed.of(seed), null);
    }

    static Randomness of(SecureRandom random) {
        return new Randomness(null, Objects.requireNonNull(random, "random"));
    }

    OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed.value());
    }

    boolean isSeeded() {
        return seed != null;
    }

    /** Returns the random source for {@code label}: the seed's stream of that label when seeded, else the SecureRandom. */
    SecureRandom forLabel(String label) {
        return seed == null ? random : seed.secureRandom(label);
    }
}
