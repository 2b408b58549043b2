package dev.smki.recovery.rehearsal;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.device.Authoriser;
import dev.smki.core.device.Device;
import dev.smki.core.device.DeviceSettings;
import dev.smki.core.device.Fleet;
import dev.smki.core.device.UpdateSecurityCredentials;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.Eui64;
import dev.smki.core.identity.Eui64Range;
import dev.smki.core.identity.KeyUsage;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.SigningKey;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.registration.RangeDeclaration;
import dev.smki.core.registration.UserRole;
import dev.smki.core.revocation.CertificateRegistry;
import dev.smki.core.revocation.CertificateStatus;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.RevocationList;
import dev.smki.core.revocation.RevocationOutcome;
import dev.smki.core.revocation.RevocationPolicy;
import dev.smki.core.revocation.RevocationReason;
import dev.smki.core.revocation.RevocationRequest;
import dev.smki.core.revocation.Revocations;
import dev.smki.core.revocation.SolrEvent;
import dev.smki.core.revocation.SolrStatus;
import dev.smki.recovery.custody.ActivatedKey;
import dev.smki.recovery.custody.ActivationProgress;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.Custodians;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyActivation;
import dev.smki.recovery.custody.KeyShare;
import dev.smki.recovery.custody.KeyUseAuthorisation;
import dev.smki.recovery.custody.SimulatedHsm;
import dev.smki.recovery.fleet.CommandFactory;
import dev.smki.recovery.fleet.DeliverySettings;
import dev.smki.recovery.fleet.FailureInjection;
import dev.smki.recovery.fleet.FleetExecution;
import dev.smki.recovery.fleet.FleetExecutor;
import dev.smki.recovery.fleet.WriteOff;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.PmaDecision;
import dev.smki.recovery.incident.RecoveryProgress;
import dev.smki.recovery.incident.RelevantDevices;
import dev.smki.recovery.procedures.DeviceScope;
import dev.smki.recovery.procedures.IncidentState;
import dev.smki.recovery.procedures.RecoveryKeyDirection;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The simulated world of one rehearsal: the test PKI, the fleet, the custodians and the HSM, the certificate
 * registry and revocations, the SMKI PMA's decisions and the state of the incident. Every part is made from the
 * rehearsal's parameters and changed only by the effects of accepted steps, so the world after a given list of
 * accepted steps is always the same. The procedure runs' guards read it as their {@link IncidentState}.
 */
final class World implements IncidentState {

    /** The share of each device type in a fleet, in thousandths; the rest are ESMEs. */
    private static final Map<DeviceType, Integer> MIX = new EnumMap<>(Map.of(
            DeviceType.GSME, 300,
            DeviceType.CHF, 200,
            DeviceType.GPF, 50,
            DeviceType.PPMID, 40,
            DeviceType.HCALCS, 20,
            DeviceType.TYPE2, 10));

    /** The new floor sequence number a Recovery command sets for the replaced party. */
    static final long NEW_FLOOR = 1_000;

    final RehearsalParameters parameters;
    final RehearsalClock clock;
    final IncidentId incident;
    final TestPki pki;
    final DeviceSettings deviceSettings;
    final Fleet fleet;
    final Custodians custodians;
    final SimulatedHsm hsm;
    final Map<CustodianId, List<KeyShare>> shares = new TreeMap<>();
    final CertificateRegistry registry;
    final Revocations revocations;
    final List<RangeDeclaration> declarations;
    private final FleetExecutor executor;

    private PmaDecision decision;
    private final List<KeyUseAuthorisation> authorisations = new ArrayList<>();
    private final Map<CustodyKey, KeyActivation> ceremonies = new EnumMap<>(CustodyKey.class);
    private final Map<CustodyKey, ActivatedKey> activated = new EnumMap<>(CustodyKey.class);

    private List<Device> relevant = List.of();
    private KeyIdentifier compromisedKey;
    private KeyIdentifier targetKey;
    private String phase = "";
    private long updated;
    private final Map<Device, WriteOff> writtenOff = new LinkedHashMap<>();
    private final List<ProgressPoint> progress = new ArrayList<>();
    private final List<RecoveryProgress> reports = new ArrayList<>();
    private Consumer<? super RecoveryProgress> onProgress = report -> {};

