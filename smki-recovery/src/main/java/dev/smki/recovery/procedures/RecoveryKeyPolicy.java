package dev.smki.recovery.procedures;

import java.util.Locale;
import java.util.Objects;

/**
 * What happens to the Recovery Private Key after it has been used: the "Recovery Key Direction". No SEC text for
 * it was found (recovery.md §2.7); the three policies are a {@linkplain
 * dev.smki.core.provenance.Confidence#RECONSTRUCTED reconstruction} of what such a direction could say, and
 * {@link RecoveryKeyReplacement} follows the one configured.
 */
public enum RecoveryKeyPolicy {
    /** The key may be used again: it is not replaced after use. */
    MAY_REUSE,
    /** The key must be replaced after every use. */
    MUST_REPLACE,
    /** The SMKI PMA directs, after each use, whether the key is replaced. */
    PMA_DECIDES;

    /**
     * {@return the policy named by {@code text}, its name in any case with {@code -} or {@code _}}
     *
     * @param text the text
     * @throws IllegalArgumentException when {@code text} names none
     */
    public static RecoveryKeyPolicy parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown Recovery Key policy '" + text + "' (expected MAY_REUSE, MUST_REPLACE or PMA_DECIDES)");
        }
    }
}
