package dev.smki.core.issuance;

import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.contingency.WrappedApexContingencyKey;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The secrets behind the Root OCA's contingency mechanism (recovery.md §1.3): the contingency key pair, whose
 * public key the Root OCA certificate carries wrapped, and the Symmetric Key that unwraps it, released only
 * with a contingency command. The encoding is {@linkplain WrappedApexContingencyKey#CONFIDENCE reconstructed}.
 * {@link #toString} never shows the private key or the Symmetric Key.
 */
public final class ContingencyMaterial {

    private final EcKey key;
    private final SymmetricKey symmetricKey;
    private final ContingencyKeySettings settings;
    private final WrappedApexContingencyKey wrapped;

    private ContingencyMaterial(EcKey key, SymmetricKey symmetricKey, ContingencyKeySettings settings) {
        this.key = key;
        this.symmetricKey = symmetricKey;
        this.settings = settings;
        this.wrapped = WrappedApexContingencyKey.wrap(key.publicKeyInfo(), symmetricKey, settings.wrap());
    }

    /**
     * {@return contingency material made of the given key pair (P-256) and Symmetric Key}
     *
     * @param keyPair the contingency key pair (P-256)
     * @param symmetricKey the Symmetric Key that wraps its public key
     * @param settings how the Root OCA carries the wrapped key
     * @throws IllegalArgumentException when the key pair is not P-256 or the Symmetric Key's length does not
     *     suit the wrap algorithm
     */
    public static ContingencyMaterial of(KeyPair keyPair, SymmetricKey symmetricKey, ContingencyKeySettings settings) {
        return of(EcKey.of(keyPair), symmetricKey, settings);
    }

    static ContingencyMaterial of(EcKey key, SymmetricKey symmetricKey, ContingencyKeySettings settings) {
        Objects.requireNonNull(symmetricKey, "symmetricKey");
        Objects.requireNonNull(settings, "settings");
        if (!key.hasPrivateKey()) {
            throw new IllegalArgumentException("The contingency key pair needs its private key");
        }
        if (symmetricKey.length() != settings.wrap().keyLength()) {
            throw new IllegalArgumentException(settings.wrap().text() + " needs a "
                    + settings.wrap().keyLength() + "-octet Symmetric Key, got " + symmetricKey.length());
        }
        return new ContingencyMaterial(key, symmetricKey, settings);
    }

    /** Returns fresh material: a new contingency key pair and a new Symmetric Key. */
    static ContingencyMaterial generate(
            SecureRandom keyRandom, SecureRandom symmetricRandom, ContingencyKeySettings settings) {
        return new ContingencyMaterial(
                EcKey.generate(keyRandom),
                SymmetricKey.generate(symmetricRandom, settings.wrap().keyLength()),
                settings);
    }

    /** {@return the contingency public key} */
    public SubjectPublicKeyInfo publicKeyInfo() {
        return key.publicKeyInfo();
    }

    /** {@return the contingency key pair (JCA, Bouncy Castle provider)} */
    public KeyPair keyPair() {
        return key.toKeyPair().orElseThrow();
    }

    /** {@return the contingency private key as PKCS#8} */
    public PrivateKeyInfo privateKeyInfo() {
        return key.privateKeyInfo().orElseThrow();
    }

    /** {@return the Symmetric Key that unwraps the contingency public key} */
    public SymmetricKey symmetricKey() {
        return symmetricKey;
    }

    /** {@return how the Root OCA carries the wrapped key} */
    public ContingencyKeySettings settings() {
        return settings;
    }

    /** {@return the contingency public key wrapped under the Symmetric Key} */
    public WrappedApexContingencyKey wrappedKey() {
        return wrapped;
    }

    /** {@return the Root OCA extension carrying {@link #wrappedKey()}} */
    public Extension toExtension() {
        return wrapped.toExtension(settings.extensionOid(), settings.critical());
    }

    EcKey key() {
        return key;
    }

    /** Returns a description naming the settings; never the private or Symmetric Key. */
    @Override
    public String toString() {
        return "ContingencyMaterial[" + settings.wrap().text() + ", extension " + settings.extensionOid()
                + (settings.critical() ? " critical" : "") + "]";
    }
}
