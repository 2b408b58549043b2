package dev.smki.recovery.custody;

import dev.smki.core.internal.crypto.BouncyCastle;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * A key reconstructed from custodians' shares for one incident, usable until it is deactivated (rule
 * CUS-2). Its secret never appears in {@link #toString()}.
 */
public final class ActivatedKey implements AutoCloseable {

    private final CustodyKey key;
    private final String incidentReference;
    private byte[] secret;

    ActivatedKey(CustodyKey key, String incidentReference, byte[] secret) {
        this.key = Objects.requireNonNull(key, "key");
        this.incidentReference = Objects.requireNonNull(incidentReference, "incidentReference");
        this.secret = secret;
    }

    /** {@return which key this is} */
    public CustodyKey key() {
        return key;
    }

    /** {@return the incident it was activated for} */
    public String incidentReference() {
        return incidentReference;
    }

    /** {@return whether the key is still active} */
    public synchronized boolean isActive() {
        return secret != null;
    }

    /**
     * {@return a copy of the secret: the PKCS#8 encoding of a private key, or the octets of a symmetric key}
     *
     * @throws IllegalStateException once the key is deactivated (CUS-2)
     */
    public synchronized byte[] secret() {
        return requireActive().clone();
    }

    /**
     * {@return the private key, decoded from its PKCS#8 encoding with the Bouncy Castle provider}
     *
     * @throws IllegalStateException once the key is deactivated (CUS-2), or when the secret is not a private
     *     key
     */
    public synchronized PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(requireActive()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(key + " is not an EC private key", e);
        }
    }

    /** Deactivates the key: its secret is wiped and any further use is refused. */
    public synchronized void deactivate() {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
            secret = null;
        }
    }

    /** Deactivates the key. */
    @Override
    public void close() {
        deactivate();
    }

    private byte[] requireActive() {
        if (secret == null) {
            throw new IllegalStateException(CustodyRules.DEACTIVATE_AFTER_USE.id() + ": " + key
                    + " was deactivated after use; activating it again needs a new ceremony");
        }
        return secret;
    }

    @Override
    public String toString() {
        return "ActivatedKey[" + key + " for " + incidentReference + (isActive() ? ", active" : ", deactivated") + "]";
    }
}
