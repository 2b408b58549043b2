package dev.smki.core.revocation;

import static dev.smki.core.revocation.RevocationPolicy.HOLDER;
import static dev.smki.core.revocation.RevocationPolicy.REVOCABLE_KINDS;

import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.Confidence;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The properties-file form of a {@link RevocationPolicy}, which its class comment shows: read with every absent key
 * keeping its default, each unknown key or malformed value refused naming the key, and written so that reading it
 * back gives an equal policy.
 */
final class RevocationPolicyText {

    private RevocationPolicyText() {}

    /**
     * Returns the policy in the properties file {@code file}; absent keys keep their defaults.
     *
     * @throws IllegalArgumentException naming the file and key when a key is unknown or a value malformed
     * @throws UncheckedIOException when the file cannot be read
     */
    static RevocationPolicy load(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return from(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the revocation policy " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the policy in {@code text}, in properties syntax; absent keys keep their defaults.
     *
     * @throws IllegalArgumentException naming the key when a key is unknown or a value malformed
     */
    static RevocationPolicy parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Objects.requireNonNull(text, "text")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return from(properties);
    }

    private static RevocationPolicy from(Properties p) {
        RevocationPolicy policy = RevocationPolicy.defaults();
        EnumMap<ProfileKind, Set<RequesterKind>> requesters = new EnumMap<>(ProfileKind.class);
        REVOCABLE_KINDS.forEach(kind -> requesters.put(kind, policy.requesters(kind)));
        EnumMap<RevocationReason, CrlReason> codes = new EnumMap<>(RevocationReason.class);
        for (RevocationReason reason : RevocationReason.values()) {
            codes.put(reason, policy.crlReason(reason));
        }
        Set<RequesterKind> ra = policy.raRequesters();
        boolean holder = policy.holderMayRequest();
        for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).trim();
            try {
                if (key.startsWith("requesters.") && !key.equals("requesters.confidence")) {
                    ProfileKind kind = ProfileKind.parse(key.substring("requesters.".length()));
                    if (!REVOCABLE_KINDS.contains(kind)) {
                        throw new IllegalArgumentException(
                                "requesters are configured for " + RevocationPolicy.slugs(REVOCABLE_KINDS) + " only");
                    }
                    requesters.put(kind, requesterKinds(value, false));
                } else if (key.startsWith("reason.")) {
                    codes.put(RevocationReason.parse(key.substring("reason.".length())), CrlReason.parse(value));
                } else if (key.equals("ra.requesters")) {
                    ra = requesterKinds(value, true);
                    holder = Arrays.stream(value.split(",")).map(String::trim).anyMatch(HOLDER::equalsIgnoreCase);
                } else if (!List.of(
                                "requesters.confidence",
                                "devices.revocable",
                                "devices.confidence",
                                "reasons.confidence",
                                "ra.confidence",
                                "list.nextUpdateInterval")
                        .contains(key)) {
                    throw new IllegalArgumentException("unknown key");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + key + "': " + e.getMessage(), e);
            }
        }
        return new RevocationPolicy(
                requesters,
                confidence(p, "requesters.confidence", policy.requestersConfidence()),
                bool(p, "devices.revocable", policy.deviceCertificatesRevocable()),
                confidence(p, "devices.confidence", policy.deviceConfidence()),
                codes,
                confidence(p, "reasons.confidence", policy.reasonsConfidence()),
                ra,
                holder,
                confidence(p, "ra.confidence", policy.raConfidence()),
                duration(p, "list.nextUpdateInterval", policy.nextUpdateInterval()));
    }

    /** Returns {@code policy} as a properties file that {@link #load} reads back to an equal policy. */
    static String write(RevocationPolicy policy) {
        StringBuilder out = new StringBuilder("# smki-sim revocation policy (see RevocationPolicy)\n");
        for (ProfileKind kind : REVOCABLE_KINDS) {
            out.append("requesters.")
                    .append(kind.slug())
                    .append('=')
                    .append(policy.requesters(kind).stream()
                            .map(RequesterKind::slug)
                            .collect(Collectors.joining(",")))
                    .append('\n');
        }
        out.append("requesters.confidence=")
                .append(slug(policy.requestersConfidence()))
                .append('\n');
        out.append("devices.revocable=")
                .append(policy.deviceCertificatesRevocable())
                .append('\n');
        out.append("devices.confidence=")
                .append(slug(policy.deviceConfidence()))
                .append('\n');
        for (RevocationReason reason : RevocationReason.values()) {
            out.append("reason.")
                    .append(reason.slug())
                    .append('=')
                    .append(policy.crlReason(reason).rfcName())
                    .append('\n');
        }
        out.append("reasons.confidence=")
                .append(slug(policy.reasonsConfidence()))
                .append('\n');
        List<String> ra = new ArrayList<>();
        if (policy.holderMayRequest()) {
            ra.add(HOLDER);
        }
        policy.raRequesters().forEach(kind -> ra.add(kind.slug()));
        out.append("ra.requesters=").append(String.join(",", ra)).append('\n');
        out.append("ra.confidence=").append(slug(policy.raConfidence())).append('\n');
        out.append("list.nextUpdateInterval=")
                .append(policy.nextUpdateInterval())
                .append('\n');
        return out.toString();
    }

    private static Set<RequesterKind> requesterKinds(String value, boolean allowHolder) {
        Set<RequesterKind> kinds = new HashSet<>();
        for (String item : value.split(",")) {
            String t = item.trim();
            if (t.isEmpty() || allowHolder && t.equalsIgnoreCase(HOLDER)) {
                continue;
            }
            kinds.add(RequesterKind.parse(t));
        }
        return kinds;
    }

    private static Confidence confidence(Properties p, String key, Confidence fallback) {
        String value = p.getProperty(key);
        try {
            return value == null ? fallback : Confidence.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "': " + e.getMessage(), e);
        }
    }

    private static boolean bool(Properties p, String key, boolean fallback) {
        String value = p.getProperty(key);
        if (value == null) {
            return fallback;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("'" + key + "': expected true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(v);
    }

    private static Duration duration(Properties p, String key, Duration fallback) {
        String value = p.getProperty(key);
        try {
            return value == null ? fallback : Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + key + "': not an ISO-8601 duration such as PT24H: '" + value + "'", e);
        }
    }

    private static String slug(Confidence confidence) {
        return confidence.name().toLowerCase(Locale.ROOT);
    }
}