    TestPki newPki;
    private boolean newOcaPublished;
    private final Set<String> csrSchedule = new LinkedHashSet<>();
    final Map<String, IssuedCertificate> reissued = new LinkedHashMap<>();
    IssuedCertificate replacement;
    IssuedCertificate subscriberCertificate;
    UpdateSecurityCredentials command;
    private RecoveryKeyDirection.Direction direction;
    SolrEvent solr;

    World(RehearsalParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.clock = new RehearsalClock(parameters.start());
        this.executor = FleetExecutor.of(delivery(parameters), clock);
        this.incident = IncidentId.of("INC-" + parameters.scenario().cliName().toUpperCase(Locale.ROOT) + "-"
                + Long.toUnsignedString(parameters.seed(), 36).toUpperCase(Locale.ROOT));
        this.pki = TestPki.builder().seed(parameters.seed()).clock(clock).build();
        this.deviceSettings =
                DeviceSettings.builder(pki.deviceProvisioning()).clock(clock).build();
        this.fleet = buildFleet(deviceSettings, parameters);
        this.custodians = Custodians.empty();
        for (int i = 1; i <= parameters.quorum().n(); i++) {
            custodians.appointDirectly(
                    custodian(i), "Custodian " + i, "Party " + (char) ('A' + i - 1), parameters.start());
        }
        this.hsm = SimulatedHsm.create(custodians, parameters.quorum(), seededRandom(parameters.seed()));
        takeIntoCustody(CustodyKey.RECOVERY_PRIVATE_KEY, recoveryCertificate());
        takeIntoCustody(pki);
        this.registry = CertificateRegistry.of(pki);
        this.revocations = Revocations.of(registry, RevocationPolicy.defaults(), clock);
        this.declarations = List.of(
                declaration(RemotePartyRole.SUPPLIER, UserRole.IMPORT_SUPPLIER),
                declaration(RemotePartyRole.SUPPLIER, UserRole.GAS_SUPPLIER),
                declaration(RemotePartyRole.NETWORK_OPERATOR, UserRole.ELECTRICITY_DISTRIBUTOR),
                declaration(RemotePartyRole.NETWORK_OPERATOR, UserRole.GAS_TRANSPORTER),
                declaration(RemotePartyRole.OTHER, UserRole.OTHER_USER));
    }

    /** Returns the id of custodian {@code i}, from 1: {@code KC-01}. */
    static CustodianId custodian(int i) {
        return CustodianId.of(String.format(Locale.ROOT, "KC-%02d", i));
    }

    private static Fleet buildFleet(DeviceSettings settings, RehearsalParameters parameters) {
        int total = parameters.devices();
        Fleet.Builder builder =
                Fleet.builder(settings).seed(parameters.seed()).commissionedShare(parameters.commissionedShare());
        int placed = 0;
        for (Map.Entry<DeviceType, Integer> share : MIX.entrySet()) {
            int count = (int) ((long) total * share.getValue() / 1000);
            builder.devices(share.getKey(), count);
            placed += count;
        }
        return builder.devices(DeviceType.ESME, total - placed).build();
    }

