package dev.smki.core.revocation;

import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.issuance.TestPkiDirectory;
import dev.smki.core.profile.ProfileKind;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The revocation state kept next to a test PKI directory (as {@code smki pki init} writes it; see
 * {@link TestPkiDirectory}):
 *
 * <pre>
 * repository/certificates.tsv   the registry, the simulated SMKI Repository (format: {@link CertificateRegistry#save})
 * crl/organisation.crl          the Organisation CRL, signed by the Issuing OCA (PEM)
 * crl/authority.arl             the ARL, signed by the Root OCA (PEM)
 * crl/device.crl                the Device CRL, signed by the Issuing DCA, only if Device Certificates are revoked
 * crl/device-authority.arl      the DCA ARL, signed by the Root DCA, only if an Issuing DCA certificate is revoked
 * </pre>
 *
 * Without a registry file the registry holds every certificate of the PKI, in use. Each list file is the
 * authority for its own cRLNumber: the next list follows it.
 */
public final class RevocationDirectory {

    /** The registry file, relative to the PKI directory. */
    public static final String REGISTRY = "repository/certificates.tsv";

    private static final Map<ProfileKind, String> LIST_FILES = Map.of(
            ProfileKind.ISSUING_OCA, "crl/organisation.crl",
            ProfileKind.ROOT_OCA, "crl/authority.arl",
            ProfileKind.ISSUING_DCA, "crl/device.crl",
            ProfileKind.ROOT_DCA, "crl/device-authority.arl");

    private final Path dir;
    private final TestPki pki;
    private final CertificateRegistry registry;
    private final Map<ProfileKind, RevocationList> lists;

    private RevocationDirectory(
            Path dir, TestPki pki, CertificateRegistry registry, Map<ProfileKind, RevocationList> lists) {
        this.dir = dir;
        this.pki = pki;
        this.registry = registry;
        this.lists = lists;
    }

    /**
     * Deletes the revocation state kept in {@code dir} (the registry and every list), as when the test PKI in
     * it is replaced; other files are left alone.
     *
     * @throws UncheckedIOException when a file cannot be deleted
     */
    public static void deleteState(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(REGISTRY));
            for (String list : LIST_FILES.values()) {
                Files.deleteIfExists(dir.resolve(list));
            }
            for (String sub : List.of("repository", "crl")) {
                Path folder = dir.resolve(sub);
                if (Files.isDirectory(folder)) {
                    try (var left = Files.list(folder)) {
                        if (left.findAny().isEmpty()) {
                            Files.delete(folder);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the revocation state in " + dir, e);
        }
    }

    /**
     * Reads the PKI in {@code dir}, its registry (or a new one holding every certificate of the PKI, including the
     * Device Certificates its manifest lists) and the lists published so far.
     *
     * @throws IllegalArgumentException naming the file when the directory holds no readable PKI, the registry is
     *     malformed or belongs to another PKI, or a list is unreadable or not signed by its CA
     */
    public static RevocationDirectory open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        TestPki pki = TestPki.load(dir);
        Path registryFile = dir.resolve(REGISTRY);
        CertificateRegistry registry;
        if (Files.exists(registryFile)) {
            registry = CertificateRegistry.load(registryFile);
            BigInteger root = pki.rootOca().serialNumber();
            if (registry.find(root).isEmpty()) {
                throw new IllegalArgumentException(registryFile + " belongs to another PKI: it does not hold this"
                        + " PKI's Root OCA certificate (serial " + RegisteredCertificate.serialHex(root) + ")");
            }
        } else {
            registry = CertificateRegistry.of(pki, manifestDevices(dir));
        }
        Map<ProfileKind, RevocationList> lists = new LinkedHashMap<>();
        for (IssuedCertificate ca : pki.caCertificates()) {
            Path file = dir.resolve(LIST_FILES.get(ca.kind()));
            if (Files.exists(file)) {
                RevocationList list = RevocationList.read(file);
                if (!list.isSignedBy(ca)) {
                    throw new IllegalArgumentException(file + " was not signed by this PKI's " + ca);
                }
                lists.put(ca.kind(), list);
            }
        }
        return new RevocationDirectory(dir, pki, registry, lists);
    }

    /** Returns the path of the list file {@code signer} publishes, such as {@code DIR/crl/organisation.crl}. */
    public static Path listFile(Path dir, ProfileKind signer) {
        Objects.requireNonNull(dir, "dir");
        String file = LIST_FILES.get(Objects.requireNonNull(signer, "signer"));
        if (file == null) {
            throw new IllegalArgumentException(signer + " is not a CA and publishes no list");
        }
        return dir.resolve(file);
    }

    /** Returns the PKI directory. */
    public Path dir() {
        return dir;
    }

    /** Returns the PKI. */
    public TestPki pki() {
        return pki;
    }

    /** Returns the registry. */
    public CertificateRegistry registry() {
        return registry;
    }

    /** Returns the list {@code signer} last published, if any. */
    public Optional<RevocationList> list(ProfileKind signer) {
        return Optional.ofNullable(lists.get(signer));
    }

    /**
     * Returns the handling of revocations over this directory's registry under {@code policy}, timed by
     * {@code clock}, knowing the lists published so far.
     *
     * @throws IllegalArgumentException when a published list names a certificate the registry does not record as
     *     revoked
     */
    public Revocations revocations(RevocationPolicy policy, Clock clock) {
        Revocations revocations = Revocations.of(registry, policy, clock);
        for (IssuedCertificate ca : pki.caCertificates()) {
            RevocationList list = lists.get(ca.kind());
            if (list != null) {
                try {
                    revocations.recordPublished(ca, list);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(listFile(dir, ca.kind()) + ": " + e.getMessage(), e);
                }
            }
        }
        return revocations;
    }

    /** Returns the CA of this PKI that issued {@code certificate}, if it is one of the four. */
    public Optional<IssuedCertificate> issuerOf(RegisteredCertificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        return pki.caCertificates().stream()
                .filter(ca -> !ca.serialNumber().equals(certificate.serial()))
                .filter(ca -> CertificateFacts.hex(ca.subjectKeyIdentifier()).equals(certificate.issuerKeyId()))
                .findFirst();
    }

    /**
     * Publishes the next list of each CA that issued one of {@code revoked}, then saves the registry and writes
     * the lists, and returns the files written, registry first. Nothing is written when a list cannot be
     * published.
     *
     * @throws IllegalArgumentException when the clock is before a previous list's thisUpdate (nothing written)
     * @throws UncheckedIOException when a file cannot be written
     */
    public List<Path> publish(Revocations revocations, List<RegisteredCertificate> revoked) {
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(revoked, "revoked");
        Map<ProfileKind, RevocationList> next = new LinkedHashMap<>();
        for (RegisteredCertificate certificate : revoked) {
            Optional<IssuedCertificate> signer = issuerOf(certificate);
            if (signer.isPresent() && !next.containsKey(signer.get().kind())) {
                next.put(signer.get().kind(), revocations.publish(signer.get()));
            }
        }
        List<Path> written = new ArrayList<>();
        Path registryFile = dir.resolve(REGISTRY);
        registry.save(registryFile);
        written.add(registryFile);
        next.forEach((kind, list) -> {
            Path file = listFile(dir, kind);
            AtomicFiles.write(file, list.toPem());
            lists.put(kind, list);
            written.add(file);
        });
        return List.copyOf(written);
    }

    private static List<Eui64> manifestDevices(Path dir) {
        Properties manifest = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve(TestPkiDirectory.MANIFEST), StandardCharsets.UTF_8)) {
            manifest.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir.resolve(TestPkiDirectory.MANIFEST), e);
        }
        String devices = manifest.getProperty("devices", "").trim();
        return devices.isEmpty()
                ? List.of()
                : Arrays.stream(devices.split(","))
                        .map(String::trim)
                        .map(Eui64::parse)
                        .toList();
    }

    @Override
    public String toString() {
        return "RevocationDirectory[" + dir + ", " + registry + "]";
    }
}
