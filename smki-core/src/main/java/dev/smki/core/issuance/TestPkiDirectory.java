package dev.smki.core.issuance;

import dev.smki.core.contingency.ContingencyWrap;
import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.contingency.WrappedApexContingencyKey;
import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.KeyUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.profile.ProfileKind;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Writes a {@link TestPki} to a directory and reads it back. The layout:
 *
 * <pre>
 * manifest.properties            what the PKI is: environment, seed, clock, names, parties, devices
 * environment.properties         the environment's OIDs ({@link SmkiEnvironment#load} reads it)
 * root-oca.pem  issuing-oca.pem  root-dca.pem  issuing-dca.pem   CA certificates
 * org/&lt;role&gt;-&lt;ds|ka|ka-topup&gt;.pem       Organisation Certificates
 * devices/&lt;eui64&gt;-&lt;ds|ka&gt;.pem         Device Certificates
 * pki.p12                        every certificate and key, PKCS#12, password {@value #DEFAULT_PASSWORD} unless set
 * secret/contingency-private-key.pem      the contingency private key (PKCS#8)
 * secret/contingency-public-key.pem       the contingency public key (the Root OCA carries it wrapped)
 * secret/contingency-symmetric-key.hex    the Symmetric Key that unwraps it
 * </pre>
 *
 * Next to each certificate {@code <stem>.pem} its private key is {@code <stem>.key}, unencrypted PKCS#8 PEM
 * (test material), so that {@code *.pem} matches certificates only. PEM uses {@code \n} line ends. A seeded PKI
 * writes byte-identical files every time.
 */
public final class TestPkiDirectory {

    /** The PKCS#12 password unless another is given. */
    public static final String DEFAULT_PASSWORD = "smki-sim";

    /** The manifest file name. */
    public static final String MANIFEST = "manifest.properties";

    static final String ENVIRONMENT = "environment.properties";
    static final String PKCS12 = "pki.p12";
    static final String ORG = "org";
    static final String DEVICES = "devices";
    static final String SECRET = "secret";
    static final String CONTINGENCY_PRIVATE_KEY = "contingency-private-key.pem";
    static final String CONTINGENCY_PUBLIC_KEY = "contingency-public-key.pem";
    static final String CONTINGENCY_SYMMETRIC_KEY = "contingency-symmetric-key.hex";
    private static final String KEY_SUFFIX = ".key";
    private static final String PEM = ".pem";
    private static final int FORMAT = 1;

    private static final Map<ProfileKind, String> CA_FILES = Map.of(
            ProfileKind.ROOT_OCA, "root-oca",
            ProfileKind.ISSUING_OCA, "issuing-oca",
            ProfileKind.ROOT_DCA, "root-dca",
            ProfileKind.ISSUING_DCA, "issuing-dca");
    private static final List<ProfileKind> CA_ORDER =
            List.of(ProfileKind.ROOT_OCA, ProfileKind.ISSUING_OCA, ProfileKind.ROOT_DCA, ProfileKind.ISSUING_DCA);

    private TestPkiDirectory() {}

    /** Returns the file stem of a CA certificate, such as {@code root-oca}. */
    public static String caFileStem(ProfileKind kind) {
        String stem = CA_FILES.get(kind);
        if (stem == null) {
            throw new IllegalArgumentException(kind + " is not a CA profile");
        }
        return stem;
    }

    /** Returns the file stem of a Device Certificate, such as {@code 02534d4b49800000-ds}. */
    public static String deviceFileStem(Eui64 device, KeyUsage keyUsage) {
        return device.toFileName() + "-" + keyUsage.abbreviation();
    }

    /**
     * Writes {@code pki}, with DS and KA Device Certificates for each of {@code devices}, to {@code dir}
     * (created if missing; files already there are overwritten) and returns the files written, in order.
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static List<Path> write(TestPki pki, Path dir, List<Eui64> devices, char[] password) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Map<String, IssuedCertificate> keystore = new LinkedHashMap<>();
            for (ProfileKind kind : CA_ORDER) {
                IssuedCertificate ca = certificateOf(pki, kind);
                writeWithKey(dir, caFileStem(kind), ca, written);
                keystore.put(caFileStem(kind), ca);
            }
            for (Map.Entry<OrganisationCredential, IssuedCertificate> e :
                    pki.organisationCertificates().entrySet()) {
                String stem = e.getKey().fileStem();
                writeWithKey(dir.resolve(ORG), stem, e.getValue(), written);
                keystore.put(stem, e.getValue());
            }
            for (Eui64 device : devices) {
                for (KeyUsage usage : KeyUsage.values()) {
                    String stem = deviceFileStem(device, usage);
                    IssuedCertificate certificate = pki.deviceCertificate(device, usage);
                    writeWithKey(dir.resolve(DEVICES), stem, certificate, written);
                    keystore.put("device-" + stem, certificate);
                }
            }
            Path secret = dir.resolve(SECRET);
            Files.createDirectories(secret);
            restrict(secret, "rwx------");
            ContingencyMaterial contingency = pki.contingency();
            writeSecret(
                    secret.resolve(CONTINGENCY_PRIVATE_KEY),
                    CertificateFiles.toPem(contingency.privateKeyInfo()),
                    written);
            writeSecret(
                    secret.resolve(CONTINGENCY_PUBLIC_KEY),
                    CertificateFiles.toPem(
                            "PUBLIC KEY", contingency.publicKeyInfo().getEncoded()),
                    written);
            writeSecret(
                    secret.resolve(CONTINGENCY_SYMMETRIC_KEY),
                    contingency.symmetricKey().toHex() + "\n",
                    written);
            Path p12 = dir.resolve(PKCS12);
            CertificateFiles.write(p12, Pkcs12Keystore.encode(keystore, password, pki.randomFor("pkcs12")));
            written.add(p12);
            Path environment = dir.resolve(ENVIRONMENT);
            CertificateFiles.write(environment, pki.environment().toProperties());
            written.add(environment);
            Path manifest = dir.resolve(MANIFEST);
            CertificateFiles.write(manifest, manifest(pki, devices));
            written.add(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test PKI to " + dir, e);
        }
        return List.copyOf(written);
    }

    /**
     * Deletes what {@link #write} puts in {@code dir}: the {@code org}, {@code devices} and {@code secret}
     * directories and the top-level files of the layout. Anything else in {@code dir} is left alone.
     *
     * @throws UncheckedIOException when something cannot be deleted
     */
    public static void deleteLayout(Path dir) {
        try {
            for (String sub : List.of(ORG, DEVICES, SECRET)) {
                deleteTree(dir.resolve(sub));
            }
            for (String stem : CA_FILES.values()) {
                Files.deleteIfExists(dir.resolve(stem + PEM));
                Files.deleteIfExists(dir.resolve(stem + KEY_SUFFIX));
            }
            for (String file : List.of(PKCS12, ENVIRONMENT, MANIFEST)) {
                Files.deleteIfExists(dir.resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the test PKI in " + dir, e);
        }
    }

    /**
     * Reads the PKI that {@link #write} wrote to {@code dir}.
     *
     * @throws IllegalArgumentException naming the file when the directory does not hold a readable PKI
     */
    public static TestPki read(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException(dir + " is not a test PKI directory: it has no " + MANIFEST);
        }
        Properties manifest = new Properties();
        try (Reader reader = Files.newBufferedReader(manifestFile, StandardCharsets.UTF_8)) {
            manifest.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + manifestFile + ": " + e.getMessage(), e);
        }
        try {
            return read(dir, manifest);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("Cannot read the test PKI in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static TestPki read(Path dir, Properties m) {
        String format = required(m, "format");
        if (!String.valueOf(FORMAT).equals(format)) {
            throw new IllegalArgumentException(MANIFEST + " has format " + format + "; this library reads " + FORMAT);
        }
        SmkiEnvironment environment = SmkiEnvironment.load(dir.resolve(required(m, "environment")));
        String seed = m.getProperty("seed");
        Randomness randomness = seed == null
                ? Randomness.of(new java.security.SecureRandom())
                : Randomness.seeded(Long.parseLong(seed.trim()));
        String clockText = m.getProperty("clock");
        Clock clock =
                clockText == null ? Clock.systemUTC() : Clock.fixed(Instant.parse(clockText.trim()), ZoneOffset.UTC);
        CaNames names = new CaNames(
                required(m, "ca.rootOca"),
                required(m, "ca.issuingOca"),
                required(m, "ca.rootDca"),
                required(m, "ca.issuingDca"));
        int generation = Integer.parseInt(required(m, "oca.generation"));
        ContingencyKeySettings settings = new ContingencyKeySettings(
                required(m, "contingency.extension"),
                Boolean.parseBoolean(required(m, "contingency.critical")),
                ContingencyWrap.parse(required(m, "contingency.wrap")));
        PartyIdentities parties = PartyIdentities.SIMULATED;
        for (RemotePartyRole role : RemotePartyRole.values()) {
            String eui = m.getProperty("party." + role.slug());
            if (eui != null) {
                parties = parties.with(role, Eui64.parse(eui));
            }
        }
        List<IssuedCertificate> cas = new ArrayList<>();
        for (ProfileKind kind : CA_ORDER) {
            cas.add(readWithKey(dir, caFileStem(kind), kind));
        }
        Path secret = dir.resolve(SECRET);
        ContingencyMaterial contingency = ContingencyMaterial.of(
                EcKey.fromPrivateKeyInfo(CertificateFiles.readPrivateKey(secret.resolve(CONTINGENCY_PRIVATE_KEY))),
                readSymmetricKey(secret.resolve(CONTINGENCY_SYMMETRIC_KEY)),
                settings);
        Optional<WrappedApexContingencyKey> carried =
                WrappedApexContingencyKey.from(cas.get(0).certificate(), settings.extensionOid());
        if (carried.flatMap(w -> w.unwrap(contingency.symmetricKey()))
                .filter(contingency.publicKeyInfo()::equals)
                .isEmpty()) {
            throw new IllegalArgumentException(
                    "The contingency material in " + secret + " does not match the key root-oca.pem carries");
        }
        Map<OrganisationCredential, IssuedCertificate> organisations = new LinkedHashMap<>();
        for (OrganisationCredential credential : OrganisationCredential.STANDARD) {
            organisations.put(
                    credential, readWithKey(dir.resolve(ORG), credential.fileStem(), ProfileKind.ORGANISATION));
        }
        Map<TestPki.DeviceCredential, IssuedCertificate> devices = new LinkedHashMap<>();
        Path devicesDir = dir.resolve(DEVICES);
        if (Files.isDirectory(devicesDir)) {
            for (Path file : list(devicesDir)) {
                String name = file.getFileName().toString();
                if (!name.endsWith(PEM)) {
                    continue;
                }
                String stem = name.substring(0, name.length() - PEM.length());
                int dash = stem.lastIndexOf('-');
                if (dash < 0) {
                    throw new IllegalArgumentException(file + ": expected a name <eui64>-<ds|ka>.pem");
                }
                TestPki.DeviceCredential slot = new TestPki.DeviceCredential(
                        Eui64.parse(stem.substring(0, dash)), KeyUsage.parse(stem.substring(dash + 1)));
                devices.put(slot, readWithKey(devicesDir, stem, ProfileKind.DEVICE));
            }
        }
        return TestPki.assemble(
                environment, randomness, clock, parties, names, generation, contingency, cas, organisations, devices);
    }

    private static IssuedCertificate certificateOf(TestPki pki, ProfileKind kind) {
        return switch (kind) {
            case ROOT_OCA -> pki.rootOca();
            case ISSUING_OCA -> pki.issuingOca();
            case ROOT_DCA -> pki.rootDca();
            default -> pki.issuingDca();
        };
    }

    private static String manifest(TestPki pki, List<Eui64> devices) {
        StringBuilder sb = new StringBuilder();
        sb.append("# smki-sim test PKI; read it back with TestPki.load(dir). Test material only.\n");
        sb.append("format=").append(FORMAT).append('\n');
        sb.append("environment=").append(ENVIRONMENT).append('\n');
        sb.append("environment.name=").append(pki.environment().name()).append('\n');
        if (pki.seed().isPresent()) {
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
        sb.append("pkcs12=").append(PKCS12).append('\n');
        return sb.toString();
    }

    private static void writeWithKey(Path dir, String stem, IssuedCertificate certificate, List<Path> written)
            throws IOException {
        Path cert = dir.resolve(stem + PEM);
        CertificateFiles.write(cert, certificate.toPem());
        written.add(cert);
        if (certificate.hasPrivateKey()) {
            Path key = dir.resolve(stem + KEY_SUFFIX);
            CertificateFiles.write(key, certificate.privateKeyPem());
            written.add(key);
        }
    }

    private static void writeSecret(Path file, String text, List<Path> written) throws IOException {
        CertificateFiles.write(file, text);
        restrict(file, "rw-------");
        written.add(file);
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to restrict with.
        }
    }

    private static IssuedCertificate readWithKey(Path dir, String stem, ProfileKind kind) {
        Path cert = dir.resolve(stem + PEM);
        if (!Files.isRegularFile(cert)) {
            throw new IllegalArgumentException("Missing " + cert);
        }
        Path key = dir.resolve(stem + KEY_SUFFIX);
        Optional<org.bouncycastle.asn1.pkcs.PrivateKeyInfo> privateKey =
                Files.isRegularFile(key) ? Optional.of(CertificateFiles.readPrivateKey(key)) : Optional.empty();
        try {
            return IssuedCertificate.of(kind, CertificateFiles.readCertificate(cert), privateKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(cert + ": " + e.getMessage(), e);
        }
    }

    private static SymmetricKey readSymmetricKey(Path file) {
        try {
            return SymmetricKey.parseHex(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties m, String key) {
        String value = m.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(MANIFEST + " lacks '" + key + "'");
        }
        return value.trim();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
