package dev.smki.core.issuance;

import dev.smki.core.contingency.ContingencyWrap;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The {@code manifest.properties} of a test PKI directory, written and read in this one place: what the PKI is
 * (format, environment, seed and clock, CA names, OCA generation, contingency key settings, parties), the Devices
 * whose certificates are written, and whether its secrets were left out.
 */
final class PkiManifest {

    /** The manifest's file name. */
    static final String FILE = "manifest.properties";

    private static final int FORMAT = 1;
    private static final String SECRETS = "secrets";
    private static final String SECRETS_OMITTED = "omitted";

    private final Properties values;

    private PkiManifest(Properties values) {
        this.values = values;
    }

    /** Returns the manifest text of {@code pki} with the certificates of {@code devices}, with or without secrets. */
    static String text(TestPki pki, List<Eui64> devices, boolean secrets, String environmentFile, String pkcs12) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                secrets
                        ? "# smki-sim test PKI; read it back with TestPki.load(dir). Test material only.\n"
                        : "# smki-sim test PKI certificates, written without secrets: no private key, no seed.\n");
        sb.append("format=").append(FORMAT).append('\n');
        sb.append("environment=").append(environmentFile).append('\n');
        sb.append("environment.name=").append(pki.environment().name()).append('\n');
        if (!secrets) {
            sb.append(SECRETS).append('=').append(SECRETS_OMITTED).append('\n');
        } else if (pki.seed().isPresent()) {
            sb.append("seed=").append(pki.seed().getAsLong()).append('\n');
            sb.append("clock=").append(pki.clock().instant()).append('\n');
        }
        sb.append("oca.generation=").append(pki.ocaGeneration()).append('\n');
        sb.append("ca.rootOca=").append(pki.caNames().rootOca()).append('\n');
        sb.append("ca.issuingOca=").append(pki.caNames().issuingOca()).append('\n');
        sb.append("ca.rootDca=").append(pki.caNames().rootDca()).append('\n');
        sb.append("ca.issuingDca=").append(pki.caNames().issuingDca()).append('\n');
        ContingencyKeySettings settings = pki.contingency().settings();
        sb.append("contingency.extension=").append(settings.extensionOid()).append('\n');
        sb.append("contingency.critical=").append(settings.critical()).append('\n');
        sb.append("contingency.wrap=").append(settings.wrap().text()).append('\n');
        pki.parties()
                .endEntities()
                .forEach((role, eui) -> sb.append("party.")
                        .append(role.slug())
                        .append('=')
                        .append(eui)
                        .append('\n'));
        sb.append("devices=")
                .append(String.join(",", devices.stream().map(Eui64::toString).toList()))
                .append('\n');
        if (secrets) {
            sb.append("pkcs12=").append(pkcs12).append('\n');
        }
        return sb.toString();
    }

    /**
     * Reads the manifest of the test PKI directory {@code dir}.
     *
     * @throws IllegalArgumentException when {@code dir} has no manifest, or it cannot be read
     */
    static PkiManifest load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " is not a test PKI directory: it has no " + FILE);
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return new PkiManifest(values);
    }

    /**
     * Checks that the PKI of {@code dir} can be read back with this library.
     *
     * @throws IllegalArgumentException when the manifest's format is another, or the PKI was written without secrets
     */
    void requireReadable(Path dir) {
        String format = required("format");
        if (!String.valueOf(FORMAT).equals(format)) {
            throw new IllegalArgumentException(FILE + " has format " + format + "; this library reads " + FORMAT);
        }
        if (SECRETS_OMITTED.equals(values.getProperty(SECRETS))) {
            throw new IllegalArgumentException(dir + " holds the certificates of a test PKI written without secrets"
                    + " (no private key, no seed), so it cannot be read back as a test PKI; lint or trust its"
                    + " certificates as they are");
        }
    }

    /** Returns the environment file, relative to the directory. */
    String environmentFile() {
        return required("environment");
    }

    /** Returns the PKI's randomness: seeded when the manifest names a seed, else fresh. */
    Randomness randomness() {
        String seed = values.getProperty("seed");
        return seed == null ? Randomness.of(new SecureRandom()) : Randomness.seeded(Long.parseLong(seed.trim()));
    }

    /** Returns the PKI's clock: fixed at the manifest's clock when it names one, else the system's. */
    Clock clock() {
        String clock = values.getProperty("clock");
        return clock == null ? Clock.systemUTC() : Clock.fixed(Instant.parse(clock.trim()), ZoneOffset.UTC);
    }

    CaNames caNames() {
        return new CaNames(
                required("ca.rootOca"), required("ca.issuingOca"), required("ca.rootDca"), required("ca.issuingDca"));
    }

    int ocaGeneration() {
        return Integer.parseInt(required("oca.generation"));
    }

    ContingencyKeySettings contingencySettings() {
        return new ContingencyKeySettings(
                required("contingency.extension"),
                Boolean.parseBoolean(required("contingency.critical")),
                ContingencyWrap.parse(required("contingency.wrap")));
    }

    PartyIdentities parties() {
        PartyIdentities parties = PartyIdentities.SIMULATED;
        for (RemotePartyRole role : RemotePartyRole.values()) {
            String eui = values.getProperty("party." + role.slug());
            if (eui != null) {
                parties = parties.with(role, Eui64.parse(eui));
            }
        }
        return parties;
    }

    /** Returns the Devices whose certificates the directory holds. */
    List<Eui64> devices() {
        String devices = values.getProperty("devices", "").trim();
        return devices.isEmpty()
                ? List.of()
                : Arrays.stream(devices.split(","))
                        .map(String::trim)
                        .map(Eui64::parse)
                        .toList();
    }

    private String required(String key) {
        String value = values.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(FILE + " lacks '" + key + "'");
        }
        return value.trim();
    }
}
