package dev.smki.core.environment;

import dev.smki.core.provenance.Confidence;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The object identifiers that differ between SMKI environments, held as data: the Organisation and Device
 * Certificate Policy OIDs, the hwType OID in Device Certificates, and the OID of the Root OCA's
 * WrappedApexContingencyKey extension.
 *
 * <p>Two environments are built in. {@link #DCC_TEST} holds the values observed in the DCC's public test
 * certificates (certificates.md §2.7). {@link #SIM} holds the values this library's own test PKI issues:
 * OIDs under a UUID arc ({@code 2.25.63533733657186322451833921348849999028}, ITU-T X.667), so simulated
 * certificates can never be mistaken for DCC ones. Any other environment, such as production values taken
 * from SEC Appendices A and B, is loaded from a properties file with {@link #load(Path)}.
 *
 * <p>The contingency-key extension OID was not found in any readable source; both built-ins use RFC 5934's
 * {@code id-pe-wrappedApexContinKey} ({@value #RFC5934_WRAPPED_APEX_CONTINGENCY_KEY}) and mark it
 * {@link Confidence#RECONSTRUCTED}.
 *
 * @param name a short name such as {@code dcc-test}
 * @param organisationPolicies the accepted Organisation Certificate Policy OIDs; the first is the one issued
 * @param devicePolicies the accepted Device Certificate Policy OIDs; the first is the one issued
 * @param hwType the hwType OID inside a Device Certificate's HardwareModuleName
 * @param contingencyKeyExtension the OID of the Root OCA's WrappedApexContingencyKey extension
 * @param policyConfidence how sure we are of the policy and hwType OIDs
 * @param contingencyKeyConfidence how sure we are of the contingency-key extension OID
 */
public record SmkiEnvironment(
        String name,
        List<String> organisationPolicies,
        List<String> devicePolicies,
        String hwType,
        String contingencyKeyExtension,
        Confidence policyConfidence,
        Confidence contingencyKeyConfidence) {

    // Declared before the constants below, whose construction uses them.
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    private static final String SIM_ARC = "2.25.63533733657186322451833921348849999028";

    /** RFC 5934's {@code id-pe-wrappedApexContinKey}, the default contingency-key extension OID. */
    public static final String RFC5934_WRAPPED_APEX_CONTINGENCY_KEY = "1.3.6.1.5.5.7.1.20";

    /**
     * The DCC test environment: policies {@code 1.2.826.0.1.8641679.1.2.1.4} (ZAZ1 Organisation and DCC
     * Boxed device certificates) and {@code 1.2.826.0.1.1800000.1.2.1.4} (RTDS device certificates), hwType
     * {@code 1.2.826.0.1.8641679.1.2.2.1}. Observed in test certificates only (certificates.md §2.7).
     */
    public static final SmkiEnvironment DCC_TEST = new SmkiEnvironment(
            "dcc-test",
            List.of("1.2.826.0.1.8641679.1.2.1.4"),
            List.of("1.2.826.0.1.8641679.1.2.1.4", "1.2.826.0.1.1800000.1.2.1.4"),
            "1.2.826.0.1.8641679.1.2.2.1",
            RFC5934_WRAPPED_APEX_CONTINGENCY_KEY,
            Confidence.OBSERVED,
            Confidence.RECONSTRUCTED);

    /**
     * The environment this library's test PKI issues in: Organisation policy {@code <arc>.1.1}, Device
     * policy {@code <arc>.1.2}, hwType {@code <arc>.2.1}, where {@code <arc>} is
     * {@code 2.25.63533733657186322451833921348849999028}.
     */
    public static final SmkiEnvironment SIM = new SmkiEnvironment(
            "sim",
            List.of(SIM_ARC + ".1.1"),
            List.of(SIM_ARC + ".1.2"),
            SIM_ARC + ".2.1",
            RFC5934_WRAPPED_APEX_CONTINGENCY_KEY,
            Confidence.VERIFIED,
            Confidence.RECONSTRUCTED);

    /**
     * Checks the components.
     *
     * @param name the environment's name
     * @param organisationPolicies the policy OIDs of Organisation Certificates
     * @param devicePolicies the policy OIDs of Device Certificates
     * @param hwType the hwType OID of Device Certificates
     * @param contingencyKeyExtension the OID of the Root OCA's WrappedApexContingencyKey extension
     * @param policyConfidence how sure we are of the policy OIDs
     * @param contingencyKeyConfidence how sure we are of the contingency key extension OID
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the name is blank, a policy list is empty, or an OID is not dotted
     */
    public SmkiEnvironment {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An environment has a name");
        }
        organisationPolicies = checkOids("organisation.policies", organisationPolicies);
        devicePolicies = checkOids("device.policies", devicePolicies);
        checkOid("hwType", hwType);
        checkOid("contingencyKey.extension", contingencyKeyExtension);
        Objects.requireNonNull(policyConfidence, "policyConfidence");
        Objects.requireNonNull(contingencyKeyConfidence, "contingencyKeyConfidence");
    }

    private static List<String> checkOids(String key, List<String> oids) {
        Objects.requireNonNull(oids, key);
        if (oids.isEmpty()) {
            throw new IllegalArgumentException(key + " lists no OID");
        }
        oids.forEach(oid -> checkOid(key, oid));
        return List.copyOf(oids);
    }

    private static void checkOid(String key, String oid) {
        Objects.requireNonNull(oid, key);
        if (!OID.matcher(oid).matches()) {
            throw new IllegalArgumentException(key + " is not an object identifier: '" + oid + "'");
        }
    }

    /** {@return the built-in environments, {@link #DCC_TEST} and {@link #SIM}} */
    public static List<SmkiEnvironment> builtIn() {
        return List.of(DCC_TEST, SIM);
    }

    /**
     * {@return the built-in environment called {@code name}, if there is one}
     *
     * @param name the environment's name
     */
    public static Optional<SmkiEnvironment> named(String name) {
        return builtIn().stream().filter(e -> e.name.equalsIgnoreCase(name)).findFirst();
    }

    /**
     * {@return the built-in environment called {@code nameOrFile}, or else the environment loaded from the
     * properties file at that path}
     *
     * @param nameOrFile a built-in environment's name, or a properties file
     * @throws IllegalArgumentException when it is neither a built-in name nor a readable, valid file
     */
    public static SmkiEnvironment resolve(String nameOrFile) {
        Optional<SmkiEnvironment> builtIn = named(nameOrFile);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Unknown environment '" + nameOrFile + "': not one of "
                    + builtIn().stream().map(SmkiEnvironment::name).toList() + " and no such file");
        }
        return load(file);
    }

    /**
     * Loads an environment from a properties file with the keys {@code name}, {@code organisation.policies}
     * and {@code device.policies} (comma-separated OIDs, the first is the one issued), {@code hwType}, and
     * optionally {@code contingencyKey.extension} (default RFC 5934's), {@code policy.confidence} (default
     * {@code verified}) and {@code contingencyKey.confidence} (default {@code reconstructed}).
     *
     * @param file the properties file
     * @return the environment
     * @throws IllegalArgumentException naming the file and the problem when it cannot be read or a key is
     *     missing, unknown or malformed
     */
    public static SmkiEnvironment load(Path file) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read environment file " + file + ": " + e.getMessage(), e);
        }
        Set<String> known = Set.of(
                "name",
                "organisation.policies",
                "device.policies",
                "hwType",
                "contingencyKey.extension",
                "policy.confidence",
                "contingencyKey.confidence");
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Environment file " + file + " has unknown keys " + unknown);
        }
        try {
            return new SmkiEnvironment(
                    required(p, "name"),
                    list(required(p, "organisation.policies")),
                    list(required(p, "device.policies")),
                    required(p, "hwType"),
                    p.getProperty("contingencyKey.extension", RFC5934_WRAPPED_APEX_CONTINGENCY_KEY)
                            .trim(),
                    Confidence.parse(p.getProperty("policy.confidence", "verified")),
                    Confidence.parse(p.getProperty("contingencyKey.confidence", "reconstructed")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Environment file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
        return value.trim();
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(items::add);
        return items;
    }

    /** {@return the Organisation Certificate Policy OID this environment issues} */
    public String issuedOrganisationPolicy() {
        return organisationPolicies.get(0);
    }

    /** {@return the Device Certificate Policy OID this environment issues} */
    public String issuedDevicePolicy() {
        return devicePolicies.get(0);
    }

    /** {@return the properties-file text that {@link #load} reads back into this environment} */
    public String toProperties() {
        return "name=" + name + "\n"
                + "organisation.policies=" + String.join(",", organisationPolicies) + "\n"
                + "device.policies=" + String.join(",", devicePolicies) + "\n"
                + "hwType=" + hwType + "\n"
                + "contingencyKey.extension=" + contingencyKeyExtension + "\n"
                + "policy.confidence=" + policyConfidence.name().toLowerCase(Locale.ROOT) + "\n"
                + "contingencyKey.confidence=" + contingencyKeyConfidence.name().toLowerCase(Locale.ROOT) + "\n";
    }
}
