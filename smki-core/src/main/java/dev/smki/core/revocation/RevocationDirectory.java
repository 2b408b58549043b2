package dev.smki.core.revocation;

import dev.smki.core.internal.files.DurableFiles;
import dev.smki.core.profile.ProfileKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The revocation state kept in a PKI's directory, such as the test PKI directory {@code smki pki init} writes (the
 * test PKI opens it with {@code TestPkiDirectory.openRevocations} and {@code openRevocationsForUpdate}):
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
 * The directory is opened with the CAs that sign its lists ({@link ListSigner}, the Root OCA first) and the registry
 * to start from when it has no registry file (every certificate of the PKI, in use). The revocation log is the
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
    private final List<ListSigner> signers;
    private final CertificateRegistry registry;
    private final Map<ProfileKind, RevocationList> lists;
    private final Set<ProfileKind> staleLists;
    private final @Nullable AutoCloseable lock;
    private final List<String> repairs = new ArrayList<>();
    private RevocationLog log;
    private boolean staleRegistry;

    private RevocationDirectory(
            Path dir,
            List<ListSigner> signers,
            CertificateRegistry registry,
            Map<ProfileKind, RevocationList> lists,
            Set<ProfileKind> staleLists,
            RevocationLog log,
            boolean staleRegistry,
            @Nullable AutoCloseable lock) {
        this.dir = dir;
        this.signers = signers;
        this.registry = registry;
        this.lists = lists;
        this.staleLists = staleLists;
        this.log = log;
        this.staleRegistry = staleRegistry;
        this.lock = lock;
    }

    /** {@return the files of revocation state a PKI directory may hold, relative to it: log, registry, lists} */
    public static List<String> stateFiles() {
        List<String> files = new ArrayList<>(List.of(LOG, REGISTRY));
        files.addAll(new java.util.TreeSet<>(LIST_FILES.values()));
        return List.copyOf(files);
    }

    /**
     * Deletes the revocation state kept in {@code dir} (the log, the registry and every list), as when the test
     * PKI in it is replaced; other files are left alone.
     *
     * @param dir the PKI directory
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
     * Reads the revocation state in {@code dir}: its registry (or {@code initialRegistry} when it has no registry
     * file), its revocation log and the lists {@code signers} published so far, as committed: a registry or list file
     * that a crash left behind the log is derived again, in memory. Takes no lock and writes nothing; {@link
     * #publish} needs {@link #openForUpdate}.
     *
     * @param dir the PKI directory
     * @param signers the CAs whose lists the directory keeps, each with its key, the Root OCA first
     * @param initialRegistry the registry to start from when {@code dir} holds none: every certificate of the PKI
     * @return the revocation state
     * @throws IllegalArgumentException naming the file when the registry is malformed or belongs to another PKI, the
     *     log is damaged or contradicts the registry, or a list is unreadable or not signed by its CA
     * @throws UncheckedIOException when a file cannot be read
     */
    public static RevocationDirectory open(
            Path dir, List<? extends ListSigner> signers, Supplier<CertificateRegistry> initialRegistry) {
        return load(dir, signers, initialRegistry, null);
    }

    /**
     * Opens {@code dir} as {@link #open} does for a change, holding {@code lock} (the caller's exclusive hold on the
     * directory, released by {@link #close}, or at once when opening fails), and first repairs what a crash left: a
     * registry or list file behind the log is written again, and revocations or lists not yet in the log (a
     * directory written before it existed) are committed to it.
     *
     * @param dir the PKI directory
     * @param signers the CAs whose lists the directory keeps, each with its key, the Root OCA first
     * @param initialRegistry the registry to start from when {@code dir} holds none: every certificate of the PKI
     * @param lock the caller's exclusive hold on {@code dir}, which the returned directory releases when closed
     * @return the revocation state
     * @throws IllegalArgumentException as {@link #open} does
     * @throws IllegalStateException when a list cannot be rebuilt exactly from the log
     * @throws UncheckedIOException when a file cannot be read or written
     */
    public static RevocationDirectory openForUpdate(
            Path dir,
            List<? extends ListSigner> signers,
            Supplier<CertificateRegistry> initialRegistry,
            AutoCloseable lock) {
        Objects.requireNonNull(lock, "lock");
        try {
            RevocationDirectory directory = load(dir, signers, initialRegistry, lock);
            directory.repair();
            return directory;
        } catch (RuntimeException | Error e) {
            release(dir, lock);
            throw e;
        }
    }

    private static RevocationDirectory load(
            Path dir,
            List<? extends ListSigner> signers,
            Supplier<CertificateRegistry> initialRegistry,
            @Nullable AutoCloseable lock) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(initialRegistry, "initialRegistry");
        List<ListSigner> cas = List.copyOf(signers);
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("A revocation directory needs the CAs that sign its lists");
        }
        Path registryFile = dir.resolve(REGISTRY);
        CertificateRegistry registry;
        if (Files.exists(registryFile)) {
            registry = CertificateRegistry.load(registryFile);
            ListSigner root = cas.get(0);
            BigInteger serial = root.parsed().serialNumber();
            if (registry.find(serial).isEmpty()) {
                throw new IllegalArgumentException(registryFile + " belongs to another PKI: it does not hold this"
                        + " PKI's " + kindOf(root).displayName() + " certificate (serial "
                        + RegisteredCertificate.serialHex(serial) + ")");
            }
        } else {
            registry = Objects.requireNonNull(initialRegistry.get(), "initialRegistry.get()");
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
        for (ListSigner ca : cas) {
            ProfileKind kind = kindOf(ca);
            Path file = listFile(dir, kind);
            @Nullable RevocationList onDisk = null;
            if (Files.exists(file)) {
                onDisk = RevocationList.read(file);
                if (!onDisk.isSignedBy(ca.parsed())) {
                    throw new IllegalArgumentException(file + " was not signed by this PKI's " + ca.parsed());
                }
            }
            Optional<String> last = log.lastListSha256(kind);
            if (last.isPresent() && (onDisk == null || !last.get().equals(RevocationLog.sha256Hex(onDisk.toDer())))) {
                lists.put(
                        kind,
                        ListReplay.rebuild(log, registry, ca, kind, onDisk, listFile(dir, kind), dir.resolve(LOG)));
                staleLists.add(kind);
            } else if (onDisk != null) {
                lists.put(kind, onDisk);
            }
        }
        return new RevocationDirectory(dir, cas, registry, lists, staleLists, log, staleRegistry, lock);
    }

    /** Returns the profile of the CA {@code signer}; throws IllegalArgumentException when it publishes no list. */
    private static ProfileKind kindOf(ListSigner signer) {
        ProfileKind kind = signer.kind();
        if (!LIST_FILES.containsKey(kind)) {
            throw new IllegalArgumentException(signer.parsed() + " is not a CA and publishes no list");
        }
        return kind;
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

    /** {@return what {@link #openForUpdate} repaired, one sentence each; empty when nothing needed it} */
    public List<String> repairs() {
        return List.copyOf(repairs);
    }

    /** {@return whether this directory holds its lock, so that {@link #publish} may change it} */
    public boolean isOpenForUpdate() {
        return lock != null;
    }

    /** Releases the directory's lock, if held. */
    @Override
    public void close() {
        if (lock != null) {
            release(dir, lock);
        }
    }

    private static void release(Path dir, AutoCloseable lock) {
        try {
            lock.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot release the lock of " + dir, e);
        }
    }

    /**
     * {@return the path of the list file {@code signer} publishes, such as {@code DIR/crl/organisation.crl}}
     *
     * @param dir the PKI directory
     * @param signer the CA whose list it is
     */
    public static Path listFile(Path dir, ProfileKind signer) {
        Objects.requireNonNull(dir, "dir");
        String file = LIST_FILES.get(Objects.requireNonNull(signer, "signer"));
        if (file == null) {
            throw new IllegalArgumentException(signer + " is not a CA and publishes no list");
        }
        return dir.resolve(file);
    }

    /** {@return the PKI directory} */
    public Path dir() {
        return dir;
    }

    /** {@return the CAs whose lists the directory keeps, the Root OCA first} */
    public List<ListSigner> signers() {
        return signers;
    }

    /** {@return the registry} */
    public CertificateRegistry registry() {
        return registry;
    }

    /**
     * {@return the list {@code signer} last published, if any}
     *
     * @param signer the CA whose list it is
     */
    public Optional<RevocationList> list(ProfileKind signer) {
        return Optional.ofNullable(lists.get(signer));
    }

    /**
     * {@return the handling of revocations over this directory's registry under {@code policy}, timed by
     * {@code clock}, knowing the lists published so far}
     *
     * @param policy the revocation policy
     * @param clock the clock that times revocations
     * @throws IllegalArgumentException when a published list names a certificate the registry does not record as
     *     revoked
     */
    public Revocations revocations(RevocationPolicy policy, Clock clock) {
        Revocations revocations = Revocations.of(registry, policy, clock);
        for (ListSigner ca : signers) {
            RevocationList list = lists.get(kindOf(ca));
            if (list != null) {
                try {
                    revocations.recordPublished(ca, list);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(listFile(dir, kindOf(ca)) + ": " + e.getMessage(), e);
                }
            }
        }
        return revocations;
    }

    /**
     * {@return the CA of this directory that issued {@code certificate} and publishes its revocation, if any}
     *
     * @param certificate the registered certificate
     */
    public Optional<ListSigner> issuerOf(RegisteredCertificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        return signers.stream()
                .filter(ca -> !ca.parsed().serialNumber().equals(certificate.serial()))
                .filter(ca -> certificate.isIssuedBy(ca.parsed()))
                .findFirst();
    }

    /**
     * Publishes the next list of each CA that issued one of {@code revoked}, commits the change to the revocation
     * log (every revocation in the registry not yet logged, and the lists), then saves the registry and writes the
     * lists, and returns the files written, registry first. Nothing is written when a list cannot be published; once
     * the commit is forced to the device, a crash before the files are written is repaired by the next {@link
     * #openForUpdate}.
     *
     * @param revocations the revocation handling whose registry holds the change
     * @param revoked the certificates revoked
     * @return the files written, registry first
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
            Optional<ListSigner> signer = issuerOf(certificate);
            if (signer.isPresent() && !next.containsKey(kindOf(signer.get()))) {
                next.put(kindOf(signer.get()), revocations.publish(signer.get()));
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

    @Override
    public String toString() {
        return "RevocationDirectory[" + dir + ", " + registry + "]";
    }
}
