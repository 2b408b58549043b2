package dev.smki.core.internal.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance the library passes to every JCA and BC builder. It is never
 * registered with {@code Security.addProvider}: the library does not change the JVM's provider list.
 */
public final class BouncyCastle {

    /** The shared provider instance (constructing one is slow, so it is made once). */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {}
}
