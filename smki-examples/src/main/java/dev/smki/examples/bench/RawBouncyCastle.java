package dev.smki.examples.bench;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The baselines' own Bouncy Castle provider instance, made once and passed to every JCA and BC builder; it is
 * never registered with {@code Security.addProvider}.
 */
final class RawBouncyCastle {

    /** The provider instance. */
    static final Provider PROVIDER = new BouncyCastleProvider();

    private RawBouncyCastle() {}
}
