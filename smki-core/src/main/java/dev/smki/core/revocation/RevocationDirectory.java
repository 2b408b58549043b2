package dev.smki.core.revocation;

import dev.smki.core.identity.Eui64;
import dev.smki.core.internal.files.DurableFiles;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The revocation state kept next to a test PKI directory (as {@code smki pki init} writes it; see
 * {@link TestPkiDirectory}):
 *
 * <pre>
 * repository/revocations.log    the record of every revocation and list published ({@link RevocationLog})
 * repository/certificates.tsv   the registry, the simulated SMKI Repository (format: {@link CertificateRegistry#save})
 * crl/organisation.crl          the Organisation CRL, signed by the Issuing OCA (PEM)
 * crl/authority.arl             the ARL, signed by the Root OCA (PEM)
 * crl/device.crl                the Device CRL, signed by the Issuing DCA, only if Device Certificates are revoked
 * crl/device-authority.arl      the DCA ARL, signed by the Root DCA, only if an Issuing DCA certificate is revoked
 * </pre>
 *
 * Without a registry file the registry holds every certificate of the PKI, in use. The revocation log is the
 * record: a change ({@link #publish}) is committed by appending one line to it, forced to the device, and only then
 * are the registry and the lists rewritten, each whole or not at all. So a crash at any moment loses no
 * revocation and leaves none unpublished: {@link #open} reads the committed state (a registry or list file that
 * missed the last commit is derived again from the log, in memory), and {@link #openForUpdate}, which every change
 * goes through, holds the directory's lock and first writes such files again. cRLNumbers come from the log, so they
 * strictly increase even when a list file is deleted. A directory written before the log existed is taken over as
 * it stands: its revocations and lists become the log's first commit.
 */
public final class RevocationDirectory implements AutoCloseable {

    /** The registry file, relative to the PKI directory. */
    public static final String REGISTRY = "repository/certificates.tsv";

    /** The revocation log, relative to the PKI directory. */
    public static final String LOG = RevocationLog.FILE;

    private static final Map<ProfileKind, String> LIST_FILES = Map.of(
            ProfileKind.ISSUING_OCA, "crl/organisation.crl",
            ProfileKind.ROOT_OCA, "crl/authority.arl",
            ProfileKind.ISSUING_DCA, "crl/device.crl",
            ProfileKind.ROOT_DCA, "crl/device-authority.arl");

    private final Path dir;
    private final TestPki pki;
    private final CertificateRegistry registry;
    private final Map<ProfileKind, RevocationList> lists;
    private final Set<ProfileKind> staleLists;
    private final TestPkiDirectory.Lock lock;
    private final List<String> repairs = new ArrayList<>();
    private RevocationLog log;
    private boolean staleRegistry;

    private RevocationDirectory(
            Path dir,
            TestPki pki,
            CertificateRegistry registry,
            Map<ProfileKind, RevocationList> lists,
            Set<ProfileKind> staleLists,
            RevocationLog log,
            boolean staleRegistry,
            TestPkiDirectory.Lock lock) {
        this.dir = dir;
        this.pki = pki;
        this.registry = registry;
        this.lists = lists;
        this.staleLists = staleLists;
        this.log = log;
        this.staleRegistry = staleRegistry;
        this.lock = lock;
    }

    /** Returns the files of revocation state a PKI directory may hold, relative to it: log, registry, lists. */
    public static List<String> stateFiles() {
        List<String> files = new ArrayList<>(List.of(LOG, REGISTRY));
        files.addAll(new java.util.TreeSet<>(LIST_FILES.values()));
        return List.copyOf(files);
    }

    /**
     * Deletes the revocation state kept in {@code dir} (the log, the registry and every list), as when the test
     * PKI in it is replaced; other files are left alone.
     *
     * @throws UncheckedIOException when a file cannot be deleted
     */
    public static void deleteState(Path dir) {
        try {
            for (String file : stateFiles()) {
                DurableFiles.delete(dir.resolve(file));
            }
            for (String sub : List.of("repository", "crl")) {
                Path folder = dir.resolve(sub);
                if (Files.isDirectory(folder)) {
                    try (var left = Files.list(folder)) {
                        if (left.findAny().isEmpty()) {
                            DurableFiles.delete(folder);
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
     * Device Certificates its manifest lists), its revocation log and the lists published so far, as committed: a
     * registry or list file that a crash left behind the log is derived again, in memory. Takes no lock and
     * writes nothing; {@link #publish} needs {@link #openForUpdate}.
     *
     * @throws IllegalArgumentException naming the file when the directory holds no readable PKI, the registry is
     *     malformed or belongs to another PKI, the log is damaged or contradicts the registry, or a list is
     *     unreadable or not signed by its CA
     */
    public static RevocationDirectory open(Path dir) {
        return load(dir, null);
    }

    /**
     * Opens {@code dir} as {@link #open} does, holding its {@linkplain TestPkiDirectory#lock lock} until {@link
     * #close}, and first repairs what a crash left: a registry or list file behind the log is written again, and
     * revocations or lists not yet in the log (a directory written before it existed) are committed to it.
     *
     * @throws IllegalArgumentException as {@link #open} does
     * @throws IllegalStateException when another command holds the directory's lock for too long, or a list cannot
     *     be rebuilt exactly from the log
     * @throws UncheckedIOException when a file cannot be read or written
     */
    public static RevocationDirectory openForUpdate(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            return load(dir, null); // reports the missing PKI
        }
        TestPkiDirectory.Lock lock = TestPkiDirectory.lock(dir);
        try {
            RevocationDirectory directory = load(dir, lock);
            directory.repair();
            return directory;
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private static RevocationDirectory load(Path dir, TestPkiDirectory.Lock lock) {
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
        RevocationLog log = RevocationLog.read(dir);
        boolean staleRegistry = false;
        for (RevocationLog.Commit commit : log.commits()) {
            for (RevocationLog.Revoked revoked : commit.revoked()) {
                RegisteredCertificate entry = registry.find(revoked.serial())
                        .orElseThrow(() -> new IllegalArgumentException(dir.resolve(LOG) + " line "
                                + (commit.sequence() + 1) + " revokes serial "
                                + RegisteredCertificate.serialHex(revoked.serial())
                                + ", which is not in this PKI's registry"));
                if (!entry.isRevoked()) {
                    registry.revoke(revoked.serial(), revoked.revocation());
                    staleRegistry = true;
                } else if (!entry.revocation().orElseThrow().equals(revoked.revocation())) {
                    throw new IllegalArgumentException(registryFile + " records " + entry + " as revoked at "
                            + entry.revocation().orElseThrow().revokedAt() + ", but " + dir.resolve(LOG) + " line "
                            + (commit.sequence() + 1) + " at "
                            + revoked.revocation().revokedAt());
                }
            }
        }
        Map<ProfileKind, RevocationList> lists = new LinkedHashMap<>();
        Set<ProfileKind> staleLists = new java.util.HashSet<>();
        for (IssuedCertificate ca : pki.caCertificates()) {
            Path file = dir.resolve(LIST_FILES.get(ca.kind()));
            RevocationList onDisk = null;
            if (Files.exists(file)) {
                onDisk = RevocationList.read(file);
                if (!onDisk.isSignedBy(ca)) {
                    throw new IllegalArgumentException(file + " was not signed by this PKI's " + ca);
                }
            }
            Optional<String> last = log.lastListSha256(ca.kind());
            if (last.isPresent() && (onDisk == null || !last.get().equals(RevocationLog.sha256Hex(onDisk.toDer())))) {
                lists.put(ca.kind(), rebuild(dir, log, registry, ca, onDisk));
                staleLists.add(ca.kind());
            } else if (onDisk != null) {
                lists.put(ca.kind(), onDisk);
            }
        }
        return new RevocationDirectory(dir, pki, registry, lists, staleLists, log, staleRegistry, lock);
    }

    /**
     * Returns the last list {@code ca} published according to {@code log}, rebuilt from the newest list known whole
     * (the file on disk when the log published it, or a list the log keeps whole) by publishing every later one again
     * as the log records it. Signatures are deterministic (RFC 6979), so each rebuilt list is byte-identical to the
     * one first published; that is checked against the log.
     */
    private static RevocationList rebuild(
            Path dir, RevocationLog log, CertificateRegistry registry, IssuedCertificate ca, RevocationList onDisk) {
        List<RevocationLog.Commit> commits = log.commits();
        int start = -1;
        RevocationList previous = null;
        for (int i = 0; i < commits.size(); i++) {
            for (RevocationLog.Base base : commits.get(i).bases()) {
                if (base.signer() == ca.kind()) {
                    start = i;
                    previous = RevocationList.parse(base.der());
                }
            }
            for (RevocationLog.Published published : commits.get(i).published()) {
                if (published.signer() == ca.kind() && onDisk != null && published.is(onDisk)) {
                    start = i;
                    previous = onDisk;
                }
            }
        }
        Set<BigInteger> revoked = new java.util.HashSet<>();
        for (int i = 0; i <= start; i++) {
            commits.get(i).revoked().forEach(r -> revoked.add(r.serial()));
        }
        String keyId = CertificateFacts.hex(ca.subjectKeyIdentifier());
        for (int i = start + 1; i < commits.size(); i++) {
            commits.get(i).revoked().forEach(r -> revoked.add(r.serial()));
            for (RevocationLog.Published published : commits.get(i).published()) {
                if (published.signer() != ca.kind()) {
                    continue;
                }
                List<RegisteredCertificate> entries = registry.issuedBy(keyId).stream()
                        .filter(RegisteredCertificate::isRevoked)
                        .filter(c -> revoked.contains(c.serial()))
                        .filter(c -> !c.serial().equals(ca.serialNumber()))
                        .toList();
                RevocationList list = ListIssuer.next(
                        ca,
                        Optional.ofNullable(previous),
                        entries,
                        published.thisUpdate(),
                        Duration.between(published.thisUpdate(), published.nextUpdate()));
                if (!published.is(list)) {
                    throw new IllegalStateException("Cannot rebuild " + listFile(dir, ca.kind()) + " (CRL number "
                            + published.number() + ") exactly from " + dir.resolve(LOG) + ": the list made again"
                            + " differs from the one it records");
                }
                previous = list;
            }
        }
        return previous;
    }

    /**
     * Writes again what a crash left behind the log, and commits to the log what a directory written before it held.
     */
    private void repair() {
        deleteTemporaryFiles();
        List<RevocationLog.Revoked> unlogged = unloggedRevocations();
        List<RevocationLog.Base> bases = new ArrayList<>();
        for (Map.Entry<ProfileKind, RevocationList> e : lists.entrySet()) {
            if (!staleLists.contains(e.getKey()) && !inLog(e.getKey())) {
                bases.add(new RevocationLog.Base(e.getKey(), e.getValue().toDer()));
            }
        }
        if (!unlogged.isEmpty() || !bases.isEmpty()) {
            log = log.append(unlogged, List.of(), bases);
            repairs.add("recorded " + unlogged.size() + " revocation(s) and " + bases.size() + " list(s) found"
                    + " outside the revocation log in " + dir.resolve(LOG));
        }
        if (staleRegistry) {
            registry.save(dir.resolve(REGISTRY));
            repairs.add("wrote " + dir.resolve(REGISTRY) + " again: it lacked revocations the log records");
            staleRegistry = false;
        }
        for (ProfileKind kind : List.copyOf(staleLists)) {
            RevocationList list = lists.get(kind);
            writeList(kind, list);
            repairs.add("wrote " + listFile(dir, kind) + " again from the revocation log (CRL number " + list.number()
                    + ")");
            staleLists.remove(kind);
        }
    }

    /** Deletes the temporary files a crash left in the state directories (with the lock held, they are ours). */
    private void deleteTemporaryFiles() {
        for (String sub : List.of("repository", "crl")) {
            Path folder = dir.resolve(sub);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(".") && name.contains(DurableFiles.TEMPORARY_INFIX)) {
                        DurableFiles.delete(file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot clean " + folder, e);
            }
        }
    }

    /** Returns the revocations the registry holds that the log does not record yet. */
    private List<RevocationLog.Revoked> unloggedRevocations() {
        Set<BigInteger> logged = log.revokedSerials();
        return registry.byStatus(CertificateStatus.REVOKED).stream()
                .filter(c -> !logged.contains(c.serial()))
                .map(c -> new RevocationLog.Revoked(c.serial(), c.revocation().orElseThrow()))
                .toList();
    }

    private boolean inLog(ProfileKind kind) {
        return log.commits().stream()
                .anyMatch(c -> c.published().stream().anyMatch(p -> p.signer() == kind)
                        || c.bases().stream().anyMatch(b -> b.signer() == kind));
    }

    /** Returns what {@link #openForUpdate} repaired, one sentence each; empty when nothing needed it. */
    public List<String> repairs() {
        return List.copyOf(repairs);
    }

    /** Returns whether this directory holds its lock, so that {@link #publish} may change it. */
    public boolean isOpenForUpdate() {
        return lock != null;
    }

    /** Releases the directory's lock, if held. */
    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
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
     * Publishes the next list of each CA that issued one of {@code revoked}, commits the change to the revocation
     * log (every revocation in the registry not yet logged, and the lists), then saves the registry and writes the
     * lists, and returns the files written, registry first. Nothing is written when a list cannot be published; once
     * the commit is forced to the device, a crash before the files are written is repaired by the next {@link
     * #openForUpdate}.
     *
     * @throws IllegalStateException when the directory was not {@linkplain #openForUpdate opened for update}
     * @throws IllegalArgumentException when the clock is before a previous list's thisUpdate, or a list's times
     *     cannot be encoded (nothing written)
     * @throws UncheckedIOException when a file cannot be written
     */
    public List<Path> publish(Revocations revocations, List<RegisteredCertificate> revoked) {
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(revoked, "revoked");
        if (lock == null) {
            throw new IllegalStateException(
                    "Open " + dir + " with RevocationDirectory.openForUpdate to change it; it is open read-only");
        }
        Map<ProfileKind, RevocationList> next = new LinkedHashMap<>();
        for (RegisteredCertificate certificate : revoked) {
            Optional<IssuedCertificate> signer = issuerOf(certificate);
            if (signer.isPresent() && !next.containsKey(signer.get().kind())) {
                next.put(signer.get().kind(), revocations.publish(signer.get()));
            }
        }
        List<RevocationLog.Revoked> newlyRevoked = unloggedRevocations();
        List<RevocationLog.Published> published = new ArrayList<>();
        next.forEach((kind, list) -> published.add(new RevocationLog.Published(
                kind,
                list.number(),
                list.thisUpdate(),
                list.nextUpdate().orElseThrow(),
                RevocationLog.sha256Hex(list.toDer()))));
        log = log.append(newlyRevoked, published, List.of());
        List<Path> written = new ArrayList<>();
        Path registryFile = dir.resolve(REGISTRY);
        registry.save(registryFile);
        written.add(registryFile);
        next.forEach((kind, list) -> {
            writeList(kind, list);
            written.add(listFile(dir, kind));
        });
        return List.copyOf(written);
    }

    private void writeList(ProfileKind kind, RevocationList list) {
        AtomicFiles.write(listFile(dir, kind), list.toPem());
        lists.put(kind, list);
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
