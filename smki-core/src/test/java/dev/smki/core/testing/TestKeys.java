package dev.smki.core.testing;

import dev.smki.core.internal.crypto.BouncyCastle;
import dev.smki.core.simulation.SimulationSeed;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool of pre-generated P-256 key pairs for tests, made once per JVM from a fixed seed so that tests never
 * pay for key generation and always see the same keys.
 */
public final class TestKeys {

    /** How many distinct key pairs the pool holds. */
    public static final int POOL_SIZE = 64;

    private static final List<KeyPair> POOL = generate();

    private TestKeys() {}

    /** Returns the pool's key pair at {@code index} modulo {@link #POOL_SIZE}. */
    public static KeyPair key(int index) {
        return POOL.get(Math.floorMod(index, POOL_SIZE));
    }

    /** Returns the Bouncy Castle provider instance the library uses. */
    public static Provider provider() {
        return BouncyCastle.PROVIDER;
    }

    private static List<KeyPair> generate() {
        try {
            SecureRandom seeded = SimulationSeed.of(0x534D4B49L).secureRandom("test-keys"); // "SMKI"
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
            generator.initialize(new ECGenParameterSpec("secp256r1"), seeded);
            List<KeyPair> keys = new ArrayList<>(POOL_SIZE);
            for (int i = 0; i < POOL_SIZE; i++) {
                keys.add(generator.generateKeyPair());
            }
            return List.copyOf(keys);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the test key pool", e);
        }
    }
}