    private static SecureRandom seededRandom(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK's SHA1PRNG is missing", e);
        }
    }

    private RangeDeclaration declaration(RemotePartyRole role, UserRole userRole) {
        Eui64 party = pki.parties().of(role);
        Eui64 first = Eui64.of(party.value() & ~0xFFFFL);
        return RangeDeclaration.of(
                CertificateRegistry.subscriberOf(role), userRole, Eui64Range.of(first, first.plus(0xFFFF)));
    }

    private void takeIntoCustody(CustodyKey key, IssuedCertificate certificate) {
        byte[] pkcs8 = encoded(certificate.keyPair().orElseThrow());
        hand(hsm.store(key, pkcs8));
    }

    private void takeIntoCustody(TestPki material) {
        hand(hsm.store(
                CustodyKey.CONTINGENCY_PRIVATE_KEY,
                encoded(material.contingency().keyPair())));
        hand(hsm.store(
                CustodyKey.CONTINGENCY_SYMMETRIC_KEY,
                material.contingency().symmetricKey().toOctets()));
    }

    private static byte[] encoded(KeyPair keyPair) {
        return keyPair.getPrivate().getEncoded();
    }

    private void hand(List<KeyShare> newShares) {
        for (KeyShare share : newShares) {
            shares.computeIfAbsent(share.holder(), h -> new ArrayList<>()).removeIf(old -> old.key() == share.key());
            shares.get(share.holder()).add(share);
        }
    }

    // ---- certificates ----

    IssuedCertificate recoveryCertificate() {
        return pki.organisationCertificate(RemotePartyRole.RECOVERY, KeyUsage.DIGITAL_SIGNATURE);
    }

    IssuedCertificate supplierSigningCertificate() {
        return pki.organisationCertificate(RemotePartyRole.SUPPLIER, KeyUsage.DIGITAL_SIGNATURE);
    }

    // ---- the incident's scope ----

    /**
     * Works out the Relevant Devices: the commissioned Devices holding data of {@code compromised} (its key
     * identifier or its public key). Returns a note.
     */
    String scope(IssuedCertificate compromised) {
        RelevantDevices scoped = RelevantDevices.of(fleet, compromised);
        compromisedKey = scoped.compromisedKey();
        targetKey = null;
        phase = "scope";
        relevant = scoped.devices();
        recordScope();
        return relevant.size() + " Relevant Devices of " + fleet.size() + " hold the key of " + compromised;
    }

    List<Device> relevantDevices() {
        return relevant;
    }

    /** Returns the Relevant Devices not written off. */
    List<Device> reachable() {
        if (writtenOff.isEmpty()) {
            return relevant;
        }
        return relevant.stream().filter(d -> !writtenOff.containsKey(d)).toList();
    }

    /** Makes {@code key} the trust anchor the Relevant Devices should hold, as {@code phase} (a step) sends it. */
    void target(KeyIdentifier key, String newPhase) {
        targetKey = key;
        phase = newPhase;
        refreshScope();
    }

    /**
     * Sends each Relevant Device not written off its command from {@code commands}, with the fleet executor's
     * injected failures, retries and write-offs, and moves the clock on to the execution's last outcome; returns a
     * note of how the Devices ended.
     */
    String send(String operation, CommandFactory commands) {
        long before = writtenOff.size();
        FleetExecution execution = executor.execute(incident, operation, reachable(), commands, onProgress);
        for (RecoveryProgress report : execution.progress()) {
            reports.add(report);
            progress.add(new ProgressPoint(
                    report.at(),
                    operation,
                    relevant.size(),
                    report.succeeded(),
                    before + report.failed(),
                    before + report.writtenOff(),
                    report.pending()));
        }
        execution.writeOffs().forEach(w -> writtenOff.put(w.device(), w));
        if (execution.finishedAt().isAfter(clock.instant())) {
            clock.set(execution.finishedAt());
        }
        refreshScope();
        StringBuilder note = new StringBuilder()
                .append(execution.size())
                .append(" commands sent in ")
                .append(execution.rounds())
                .append(execution.rounds() == 1 ? " round: " : " rounds: ")
                .append(execution.succeeded())
                .append(" executed, ")
                .append(execution.writtenOff())
                .append(" written off");
        Map<String, Long> reasons = new LinkedHashMap<>();
        execution.writeOffsByReason().forEach((reason, count) -> reasons.put(reason.slug(), count));
        if (!reasons.isEmpty()) {
            note.append(" ").append(reasons);
        }
        return note.append(", last outcome at ").append(execution.finishedAt()).toString();
    }

    /** Calls {@code listener} with every progress report of the fleet executions from now on, as they are made. */
    void onProgress(Consumer<? super RecoveryProgress> listener) {
        onProgress = Objects.requireNonNull(listener, "listener");
    }

    private void refreshScope() {
        updated = targetKey == null
                ? 0
                : relevant.stream()
                        .filter(d -> !writtenOff.containsKey(d) && d.holds(targetKey))
                        .count();
        recordScope();
    }

    private void recordScope() {
        DeviceScope scope = scope();
        progress.add(new ProgressPoint(
                clock.instant(),
                phase,
                scope.relevant(),
                scope.updated(),
                scope.writtenOff(),
                scope.writtenOff(),
                scope.open()));
    }

    /** Returns how far the Relevant Devices were each time they changed, oldest first. */
    List<ProgressPoint> progress() {
        return List.copyOf(progress);
    }

    /** Returns every progress report of the fleet executions, oldest first. */
    List<RecoveryProgress> reports() {
        return List.copyOf(reports);
    }

    /** Returns the Relevant Devices written off, in the order they were, with why. */
    Map<Device, WriteOff> writtenOff() {
        return writtenOff;
    }

    private static DeliverySettings delivery(RehearsalParameters parameters) {
        return DeliverySettings.defaults()
                .withSeed(parameters.seed())
                .withFailures(FailureInjection.none()
                        .withUncontactableDevices(parameters.uncontactableShare())
                        .withBusy(parameters.busyShare()))
                .withMaxAttempts(parameters.retries() + 1);
    }

    /** Returns the Device counts of the incident. */
    DeviceCounts counts() {
        long holding = compromisedKey == null
                ? 0
                : relevant.stream().filter(d -> d.holds(compromisedKey)).count();
        long recovered = targetKey == null
                ? 0
                : relevant.stream()
                        .filter(d -> !writtenOff.containsKey(d) && d.holds(targetKey))
                        .count();
        return new DeviceCounts(fleet.size(), relevant.size(), recovered, 0, writtenOff.size(), holding);
    }

    // ---- decisions and custody ----

    void decide(PmaDecision pmaDecision) {
        decision = Objects.requireNonNull(pmaDecision, "pmaDecision");
        authorisations.add(pmaDecision);
    }

    void authorise(KeyUseAuthorisation authorisation) {
        authorisations.add(Objects.requireNonNull(authorisation, "authorisation"));
    }

    void direct(RecoveryKeyDirection.Direction newDirection) {
        direction = newDirection;
    }

    /** Presents custodian {@code id}'s shares of {@code keys}; returns a note of the ceremonies' progress. */
    String attend(CustodianId id, Collection<CustodyKey> keys) {
        List<String> progress = new ArrayList<>();
        for (CustodyKey key : keys) {
            KeyActivation ceremony = ceremonies.computeIfAbsent(key, k -> hsm.beginActivation(k, authorisationFor(k)));
            KeyShare share = shares.getOrDefault(id, List.of()).stream()
                    .filter(s -> s.key() == key)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(id + " holds no share of " + key));
            progress.add(key + " " + ceremony.present(share));
        }
        return id + " presented shares: " + String.join(", ", progress);
    }

    private KeyUseAuthorisation authorisationFor(CustodyKey key) {
        return authorisations.stream()
                .filter(a -> a.incidentReference().equals(incident.value()) && a.authorises(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No authorisation for " + incident + " requires " + key));
    }

    /** Activates {@code keys} from the shares presented; returns a note. */
    String activate(Collection<CustodyKey> keys) {
        List<String> done = new ArrayList<>();
        for (CustodyKey key : keys) {
            KeyActivation ceremony = ceremonies.remove(key);
            ActivationProgress progress = ceremony.progress();
            activated.put(key, ceremony.activate());
            done.add(key + " by " + progress.counted());
        }
        return "activated " + String.join(", ", done);
    }

    /** Deactivates {@code keys}; returns a note. */
    String deactivate(Collection<CustodyKey> keys) {
        List<CustodyKey> done = new ArrayList<>();
        for (CustodyKey key : keys) {
            ActivatedKey active = activated.get(key);
            if (active != null && active.isActive()) {
                active.deactivate();
                done.add(key);
            }
        }
        return done.isEmpty() ? "no key was active" : "deactivated " + done;
    }

    /** Returns the signer of the active {@code key}, speaking as {@code originator} with {@code certificate}'s public key. */
    Authoriser signer(CustodyKey key, Eui64 originator, PublicKey publicKey) {
        ActivatedKey active = activated.get(key);
        if (active == null || !active.isActive()) {
            throw new IllegalStateException(key + " is not active");
        }
        return Authoriser.of(originator, SigningKey.of(new KeyPair(publicKey, active.privateKey())));
    }

    /** Returns the Symmetric Key recovered from custody, while it is active. */
    SymmetricKey symmetricKey() {
        ActivatedKey active = activated.get(CustodyKey.CONTINGENCY_SYMMETRIC_KEY);
        if (active == null || !active.isActive()) {
            throw new IllegalStateException("The Symmetric Key is not active");
        }
        return SymmetricKey.of(active.secret());
    }

    /** Puts {@code key}'s new material into custody, handing new shares to the custodians; returns a note. */
    String reshare(CustodyKey key, byte[] secret) {
        hand(hsm.store(key, secret));
        return key + " re-shared " + parameters.quorum() + " among " + shares.keySet();
    }

    String reshareContingency(TestPki material) {
        takeIntoCustody(material);
        return "new contingency material shared " + parameters.quorum() + " among " + shares.keySet();
    }

    // ---- OCA replacement and certificates ----

    String newRoot() {
        newPki = pki.withNewRootOca();
        return "new " + newPki.rootOca() + " with fresh contingency material";
    }

    void publishNewOca() {
        registry.register(newPki.rootOca(), CertificateRegistry.DCC);
        registry.register(newPki.issuingOca(), CertificateRegistry.DCC);
        newOcaPublished = true;
    }

    void schedule(Collection<String> items) {
        csrSchedule.addAll(items);
    }

    /** Revokes certificate {@code certificate} as {@code requester} asks; returns a note of the outcome. */
    String revoke(IssuedCertificate certificate, RevocationReason reason, Requester requester) {
        RevocationOutcome outcome =
                revocations.submit(RevocationRequest.of(certificate.serialNumber(), reason, requester));
        return outcome.summary();
    }

    String publish(IssuedCertificate signer) {
        RevocationList list = revocations.publish(signer);
        return "published " + list;
    }

    void retire(IssuedCertificate certificate) {
        registry.moveTo(certificate.serialNumber(), CertificateStatus.NOT_IN_USE);
    }

    // ---- IncidentState ----

    @Override
    public IncidentId incident() {
        return incident;
    }

    @Override
    public Optional<PmaDecision> decision() {
        return Optional.ofNullable(decision);
    }

    @Override
    public boolean isAuthorised(CustodyKey key) {
        return authorisations.stream()
                .anyMatch(a -> a.incidentReference().equals(incident.value()) && a.authorises(key));
    }

    @Override
    public Optional<ActivationProgress> ceremony(CustodyKey key) {
        return Optional.ofNullable(ceremonies.get(key)).map(KeyActivation::progress);
    }

    @Override
    public boolean isAppointed(CustodianId custodian) {
        return custodians.isAppointed(custodian);
    }

    @Override
    public boolean isActive(CustodyKey key) {
        ActivatedKey active = activated.get(key);
        return active != null && active.isActive();
    }

    @Override
    public boolean hasNewRoot() {
        return newPki != null;
    }

    @Override
    public boolean isNewOcaPublished() {
        return newOcaPublished;
    }

    @Override
    public DeviceScope scope() {
        return new DeviceScope(relevant.size(), updated, writtenOff.size());
    }

    @Override
    public boolean devicesHoldNewRoot() {
        if (newPki == null) {
            return true;
        }
        KeyIdentifier newRoot = newPki.rootOca().parsed().subjectKeyIdentifier().orElseThrow();
        return relevant.stream().allMatch(d -> writtenOff.containsKey(d) || d.holds(newRoot));
    }

    @Override
    public Optional<RecoveryKeyDirection.Direction> recoveryKeyDirection() {
        return Optional.ofNullable(direction);
    }

    @Override
    public Set<String> csrSchedule() {
        return Set.copyOf(csrSchedule);
    }

    @Override
    public List<RangeDeclaration> organisationInformation() {
        return declarations;
    }

    @Override
    public Optional<SolrStatus> solrEvent() {
        return solr == null ? Optional.empty() : Optional.of(revocations.solrEvent(solr.id()));
    }

    /** Returns the reissued Organisation Certificate for each standard credential, by file stem. */
    Map<String, IssuedCertificate> reissued() {
        return reissued;
    }

    /** Returns the standard credentials whose Parties coordinate CSRs after the OCA replacement, by file stem. */
    static Map<String, OrganisationCredential> eligibleCredentials() {
        Map<String, OrganisationCredential> stems = new LinkedHashMap<>();
        for (OrganisationCredential credential : OrganisationCredential.STANDARD) {
            stems.put(credential.fileStem(), credential);
        }
        return stems;
    }

    /** Returns when the world's clock stands. */
    Instant now() {
        return clock.instant();
    }
}
