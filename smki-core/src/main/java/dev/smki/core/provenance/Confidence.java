package dev.smki.core.provenance;

import java.util.Locale;
import java.util.Objects;

/**
 * How sure the project is of a rule, step, duration or identifier, and so how freely a user should
 * override it.
 *
 * <p>The research notes use two tag sets: certificates.md's H/M/L and recovery.md's V/I/R/M, where M means
 * <em>memory</em> in the latter and <em>medium</em> in the former. Both map onto this one scale.
 */
public enum Confidence {
    /** Read in a specification text and, for certificates, confirmed in real test certificates. */
    VERIFIED,
    /** Seen in one source only, typically real DCC test certificates, without the rule text. */
    OBSERVED,
    /** Not stated anywhere we could read, but follows closely from verified facts. */
    INFERRED,
    /** A plausible reconstruction of text we could not read; configurable, check before relying on it. */
    RECONSTRUCTED,
    /** From background knowledge of the SEC or GBCS, not re-checked against the source. */
    MEMORY;

    /** {@return whether a user should treat this as an assumption to check against the official text} */
    public boolean isAssumption() {
        return this == RECONSTRUCTED || this == MEMORY;
    }

    /**
     * Maps a certificates.md tag ({@code H}, {@code M} or {@code L}) onto this scale: high is verified,
     * medium is observed, low is inferred.
     *
     * @param tag the tag: {@code H}, {@code M} or {@code L}
     * @return the confidence on this scale
     * @throws IllegalArgumentException for any other tag
     */
    public static Confidence ofCertificatesTag(String tag) {
        return switch (Objects.requireNonNull(tag, "tag").trim().toUpperCase(Locale.ROOT)) {
            case "H" -> VERIFIED;
            case "M" -> OBSERVED;
            case "L" -> INFERRED;
            default -> throw new IllegalArgumentException("Not a certificates.md confidence tag: '" + tag + "'");
        };
    }

    /**
     * Maps a recovery.md tag ({@code V}, {@code I}, {@code R} or {@code M}) onto this scale.
     *
     * @param tag the tag: {@code V}, {@code I}, {@code R} or {@code M}
     * @return the confidence on this scale
     * @throws IllegalArgumentException for any other tag
     */
    public static Confidence ofRecoveryTag(String tag) {
        return switch (Objects.requireNonNull(tag, "tag").trim().toUpperCase(Locale.ROOT)) {
            case "V" -> VERIFIED;
            case "I" -> INFERRED;
            case "R" -> RECONSTRUCTED;
            case "M" -> MEMORY;
            default -> throw new IllegalArgumentException("Not a recovery.md confidence tag: '" + tag + "'");
        };
    }

    /**
     * {@return the confidence named by {@code text}, its enum name in any case}
     *
     * @param text the enum name
     * @throws IllegalArgumentException when {@code text} names none
     */
    public static Confidence parse(String text) {
        try {
            return valueOf(Objects.requireNonNull(text, "text").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown confidence '" + text
                    + "' (expected verified, observed, inferred, reconstructed or memory)");
        }
    }
}
