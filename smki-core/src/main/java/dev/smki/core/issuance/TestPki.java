package dev.smki.core.issuance;

import dev.smki.core.certificate.SmkiCertificate;
import dev.smki.core.device.Authoriser;
import dev.smki.core.device.DeviceCertificates;
import dev.smki.core.device.DeviceProvisioning;
import dev.smki.core.device.TrustAnchorCellId;
import dev.smki.core.environment.SmkiEnvironment;
import dev.smki.core.gbcs.GbcsSigner;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.internal.crypto.BouncyCastle;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.profile.ValidationContext;
import dev.smki.core.revocation.CertificateRegistry;
import dev.smki.core.revocation.Subscriber;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated SMKI: the Root and Issuing OCA, the Root and Issuing DCA, the contingency material, the
 * Organisation Certificates of every Remote Party Role ({@link OrganisationCredential#STANDARD}), and Device
 * Certificates on demand. Every certificate conforms to its profile (certificates.md §2), checked before it is
 * signed; a deliberately broken one must say which rules it breaks.
 *
 * <p><b>Deterministic mode.</b> Built with a {@linkplain Builder#seed seed}, every key, serial number, salt and
 * file is a pure function of the seed (and the clock, by default fixed at {@link #DEFAULT_SEEDED_EPOCH}):
 * keys come from labelled HMAC-SHA256 streams (NIST SP 800-108 counter mode) and signatures are deterministic ECDSA (RFC 6979). A Device's key and
 * certificate depend only on (seed, EUI-64, key usage), so a fleet of any size needs nothing stored per
 * Device. Without a seed, keys come from a {@link SecureRandom} and the clock is the system's.
 *
 * <pre>{@code
 * TestPki pki = TestPki.seeded(7);
 * IssuedCertificate supplierDs = pki.organisationCertificate(RemotePartyRole.SUPPLIER, CertificateUsage.DIGITAL_SIGNATURE);
 * IssuedCertificate meterKa = pki.deviceCertificate(Eui64.parse("02-53-4D-4B-49-80-00-00"), CertificateUsage.KEY_AGREEMENT);
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads. Builder-made certificates
 * ({@link #newOrganisationCertificate()} and the like) draw their serial numbers in call order, so in
 * deterministic mode they replay exactly when the calls are made in the same order.
 */
public final class TestPki {

    /** The clock instant of a seeded PKI unless another clock is given: 2026-01-01T00:00:00Z. */
    public static final Instant DEFAULT_SEEDED_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private static final Logger LOG = LoggerFactory.getLogger(TestPki.class);

    private final SmkiEnvironment environment;
    private final Randomness randomness;
    private final Clock clock;
    private final PartyIdentities parties;
    private final CaNames caNames;
    private final int ocaGeneration;
    private final ContingencyMaterial contingency;
    private final IssuedCertificate rootOca;
    private final IssuedCertificate issuingOca;
    private final IssuedCertificate rootDca;
    private final IssuedCertificate issuingDca;
    private final Map<OrganisationCredential, IssuedCertificate> organisations;
    private final Map<DeviceCredential, IssuedCertificate> knownDevices;
    private final AtomicLong builderCount = new AtomicLong();
    // Parsed once: every Device Certificate carries them, and parsing an OID string is not free.
    private final ASN1ObjectIdentifier hwType;
    private final ASN1ObjectIdentifier devicePolicy;

    /** A Device's certificate slot: its EUI-64 and key usage. */
    record DeviceCredential(Eui64 device, CertificateUsage keyUsage) {}

    private TestPki(
            SmkiEnvironment environment,
            Randomness randomness,
            Clock clock,
            PartyIdentities parties,
            CaNames caNames,
            int ocaGeneration,
            ContingencyMaterial contingency,
            IssuedCertificate[] cas,
            Map<OrganisationCredential, IssuedCertificate> organisations,
            Map<DeviceCredential, IssuedCertificate> knownDevices) {
        this.environment = environment;
        this.randomness = randomness;
        this.clock = clock;
        this.parties = parties;
        this.caNames = caNames;
        this.ocaGeneration = ocaGeneration;
        this.contingency = contingency;
        this.rootOca = cas[0];
        this.issuingOca = cas[1];
        this.rootDca = cas[2];
        this.issuingDca = cas[3];
        this.organisations = Collections.unmodifiableMap(new LinkedHashMap<>(organisations));
        this.knownDevices = Map.copyOf(knownDevices);
        this.hwType = new ASN1ObjectIdentifier(environment.hwType());
        this.devicePolicy = new ASN1ObjectIdentifier(environment.issuedDevicePolicy());
    }

    /** {@return a builder for a PKI in the {@code sim} environment, random unless seeded} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the deterministic PKI of {@code seed} in the {@code sim} environment, at {@link #DEFAULT_SEEDED_EPOCH}}
     *
     * @param seed the seed every key, serial and salt derives from
     */
    public static TestPki seeded(long seed) {
        return builder().seed(seed).build();
    }

    /** {@return a fresh random PKI in the {@code sim} environment, on the system clock} */
    public static TestPki create() {
        return builder().build();
    }

    /**
     * {@return the PKI written to {@code dir} by {@link TestPkiDirectory#write}}
     *
     * @param dir the directory {@link TestPkiDirectory#write} wrote
     * @throws IllegalArgumentException naming the file when the directory does not hold a readable PKI
     */
    public static TestPki load(Path dir) {
        return TestPkiDirectory.read(dir);
    }

    static TestPki assemble(
            SmkiEnvironment environment,
            Randomness randomness,
            Clock clock,
            PartyIdentities parties,
            CaNames caNames,
            int ocaGeneration,
            ContingencyMaterial contingency,
            List<IssuedCertificate> cas,
            Map<OrganisationCredential, IssuedCertificate> organisations,
            Map<DeviceCredential, IssuedCertificate> devices) {
        return new TestPki(
                environment,
                randomness,
                clock,
                parties,
                caNames,
                ocaGeneration,
                contingency,
                cas.toArray(IssuedCertificate[]::new),
                organisations,
                devices);
    }

    /** {@return the environment whose OIDs the PKI issues} */
    public SmkiEnvironment environment() {
        return environment;
    }

    /** {@return the seed of a deterministic PKI, or empty for a random one} */
    public OptionalLong seed() {
        return randomness.seed();
    }

    /** {@return the clock that dates new certificates} */
    public Clock clock() {
        return clock;
    }

    /** {@return the EUI-64 of each simulated Party} */
    public PartyIdentities parties() {
        return parties;
    }

    /** {@return the CA name stems} */
    public CaNames caNames() {
        return caNames;
    }

    /** {@return the OCA generation: 1, plus one for each {@link #withNewRootOca()}} */
    public int ocaGeneration() {
        return ocaGeneration;
    }

    /** {@return the contingency material whose public key the Root OCA carries wrapped} */
    public ContingencyMaterial contingency() {
        return contingency;
    }

    /** {@return the Root OCA certificate and key} */
    public IssuedCertificate rootOca() {
        return rootOca;
    }

    /** {@return the Issuing OCA certificate and key} */
    public IssuedCertificate issuingOca() {
        return issuingOca;
    }

    /** {@return the Root DCA certificate and key} */
    public IssuedCertificate rootDca() {
        return rootDca;
    }

    /** {@return the Issuing DCA certificate and key} */
    public IssuedCertificate issuingDca() {
        return issuingDca;
    }

    /** {@return the four CA certificates: Root OCA, Issuing OCA, Root DCA, Issuing DCA} */
    public List<IssuedCertificate> caCertificates() {
        return List.of(rootOca, issuingOca, rootDca, issuingDca);
    }

    /**
     * {@return the PKI's certificate for {@code credential}}
     *
     * @param credential one of {@link OrganisationCredential#STANDARD}
     * @throws IllegalArgumentException when the credential is not one of {@link OrganisationCredential#STANDARD}
     */
    public IssuedCertificate organisationCertificate(OrganisationCredential credential) {
        Objects.requireNonNull(credential, "credential");
        IssuedCertificate certificate = organisations.get(credential);
        if (certificate == null) {
            throw new IllegalArgumentException(
                    "The test PKI issues no " + credential + " certificate; use newOrganisationCertificate()");
        }
        return certificate;
    }

    /**
     * {@return the PKI's management-cell certificate of {@code role} for {@code keyUsage}}
     *
     * @param role the Remote Party Role
     * @param keyUsage the key usage
     * @throws IllegalArgumentException when that pair is not one of {@link OrganisationCredential#STANDARD}
     */
    public IssuedCertificate organisationCertificate(RemotePartyRole role, CertificateUsage keyUsage) {
        return organisationCertificate(OrganisationCredential.of(role, keyUsage));
    }

    /** {@return every standard Organisation Certificate, in {@link OrganisationCredential#STANDARD} order} */
    public Map<OrganisationCredential, IssuedCertificate> organisationCertificates() {
        return organisations;
    }

    /**
     * {@return the Device Certificate of {@code device} for {@code keyUsage}} In deterministic mode it is a pure
     * function of (seed, device, key usage); otherwise each call issues a new key and certificate, unless the
     * PKI was loaded from a directory holding that certificate.
     *
     * @param device the Device's EUI-64
     * @param keyUsage the key usage
     */
    public IssuedCertificate deviceCertificate(Eui64 device, CertificateUsage keyUsage) {
        DeviceCredential slot = new DeviceCredential(
                Objects.requireNonNull(device, "device"), Objects.requireNonNull(keyUsage, "keyUsage"));
        IssuedCertificate known = knownDevices.get(slot);
        if (known != null) {
            return known;
        }
        // One random stream per Device and key usage: its first draw is the key (as deviceKey draws it), the
        // next the serial number.
        return new DeviceCertificateBuilder(this, deviceLabel(device, keyUsage), true)
                .device(device)
                .keyUsage(keyUsage)
                .issue();
    }

    /**
     * {@return the key pair of {@code device} for {@code keyUsage}: in deterministic mode a pure function of
     * (seed, device, key usage); otherwise a new key on each call}
     *
     * @param device the Device's EUI-64
     * @param keyUsage the key usage
     */
    public KeyPair deviceKeyPair(Eui64 device, CertificateUsage keyUsage) {
        return deviceKey(device, keyUsage).toKeyPair().orElseThrow();
    }

    /**
     * {@return the CSR {@code device} makes for its {@code keyUsage} key ({@link #deviceKeyPair})}
     *
     * @param device the Device's EUI-64
     * @param keyUsage the key usage
     */
    public PKCS10CertificationRequest deviceCsr(Eui64 device, CertificateUsage keyUsage) {
        return DeviceCsr.create(device, keyUsage, deviceKey(device, keyUsage), environment);
    }

    /**
     * {@return a Device Certificate for the Device CSR {@code csr}, once the CSR has passed the Device CSR
     * profile}
     *
     * @param csr the Device's certificate signing request
     * @throws IssuanceRefusedException carrying the findings when the CSR does not conform
     */
    public IssuedCertificate deviceCertificate(PKCS10CertificationRequest csr) {
        return newDeviceCertificate().csr(csr).issue();
    }

    /** {@return a builder for a further Organisation Certificate, signed by the Issuing OCA} */
    public OrganisationCertificateBuilder newOrganisationCertificate() {
        return new OrganisationCertificateBuilder(this, nextBuilderLabel());
    }

    /** {@return a builder for a further Device Certificate, signed by the Issuing DCA} */
    public DeviceCertificateBuilder newDeviceCertificate() {
        return new DeviceCertificateBuilder(this, nextBuilderLabel(), false);
    }

    /**
     * {@return a builder for a further CA certificate of profile {@code kind} (such as a second Issuing OCA),
     * named like the PKI's own with generation {@code ocaGeneration() + 1} unless renamed}
     *
     * @param kind a CA profile
     * @throws IllegalArgumentException when {@code kind} is not a CA profile
     */
    public CaCertificateBuilder newCaCertificate(ProfileKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (!kind.isCertificateAuthority()) {
            throw new IllegalArgumentException(kind + " is not a CA profile");
        }
        return new CaCertificateBuilder(
                this, kind, nextBuilderLabel(), caNames.commonName(kind, ocaGeneration + 1), contingency);
    }

    /**
     * {@return this PKI after the contingency recovery procedure (recovery.md §2.4): a new Root OCA with a new key
     * and new contingency material, a new Issuing OCA under it, and new standard Organisation Certificates; the
     * DCA side and the Devices are unchanged} This PKI is not changed.
     */
    public TestPki withNewRootOca() {
        int generation = ocaGeneration + 1;
        ContingencyMaterial newContingency = newContingency(randomness, generation, contingency.settings());
        TestPki bare =
                copy(generation, newContingency, new IssuedCertificate[] {null, null, rootDca, issuingDca}, Map.of());
        IssuedCertificate newRoot =
                bare.caBuilder(ProfileKind.ROOT_OCA, generation).issue();
        IssuedCertificate newIssuing = bare.caBuilder(ProfileKind.ISSUING_OCA, generation)
                .issuedBy(newRoot)
                .issue();
        TestPki withCas = copy(
                generation,
                newContingency,
                new IssuedCertificate[] {newRoot, newIssuing, rootDca, issuingDca},
                Map.of());
        LOG.debug("Replaced the Root OCA: generation {}", generation);
        return withCas.copy(generation, newContingency, withCas.casArray(), withCas.issueStandardOrganisations());
    }

    /**
     * {@return this PKI dating new certificates with {@code clock}} Certificates already issued are kept.
     *
     * @param clock the clock to date new certificates with
     */
    public TestPki withClock(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new TestPki(
                environment,
                randomness,
                clock,
                parties,
                caNames,
                ocaGeneration,
                contingency,
                casArray(),
                organisations,
                knownDevices);
    }

    /**
     * {@return every certificate of this PKI, each with its private key when the PKI holds it, as a PKCS#12
     * keystore protected by {@code password}: the four CA certificates (aliases {@code root-oca},
     * {@code issuing-oca}, {@code root-dca}, {@code issuing-dca}), the standard Organisation Certificates
     * ({@code supplier-ds}, {@code supplier-ka-topup}, ...) and the DS and KA Device Certificates of each of
     * {@code devices} ({@code device-02534d4b49800000-ds}, ...)} These are the entries of the {@code pki.p12}
     * that {@link TestPkiDirectory#write} writes, and for a seeded PKI the same bytes, but nothing is written.
     *
     * @param devices the Devices whose DS and KA certificates to include
     * @param password the keystore password
     */
    public byte[] toPkcs12(List<Eui64> devices, char[] password) {
        Objects.requireNonNull(password, "password");
        return Pkcs12Keystore.encode(keystoreEntries(devices), password, randomFor("pkcs12"));
    }

    /**
     * {@return {@link #toPkcs12(List, char[])} loaded as a {@code PKCS12} {@link KeyStore} (Bouncy Castle
     * provider), ready for a {@code KeyManagerFactory} or for {@code getKey(alias, password)}}
     *
     * @param devices the Devices whose DS and KA certificates to include
     * @param password the keystore password
     */
    public KeyStore toKeyStore(List<Eui64> devices, char[] password) {
        byte[] pkcs12 = toPkcs12(devices, password);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.PROVIDER);
            store.load(new ByteArrayInputStream(pkcs12), password);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot load the PKCS#12 keystore of " + this, e);
        }
    }

    /** Returns the keystore entries of {@link #toPkcs12(List, char[])}, by alias, in keystore order. */
    Map<String, IssuedCertificate> keystoreEntries(List<Eui64> devices) {
        Objects.requireNonNull(devices, "devices");
        Map<String, IssuedCertificate> entries = new LinkedHashMap<>();
        for (IssuedCertificate ca : caCertificates()) {
            entries.put(TestPkiDirectory.caFileStem(ca.kind()), ca);
        }
        organisations.forEach((credential, certificate) -> entries.put(credential.fileStem(), certificate));
        for (Eui64 device : devices) {
            for (CertificateUsage usage : CertificateUsage.values()) {
                entries.put(
                        "device-" + TestPkiDirectory.deviceFileStem(device, usage), deviceCertificate(device, usage));
            }
        }
        return entries;
    }

    /**
     * {@return what simulated Devices of this PKI are provisioned with, for {@code Fleet.builder} and
     * {@code DeviceSettings}: the Root OCA in the Root cell and each standard Organisation Certificate in its cell
     * ({@link OrganisationCredential#cell()}), the Devices' own certificates and Digital Signing keys from
     * {@link #deviceCertificate(Eui64, CertificateUsage)} and {@link #deviceKeyPair}, this PKI's environment and
     * contingency key extension, the simulated Device block {@link SimulatedEui64s#DEVICES}, and this PKI's clock}
     * A fleet in three lines:
     *
     * <pre>{@code
     * TestPki pki = TestPki.seeded(7);
     * Fleet fleet = Fleet.builder(pki.deviceProvisioning()).devices(DeviceType.ESME, 1000).build();
     * }</pre>
     *
     * <p>In a seeded PKI a Device's certificates and key are the same on every call, so its responses verify with
     * its certificate; without a seed every call makes a new key, and they do not.
     */
    public DeviceProvisioning deviceProvisioning() {
        Map<TrustAnchorCellId, SmkiCertificate> anchors = new LinkedHashMap<>();
        anchors.put(TrustAnchorCellId.ROOT, rootOca.parsed());
        organisations.forEach((credential, certificate) -> anchors.put(credential.cell(), certificate.parsed()));
        DeviceCertificates devices = new DeviceCertificates() {
            @Override
            public SmkiCertificate certificate(Eui64 device, CertificateUsage keyUsage) {
                return deviceCertificate(device, keyUsage).parsed();
            }

            @Override
            public GbcsSigner digitalSigningKey(Eui64 device) {
                return SigningKey.of(deviceKeyPair(device, CertificateUsage.DIGITAL_SIGNATURE));
            }

            @Override
            public String toString() {
                return "the Device Certificates of " + TestPki.this;
            }
        };
        return new DeviceProvisioning(
                environment, contingency.settings().extensionOid(), anchors, devices, SimulatedEui64s.DEVICES, clock);
    }

    /**
     * {@return the SMKI Repository of this PKI, simulated: every certificate it issued, in use, with its Subscriber}
     * The four CA certificates are the DCC's ({@link Subscriber#DCC}) and each standard Organisation Certificate is
     * the Party's this simulation names after its role ({@link Subscriber#ofRole}: {@code supplier}, ...).
     *
     * <pre>{@code
     * Revocations revocations = Revocations.of(pki.certificateRegistry(), RevocationPolicy.defaults(), clock);
     * }</pre>
     */
    public CertificateRegistry certificateRegistry() {
        return certificateRegistry(List.of());
    }

    /**
     * {@return the registry of {@link #certificateRegistry()}, holding also the digital signature and key agreement
     * Device Certificates of each of {@code devices} (Subscriber: the Device, {@link Subscriber#ofDevice})}
     *
     * @param devices the Devices whose certificates are registered
     */
    public CertificateRegistry certificateRegistry(List<Eui64> devices) {
        Objects.requireNonNull(devices, "devices");
        CertificateRegistry registry = CertificateRegistry.empty();
        for (IssuedCertificate ca : caCertificates()) {
            registry.register(ca.parsed(), Subscriber.DCC);
        }
        organisations.forEach((credential, certificate) ->
                registry.register(certificate.parsed(), Subscriber.ofRole(credential.role())));
        for (Eui64 device : devices) {
            for (CertificateUsage usage : CertificateUsage.values()) {
                registry.register(deviceCertificate(device, usage).parsed(), Subscriber.ofDevice(device));
            }
        }
        return registry;
    }

    /**
     * {@return the DCC signing with this PKI's contingency private key, as the Party it names for the Root role
     * ({@link PartyIdentities#of}): the authoriser of an anyByContingency command}
     */
    public Authoriser contingencyAuthoriser() {
        return Authoriser.of(parties.of(RemotePartyRole.ROOT), SigningKey.of(contingency));
    }

    /**
     * {@return a context validating this PKI's certificates: its environment, the clock's instant, and the four
     * CA certificates as candidate issuers}
     */
    public ValidationContext validationContext() {
        ValidationContext.Builder b = ValidationContext.builder(environment, clock.instant());
        caCertificates().forEach(ca -> b.issuer(ca.certificate()));
        return b.build();
    }

    /** Returns a short description: environment, seed and CA names; never a key. */
    @Override
    public String toString() {
        return "TestPki[" + environment.name() + ", "
                + (randomness.isSeeded() ? "seed " + randomness.seed().getAsLong() : "random")
                + ", OCA generation " + ocaGeneration + "]";
    }

    // ---- package-private plumbing for the builders and the directory layout ----

    Randomness randomness() {
        return randomness;
    }

    Map<DeviceCredential, IssuedCertificate> knownDevices() {
        return knownDevices;
    }

    /** Returns the environment's hwType OID. */
    ASN1ObjectIdentifier hwType() {
        return hwType;
    }

    /** Returns the policy OID of the Device Certificates the PKI issues. */
    ASN1ObjectIdentifier devicePolicy() {
        return devicePolicy;
    }

    SecureRandom randomFor(String label) {
        return randomness.forLabel(label);
    }

    Instant startOfDay() {
        return clock.instant().truncatedTo(ChronoUnit.DAYS);
    }

    ValidationContext lintContext(IssuedCertificate issuer) {
        ValidationContext.Builder b =
                ValidationContext.builder(environment, clock.instant()).preIssuance();
        if (issuer != null) {
            b.issuer(issuer.certificate());
        }
        return b.build();
    }

    ValidationContext csrContext() {
        return ValidationContext.of(environment, clock.instant());
    }

    EcKey deviceKey(Eui64 device, CertificateUsage keyUsage) {
        IssuedCertificate known = knownDevices.get(new DeviceCredential(device, keyUsage));
        if (known != null && known.hasPrivateKey()) {
            return known.key();
        }
        return EcKey.generate(randomFor(deviceLabel(device, keyUsage)));
    }

    private static String deviceLabel(Eui64 device, CertificateUsage keyUsage) {
        return "device/" + device.toCompactString() + "/" + keyUsage.abbreviation();
    }

    private String nextBuilderLabel() {
        return "builder/" + ocaGeneration + "/" + builderCount.incrementAndGet();
    }

    private IssuedCertificate[] casArray() {
        return new IssuedCertificate[] {rootOca, issuingOca, rootDca, issuingDca};
    }

    private TestPki copy(
            int generation,
            ContingencyMaterial contingency,
            IssuedCertificate[] cas,
            Map<OrganisationCredential, IssuedCertificate> organisations) {
        return new TestPki(
                environment,
                randomness,
                clock,
                parties,
                caNames,
                generation,
                contingency,
                cas,
                organisations,
                knownDevices);
    }

    private CaCertificateBuilder caBuilder(ProfileKind kind, int generation) {
        return new CaCertificateBuilder(
                this,
                kind,
                "ca/" + kind.name().toLowerCase(Locale.ROOT) + "/" + generation,
                caNames.commonName(kind, generation),
                contingency);
    }

    private Map<OrganisationCredential, IssuedCertificate> issueStandardOrganisations() {
        Map<OrganisationCredential, IssuedCertificate> issued = new LinkedHashMap<>();
        for (OrganisationCredential credential : OrganisationCredential.STANDARD) {
            String label = "org/" + ocaGeneration + "/" + credential.fileStem() + "/"
                    + parties.of(credential.role()).toCompactString();
            issued.put(
                    credential,
                    new OrganisationCertificateBuilder(this, label)
                            .credential(credential)
                            .issue());
        }
        return issued;
    }

    private static ContingencyMaterial newContingency(
            Randomness randomness, int generation, ContingencyKeySettings settings) {
        return ContingencyMaterial.generate(
                randomness.forLabel("contingency-key/" + generation),
                randomness.forLabel("contingency-symmetric-key/" + generation),
                settings);
    }

    /**
     * Builds a {@link TestPki}. Defaults: the {@code sim} environment, a {@link SecureRandom} (or the seed's
     * streams), the system clock (or {@link #DEFAULT_SEEDED_EPOCH} when seeded), {@link PartyIdentities#SIMULATED},
     * {@link CaNames#DEFAULT}, and the environment's {@link ContingencyKeySettings}.
     */
    public static final class Builder {
        private SmkiEnvironment environment = SmkiEnvironment.SIM;
        private Long seed;
        private SecureRandom random;
        private Clock clock;
        private PartyIdentities parties = PartyIdentities.SIMULATED;
        private CaNames caNames = CaNames.DEFAULT;
        private ContingencyKeySettings contingencySettings;

        private Builder() {}

        /**
         * Issues in {@code environment}.
         *
         * @param environment the environment
         * @return this builder
         */
        public Builder environment(SmkiEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Makes the PKI deterministic: every key, serial and salt derives from {@code seed}.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Draws keys, serials and salts from {@code random} (not with a seed).
         *
         * @param random the random source
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Dates certificates with {@code clock}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Gives the simulated Parties the identifiers {@code parties}.
         *
         * @param parties the Parties' identifiers
         * @return this builder
         */
        public Builder parties(PartyIdentities parties) {
            this.parties = Objects.requireNonNull(parties, "parties");
            return this;
        }

        /**
         * Names the CAs with {@code caNames}.
         *
         * @param caNames the CA names
         * @return this builder
         */
        public Builder caNames(CaNames caNames) {
            this.caNames = Objects.requireNonNull(caNames, "caNames");
            return this;
        }

        /**
         * Carries the contingency key as {@code settings} say (extension OID, criticality, wrap algorithm).
         *
         * @param settings the contingency key settings
         * @return this builder
         */
        public Builder contingencySettings(ContingencyKeySettings settings) {
            this.contingencySettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * {@return the PKI: contingency material, the four CAs and the standard Organisation Certificates, each
         * linted before it is signed}
         *
         * @throws IllegalStateException when both a seed and a random source were given
         */
        public TestPki build() {
            if (seed != null && random != null) {
                throw new IllegalStateException("Give a seed or a random source, not both");
            }
            Randomness randomness = seed != null
                    ? Randomness.seeded(seed)
                    : Randomness.of(random != null ? random : new SecureRandom());
            Clock c = clock != null
                    ? clock
                    : seed != null ? Clock.fixed(DEFAULT_SEEDED_EPOCH, ZoneOffset.UTC) : Clock.systemUTC();
            ContingencyKeySettings settings = contingencySettings != null
                    ? contingencySettings
                    : ContingencyKeySettings.forEnvironment(environment);
            ContingencyMaterial contingency = newContingency(randomness, 1, settings);
            TestPki bare = new TestPki(
                    environment,
                    randomness,
                    c,
                    parties,
                    caNames,
                    1,
                    contingency,
                    new IssuedCertificate[4],
                    Map.of(),
                    Map.of());
            IssuedCertificate rootOca = bare.caBuilder(ProfileKind.ROOT_OCA, 1).issue();
            IssuedCertificate issuingOca =
                    bare.caBuilder(ProfileKind.ISSUING_OCA, 1).issuedBy(rootOca).issue();
            IssuedCertificate rootDca = bare.caBuilder(ProfileKind.ROOT_DCA, 1).issue();
            IssuedCertificate issuingDca =
                    bare.caBuilder(ProfileKind.ISSUING_DCA, 1).issuedBy(rootDca).issue();
            TestPki withCas = bare.copy(
                    1, contingency, new IssuedCertificate[] {rootOca, issuingOca, rootDca, issuingDca}, Map.of());
            TestPki pki = withCas.copy(1, contingency, withCas.casArray(), withCas.issueStandardOrganisations());
            LOG.debug("Built {}", pki);
            return pki;
        }
    }
}
