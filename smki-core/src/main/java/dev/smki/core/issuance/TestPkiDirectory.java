package dev.smki.core.issuance;

import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.contingency.WrappedApexContingencyKey;
import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.internal.files.DurableFiles;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.revocation.RevocationDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

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
 *
 * .smki.lock                     locked by every command that changes the directory ({@link #lock})
 * </pre>
 *
 * Next to each certificate {@code <stem>.pem} its private key is {@code <stem>.key}, unencrypted PKCS#8 PEM
 * (test material, mode {@code 0600}), so that {@code *.pem} matches certificates only. PEM uses {@code \n} line
 * ends. A seeded PKI writes byte-identical files every time. {@link #write} replaces a PKI as one change that a
 * crash cannot leave half done.
 */
public final class TestPkiDirectory {

    /** The PKCS#12 password unless another is given. */
    public static final String DEFAULT_PASSWORD = "smki-sim";

    /** The manifest file name. */
    public static final String MANIFEST = PkiManifest.FILE;

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

    /** The lock file a command changing the directory locks ({@link #lock}). */
    public static final String LOCK = ".smki.lock";

    /** How long {@link #lock} waits for another command to release the directory. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    static final String STAGING = ".smki-init-staging";
    static final String READY = ".smki-init-ready";
    static final String DONE = ".smki-init-done";
    private static final String CLEARED = ".cleared";
    private static final String REPLACES = ".replaces";

    private static final Map<ProfileKind, String> CA_FILES = Map.of(
            ProfileKind.ROOT_OCA, "root-oca",
            ProfileKind.ISSUING_OCA, "issuing-oca",
            ProfileKind.ROOT_DCA, "root-dca",
            ProfileKind.ISSUING_DCA, "issuing-dca");
    private static final List<ProfileKind> CA_ORDER =
            List.of(ProfileKind.ROOT_OCA, ProfileKind.ISSUING_OCA, ProfileKind.ROOT_DCA, ProfileKind.ISSUING_DCA);

    private TestPkiDirectory() {}

    /**
     * Returns the file stem of a CA certificate, such as {@code root-oca}.
     *
     * @param kind the CA's profile
     * @return the stem of the CA's {@code .pem} and {@code .key} files
     */
    public static String caFileStem(ProfileKind kind) {
        String stem = CA_FILES.get(kind);
        if (stem == null) {
            throw new IllegalArgumentException(kind + " is not a CA profile");
        }
        return stem;
    }

    /**
     * Returns the file stem of a Device Certificate, such as {@code 02534d4b49800000-ds}.
     *
     * @param device the Device's EUI-64
     * @param keyUsage the certificate's key usage
     * @return the stem of the certificate's {@code .pem} and {@code .key} files
     */
    public static String deviceFileStem(Eui64 device, CertificateUsage keyUsage) {
        return device.toFileName() + "-" + keyUsage.abbreviation();
    }

    /**
     * Writes {@code pki}, with DS and KA Device Certificates for each of {@code devices}, to {@code dir} (created if
     * missing), replacing any test PKI there, and returns the files written, in order.
     *
     * @param pki the test PKI
     * @param dir the directory
     * @param devices the Devices whose certificates and keys are written
     * @param password the password of {@code pki.p12}
     * @return the files written, in order
     * @throws IllegalArgumentException when {@code password} is empty (a PKCS#12 file needs one); nothing is written
     * @throws UncheckedIOException when a file cannot be written; {@code dir} then holds its earlier PKI, or the
     *     new one once a later write or {@link #lock} completes the replacement
     * @see #write(TestPki, Path, List, char[], List)
     */
    public static List<Path> write(TestPki pki, Path dir, List<Eui64> devices, char[] password) {
        return write(pki, dir, devices, password, List.of());
    }

    /**
     * Writes {@code pki} to {@code dir} as {@link #write(TestPki, Path, List, char[])} does, and deletes the files
     * of state derived from the PKI it replaces ({@code derivedState}, relative to {@code dir}, such as its
     * revocation state), as one change that a crash cannot leave half done.
     *
     * <p>Under the directory's {@linkplain #lock lock}, every file is first written to a staging directory inside
     * {@code dir} and forced to the device; renaming the staging directory commits the change; then the old layout
     * and {@code derivedState} are deleted and the new files renamed into place. A crash before the commit leaves
     * the earlier PKI; a crash after it is completed by the next {@link #lock} of the directory (every command that
     * changes it takes the lock) or the next {@link #read}. Private keys are written with mode {@code 0600} from
     * the moment they exist, and {@code secret/} with {@code 0700}.
     *
     * @param pki the test PKI
     * @param dir the directory
     * @param devices the Devices whose certificates and keys are written
     * @param password the password of {@code pki.p12}
     * @param derivedState files in {@code dir}, relative to it, derived from an earlier PKI and deleted with it
     * @return the files written, in order
     * @throws IllegalArgumentException when {@code password} is empty, or {@code derivedState} names a path outside
     *     {@code dir}; nothing is written
     * @throws IllegalStateException when another process holds the directory's lock for longer than
     *     {@link #LOCK_WAIT}
     * @throws UncheckedIOException when a file cannot be written
     */
    public static List<Path> write(
            TestPki pki, Path dir, List<Eui64> devices, char[] password, List<String> derivedState) {
        return write(pki, dir, devices, password, derivedState, () -> {});
    }

    /**
     * Writes the certificates of {@code pki} only, with DS and KA Device Certificates for each of {@code devices}, to
     * {@code dir} (created if missing) as {@link #write(TestPki, Path, List, char[])} lays them out, but without a
     * secret: no {@code .key} file, no {@code pki.p12}, no {@code secret/} directory. The manifest says so, and
     * {@link #read} refuses such a directory, since a test PKI cannot be rebuilt from certificates alone; its
     * certificates can be linted, published or trusted as they are.
     *
     * @param pki the test PKI
     * @param dir the directory
     * @param devices the Devices whose certificates are written
     * @return the files written, in order
     * @throws IllegalStateException when another process holds the directory's lock for longer than
     *     {@link #LOCK_WAIT}
     * @throws UncheckedIOException when a file cannot be written
     */
    public static List<Path> writeCertificates(TestPki pki, Path dir, List<Eui64> devices) {
        return writeCertificates(pki, dir, devices, List.of(), () -> {});
    }

    /**
     * Writes the certificates of {@code pki} only, as {@link #writeCertificates(TestPki, Path, List)} does, replacing
     * what {@code dir} holds as {@link #write(TestPki, Path, List, char[], List, Runnable)} does: {@code derivedState}
     * deleted with it, {@code check} run under the directory's lock before anything is written.
     *
     * @param pki the test PKI
     * @param dir the directory
     * @param devices the Devices whose certificates are written
     * @param derivedState files in {@code dir}, relative to it, derived from an earlier PKI and deleted with it
     * @param check run on {@code dir} under its lock before anything is written
     * @return the files written, in order
     * @throws IllegalArgumentException when {@code derivedState} names a path outside {@code dir}; nothing is written
     * @throws IllegalStateException when another process holds the directory's lock for longer than
     *     {@link #LOCK_WAIT}
     * @throws UncheckedIOException when a file cannot be written
     */
    public static List<Path> writeCertificates(
            TestPki pki, Path dir, List<Eui64> devices, List<String> derivedState, Runnable check) {
        return writeAny(pki, dir, devices, null, derivedState, check);
    }

    /**
     * Writes {@code pki} to {@code dir} as {@link #write(TestPki, Path, List, char[], List)} does, first running
     * {@code check} with the directory locked, before anything is written: a check that throws (such as one that
     * refuses a directory holding files) stops the write, and its exception is thrown.
     *
     * @param pki the test PKI
     * @param dir the directory
     * @param devices the Devices whose certificates and keys are written
     * @param password the password of {@code pki.p12}
     * @param derivedState files in {@code dir}, relative to it, derived from an earlier PKI and deleted with it
     * @param check run on {@code dir} under its lock before anything is written
     * @return the files written, in order
     */
    public static List<Path> write(
            TestPki pki, Path dir, List<Eui64> devices, char[] password, List<String> derivedState, Runnable check) {
        Objects.requireNonNull(password, "password");
        return writeAny(pki, dir, devices, password, derivedState, check);
    }

    /** Writes the layout; without a password, the certificates only. */
    private static List<Path> writeAny(
            TestPki pki,
            Path dir,
            List<Eui64> devices,
            char @Nullable [] password,
            List<String> derivedState,
            Runnable check) {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(pki, "pki");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(devices, "devices");
        if (password != null && password.length == 0) {
            throw new IllegalArgumentException("The PKCS#12 password is empty; a keystore needs a password");
        }
        for (String path : derivedState) {
            relative(dir, path);
        }
        boolean created = !Files.exists(dir);
        try {
            DurableFiles.createDirectories(dir, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory " + dir, e);
        }
        List<Path> written = new ArrayList<>();
        Path staging = dir.resolve(STAGING);
        try (DirectoryLock lock = lock(dir)) {
            writeLocked(pki, dir, devices, password, derivedState, check, staging, created, written);
        }
        return List.copyOf(written);
    }

    private static void writeLocked(
            TestPki pki,
            Path dir,
            List<Eui64> devices,
            char @Nullable [] password,
            List<String> derivedState,
            Runnable check,
            Path staging,
            boolean created,
            List<Path> written) {
        try {
            check.run();
            deleteTree(staging);
            DurableFiles.createDirectories(staging, DurableFiles.PRIVATE_DIRECTORY);
            Set<Path> folders = new LinkedHashSet<>();
            writeLayout(pki, devices, password, (path, bytes, secret) -> {
                Path target = staging.resolve(path);
                DurableFiles.createDirectories(
                        target.getParent(), path.startsWith(SECRET + "/") ? DurableFiles.PRIVATE_DIRECTORY : null);
                DurableFiles.createNewUnlisted(target, bytes, secret ? DurableFiles.PRIVATE : null);
                folders.add(target.getParent());
                written.add(dir.resolve(path));
            });
            for (Path folder : folders) {
                DurableFiles.forceDirectory(folder); // every staged file is listed before the commit
            }
            DurableFiles.createNew(
                    staging.resolve(REPLACES),
                    (String.join("\n", derivedState) + "\n").getBytes(StandardCharsets.UTF_8),
                    null);
            DurableFiles.move(staging, dir.resolve(READY));
            completeReplacement(dir);
        } catch (IOException | RuntimeException e) {
            undoUncommitted(dir, staging, created);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot write the test PKI to " + dir, io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Removes what a write that failed before its commit made: the staging directory, and the directory itself
     * when the write created it and it holds nothing else than the lock file. A committed write is left for the
     * next lock to complete.
     */
    private static void undoUncommitted(Path dir, Path staging, boolean created) {
        try {
            deleteTree(staging);
            if (created && !Files.exists(dir.resolve(READY)) && isEmpty(dir)) {
                DurableFiles.delete(dir.resolve(LOCK));
                DurableFiles.delete(dir);
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: what is left is hidden staging, which the next lock of the directory deletes.
        }
    }

    /** Receives each file of the layout as {@link #writeLayout} makes it. */
    @FunctionalInterface
    private interface LayoutSink {
        void accept(String path, byte[] bytes, boolean secret) throws IOException;
    }

    /**
     * Gives {@code sink} every file of the layout, in the order {@link #write} lists them: its path relative to the
     * directory, its bytes, and whether it holds a secret. The keystore is encoded before any file is given (and given
     * last but two), so that a password it cannot use fails before anything is written.
     */
    private static void writeLayout(TestPki pki, List<Eui64> devices, char @Nullable [] password, LayoutSink sink)
            throws IOException {
        boolean secrets = password != null;
        Map<String, IssuedCertificate> keystore = new LinkedHashMap<>();
        for (ProfileKind kind : CA_ORDER) {
            keystore.put(caFileStem(kind), certificateOf(pki, kind));
        }
        for (Map.Entry<OrganisationCredential, IssuedCertificate> e :
                pki.organisationCertificates().entrySet()) {
            keystore.put(e.getKey().fileStem(), e.getValue());
        }
        for (Eui64 device : devices) {
            for (CertificateUsage usage : CertificateUsage.values()) {
                keystore.put("device-" + deviceFileStem(device, usage), pki.deviceCertificate(device, usage));
            }
        }
        byte[] pkcs12 = secrets ? Pkcs12Keystore.encode(keystore, password, pki.randomFor("pkcs12")) : null;
        for (Map.Entry<String, IssuedCertificate> entry : keystore.entrySet()) {
            String alias = entry.getKey();
            String path = alias.startsWith("device-")
                    ? DEVICES + "/" + alias.substring("device-".length())
                    : CA_FILES.containsValue(alias) ? alias : ORG + "/" + alias;
            IssuedCertificate certificate = entry.getValue();
            sink.accept(path + PEM, utf8(certificate.toPem()), false);
            if (secrets && certificate.hasPrivateKey()) {
                sink.accept(path + KEY_SUFFIX, utf8(certificate.privateKeyPem()), true);
            }
        }
        if (pkcs12 != null) {
            writeSecrets(pki, pkcs12, sink);
        }
        sink.accept(ENVIRONMENT, utf8(pki.environment().toProperties()), false);
        sink.accept(MANIFEST, utf8(PkiManifest.text(pki, devices, secrets, ENVIRONMENT, PKCS12)), false);
    }

    private static void writeSecrets(TestPki pki, byte[] pkcs12, LayoutSink sink) throws IOException {
        ContingencyMaterial contingency = pki.contingency();
        sink.accept(
                SECRET + "/" + CONTINGENCY_PRIVATE_KEY,
                utf8(CertificateFiles.toPem(contingency.privateKeyInfo())),
                true);
        sink.accept(
                SECRET + "/" + CONTINGENCY_PUBLIC_KEY,
                utf8(CertificateFiles.toPem("PUBLIC KEY", CertificateFiles.der(contingency.publicKeyInfo()))),
                true);
        sink.accept(
                SECRET + "/" + CONTINGENCY_SYMMETRIC_KEY,
                utf8(contingency.symmetricKey().toHex() + "\n"),
                true);
        sink.accept(PKCS12, pkcs12, true);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Takes the exclusive lock of the test PKI directory {@code dir} (which must exist), waiting up to
     * {@link #LOCK_WAIT} for another process or thread to release it, and completes a replacement of its PKI that
     * a crash interrupted.
     *
     * @param dir the test PKI directory
     * @return the lock, to be closed to release it
     * @throws IllegalStateException when the lock is still held by another after {@link #LOCK_WAIT}
     * @throws UncheckedIOException when the lock file cannot be created or locked, or the replacement cannot be
     *     completed
     */
    public static DirectoryLock lock(Path dir) {
        return DirectoryLock.take(dir, LOCK, LOCK_WAIT, TestPkiDirectory::completeReplacement);
    }

    /**
     * Completes or undoes a replacement of the PKI in {@code dir} that a crash interrupted: an uncommitted staging
     * directory is deleted; a committed one is installed. Called with the lock held.
     */
    private static void completeReplacement(Path dir) throws IOException {
        deleteTree(dir.resolve(STAGING));
        Path ready = dir.resolve(READY);
        if (Files.isDirectory(ready)) {
            if (!Files.exists(ready.resolve(CLEARED))) {
                deleteLayout(dir);
                for (String line : Files.readAllLines(ready.resolve(REPLACES), StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        deleteDerived(dir, relative(dir, line.strip()));
                    }
                }
                DurableFiles.createNew(ready.resolve(CLEARED), new byte[0], null);
            }
            List<Path> staged;
            try (Stream<Path> all = Files.walk(ready)) {
                staged = all.filter(Files::isRegularFile)
                        .filter(p -> !p.equals(ready.resolve(CLEARED)) && !p.equals(ready.resolve(REPLACES)))
                        .sorted()
                        .toList();
            }
            Set<Path> folders = new LinkedHashSet<>();
            for (Path file : staged) {
                String relative = ready.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                Path target = dir.resolve(relative);
                DurableFiles.createDirectories(
                        target.getParent(), relative.startsWith(SECRET + "/") ? DurableFiles.PRIVATE_DIRECTORY : null);
                DurableFiles.rename(file, target);
                folders.add(target.getParent());
                folders.add(file.getParent());
            }
            for (Path folder : folders) {
                DurableFiles.forceDirectory(folder); // every file is in place before the replacement is marked done
            }
            DurableFiles.move(ready, dir.resolve(DONE));
        }
        deleteTree(dir.resolve(DONE));
    }

    private static void deleteDerived(Path dir, Path file) throws IOException {
        DurableFiles.delete(file);
        Path folder = file.getParent();
        if (!folder.equals(dir) && Files.isDirectory(folder)) {
            try (Stream<Path> left = Files.list(folder)) {
                if (left.findAny().isEmpty()) {
                    DurableFiles.delete(folder);
                }
            }
        }
    }

    private static Path relative(Path dir, String path) {
        Path resolved = dir.resolve(path).normalize();
        if (path.isBlank()
                || Path.of(path).isAbsolute()
                || !resolved.startsWith(dir.normalize())
                || resolved.equals(dir.normalize())) {
            throw new IllegalArgumentException("'" + path + "' is not a file inside " + dir);
        }
        return resolved;
    }

    /**
     * Deletes what {@link #write} puts in {@code dir}: the {@code org}, {@code devices} and {@code secret}
     * directories and the top-level files of the layout. Anything else in {@code dir} is left alone.
     *
     * @param dir the test PKI directory
     * @throws UncheckedIOException when something cannot be deleted
     */
    public static void deleteLayout(Path dir) {
        try {
            boolean deleted = false;
            for (String sub : List.of(ORG, DEVICES, SECRET)) {
                deleted |= deleteTreeUnlisted(dir.resolve(sub));
            }
            for (String stem : CA_FILES.values()) {
                deleted |= DurableFiles.deleteUnlisted(dir.resolve(stem + PEM));
                deleted |= DurableFiles.deleteUnlisted(dir.resolve(stem + KEY_SUFFIX));
            }
            for (String file : List.of(PKCS12, ENVIRONMENT, MANIFEST)) {
                deleted |= DurableFiles.deleteUnlisted(dir.resolve(file));
            }
            if (deleted) {
                DurableFiles.forceDirectory(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the test PKI in " + dir, e);
        }
    }

    /**
     * Returns whether {@code dir} holds nothing but the files this class keeps for itself (its lock file, and a
     * staging directory left by an interrupted write).
     *
     * @param dir the directory
     * @return whether {@code dir} holds none of the caller's files
     * @throws UncheckedIOException when {@code dir} cannot be listed
     */
    public static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString())
                    .allMatch(name -> name.equals(LOCK) || name.equals(STAGING) || name.equals(DONE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /**
     * Reads the PKI that {@link #write} wrote to {@code dir}.
     *
     * @param dir the test PKI directory
     * @return the test PKI
     * @throws IllegalArgumentException naming the file when the directory does not hold a readable PKI
     */
    public static TestPki read(Path dir) {
        return read(dir, prepare(dir));
    }

    /** Completes a replacement a crash interrupted, then reads the manifest of {@code dir}. */
    private static PkiManifest prepare(Path dir) {
        if (Files.isDirectory(dir.resolve(READY))) {
            lock(dir).close(); // completes the replacement a crash interrupted
        }
        return PkiManifest.load(dir);
    }

    private static TestPki read(Path dir, PkiManifest m) {
        m.requireReadable(dir);
        try {
            return readFiles(dir, m);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("Cannot read the test PKI in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static TestPki readFiles(Path dir, PkiManifest m) {
        SmkiEnvironment environment = SmkiEnvironment.load(dir.resolve(m.environmentFile()));
        Randomness randomness = m.randomness();
        Clock clock = m.clock();
        CaNames names = m.caNames();
        int generation = m.ocaGeneration();
        ContingencyKeySettings settings = m.contingencySettings();
        PartyIdentities parties = m.parties();
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
                        Eui64.parse(stem.substring(0, dash)), CertificateUsage.parse(stem.substring(dash + 1)));
                devices.put(slot, readWithKey(devicesDir, stem, ProfileKind.DEVICE));
            }
        }
        return TestPki.assemble(
                environment, randomness, clock, parties, names, generation, contingency, cas, organisations, devices);
    }

    /**
     * Reads the revocation state kept in the test PKI directory {@code dir} ({@link RevocationDirectory} describes its
     * files): the registry (every certificate of the PKI, in use, including the Device Certificates the manifest
     * lists, when the directory has no registry file), the revocation log and the lists the four CAs published, as
     * committed. Takes no lock and writes nothing.
     *
     * @param dir the test PKI directory
     * @return the revocation state, read-only
     * @throws IllegalArgumentException naming the file when the directory holds no readable PKI or its revocation
     *     state is malformed, damaged or another PKI's
     */
    public static RevocationDirectory openRevocations(Path dir) {
        PkiManifest manifest = prepare(dir);
        TestPki pki = read(dir, manifest);
        return RevocationDirectory.open(dir, pki.caCertificates(), () -> pki.certificateRegistry(manifest.devices()));
    }

    /**
     * Opens the revocation state of {@code dir} as {@link #openRevocations} does, for a change: holding the
     * directory's {@linkplain #lock lock} until the returned directory is closed, and first repairing what a crash
     * left behind the revocation log.
     *
     * @param dir the test PKI directory
     * @return the revocation state, open for update; close it to release the lock
     * @throws IllegalArgumentException as {@link #openRevocations} does
     * @throws IllegalStateException when another command holds the directory's lock for longer than
     *     {@link #LOCK_WAIT}, or a list cannot be rebuilt exactly from the revocation log
     * @throws UncheckedIOException when a file cannot be read or written
     */
    public static RevocationDirectory openRevocationsForUpdate(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            return openRevocations(dir); // reports the missing PKI
        }
        DirectoryLock lock = lock(dir);
        try {
            PkiManifest manifest = PkiManifest.load(dir); // the lock completed any interrupted replacement
            TestPki pki = read(dir, manifest);
            return RevocationDirectory.openForUpdate(
                    dir, pki.caCertificates(), () -> pki.certificateRegistry(manifest.devices()), lock);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private static IssuedCertificate certificateOf(TestPki pki, ProfileKind kind) {
        return switch (kind) {
            case ROOT_OCA -> pki.rootOca();
            case ISSUING_OCA -> pki.issuingOca();
            case ROOT_DCA -> pki.rootDca();
            default -> pki.issuingDca();
        };
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

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (deleteTreeUnlisted(root)) {
            DurableFiles.forceDirectory(root.toAbsolutePath().getParent());
        }
    }

    /** Deletes {@code root} and everything under it, forcing no directory; returns whether it existed. */
    private static boolean deleteTreeUnlisted(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                DurableFiles.deleteUnlisted(p);
            }
        }
        return true;
    }
}
