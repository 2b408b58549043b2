package dev.smki.recovery.workflow;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the journal records of an attempt's payload: a few short, named, printable strings, such as
 * {@code device=00-DB-12-34-56-78-90-A0} or {@code custodians=3}.
 *
 * <p>A summary is the only part of a payload that is ever written down, so it is built to make recording a
 * secret by accident hard:
 *
 * <ul>
 *   <li>it holds strings, numbers and booleans only, put one by one under a chosen key; there is no way to put
 *       an object, a byte array or a key in it, and the journal never serialises the payload itself;
 *   <li>keys are short identifiers ({@code [a-z][A-Za-z0-9._-]*}, at most 64 characters) and may not name
 *       secrets: a key containing {@code secret}, {@code password}, {@code passphrase}, {@code privatekey} or
 *       {@code keyshare} (ignoring case, dots, hyphens and underscores) is refused;
 *   <li>values are at most {@value #MAX_VALUE_LENGTH} printable characters on one line and may not look like
 *       PEM ({@code -----BEGIN}) or name a {@code PRIVATE KEY};
 *   <li>a summary has at most {@value #MAX_ENTRIES} entries.
 * </ul>
 *
 * <p>These checks catch common accidents; they cannot prove that a value is not secret. Error messages name
 * the offending key, never the value.
 */
public final class PayloadSummary {

    /** The most entries a summary holds. */
    public static final int MAX_ENTRIES = 32;

    /** The longest value, in characters. */
    public static final int MAX_VALUE_LENGTH = 160;

    private static final PayloadSummary EMPTY = new PayloadSummary(new TreeMap<>());
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9._-]{0,63}");
    private static final Set<String> SECRET_KEY_WORDS =
            Set.of("secret", "password", "passphrase", "privatekey", "keyshare");

    private final Map<String, String> entries;

    private PayloadSummary(TreeMap<String, String> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** {@return the summary with no entries} */
    public static PayloadSummary empty() {
        return EMPTY;
    }

    /**
     * {@return a summary of {@code entries}}
     *
     * @param entries the entries
     * @throws IllegalArgumentException when a key or value breaks the rules above
     */
    public static PayloadSummary of(Map<String, String> entries) {
        Objects.requireNonNull(entries, "entries");
        Builder builder = builder();
        entries.forEach(builder::put);
        return builder.build();
    }

    /**
     * {@return a summary of one entry}
     *
     * @param key the key
     * @param value the value
     */
    public static PayloadSummary of(String key, String value) {
        return builder().put(key, value).build();
    }

    /**
     * {@return a summary of two entries}
     *
     * @param key1 the first key
     * @param value1 the first value
     * @param key2 the second key
     * @param value2 the second value
     */
    public static PayloadSummary of(String key1, String value1, String key2, String value2) {
        return builder().put(key1, value1).put(key2, value2).build();
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the entries, sorted by key} */
    public Map<String, String> asMap() {
        return entries;
    }

    /**
     * {@return the value under {@code key}, or {@code null} when there is none}
     *
     * @param key the key
     */
    public String get(String key) {
        return entries.get(key);
    }

    /** {@return whether the summary has no entries} */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PayloadSummary summary && entries.equals(summary.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** Returns {@code {key=value, ...}}, sorted by key. */
    @Override
    public String toString() {
        return entries.toString();
    }

    /** Collects the entries of a summary one by one; each {@code put} checks its key and value. */
    public static final class Builder {

        private final TreeMap<String, String> entries = new TreeMap<>();

        private Builder() {}

        /**
         * Adds {@code key=value}.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException when the key or value breaks the rules of {@link PayloadSummary}, or
         *     the key is already present
         */
        public Builder put(String key, String value) {
            checkKey(key);
            Objects.requireNonNull(value, key);
            checkValue(key, value);
            if (entries.containsKey(key)) {
                throw new IllegalArgumentException("The payload summary already has an entry '" + key + "'");
            }
            if (entries.size() == MAX_ENTRIES) {
                throw new IllegalArgumentException(
                        "A payload summary has at most " + MAX_ENTRIES + " entries; '" + key + "' is one too many");
            }
            entries.put(key, value);
            return this;
        }

        /**
         * Adds {@code key=value} for a number.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, long value) {
            return put(key, Long.toString(value));
        }

        /**
         * Adds {@code key=true} or {@code key=false}.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, boolean value) {
            return put(key, Boolean.toString(value));
        }

        /**
         * Adds {@code key=} the ISO-8601 form of {@code value}.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, Instant value) {
            return put(key, Objects.requireNonNull(value, key).toString());
        }

        /** {@return the summary of the entries put so far} */
        public PayloadSummary build() {
            return entries.isEmpty() ? EMPTY : new PayloadSummary(new TreeMap<>(entries));
        }
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A payload summary key starts with a lower-case letter and has at most"
                    + " 64 letters, digits, '.', '-' or '_'; got '" + key + "'");
        }
        String squeezed = key.toLowerCase(Locale.ROOT).replaceAll("[._-]", "");
        for (String word : SECRET_KEY_WORDS) {
            if (squeezed.contains(word)) {
                throw new IllegalArgumentException("The payload summary key '" + key + "' names a secret ('" + word
                        + "'); the journal never records secrets");
            }
        }
    }

    private static void checkValue(String key, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("The payload summary value of '" + key + "' has " + value.length()
                    + " characters; at most " + MAX_VALUE_LENGTH + " are allowed (summaries are short)");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(
                        "The payload summary value of '" + key + "' holds a control character; values are one line");
            }
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.contains("-----BEGIN") || upper.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException("The payload summary value of '" + key
                    + "' looks like key material (PEM); the journal never records key material");
        }
    }
}
