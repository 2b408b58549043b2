package dev.smki.recovery.procedures;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.device.DeviceSettings;
import dev.smki.core.device.Fleet;
import dev.smki.core.identity.CertificateUsage;
import dev.smki.core.identity.DeviceType;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.issuance.OrganisationCredential;
import dev.smki.core.issuance.TestPki;
import dev.smki.core.revocation.Requester;
import dev.smki.core.revocation.SolrEvent;
import dev.smki.core.revocation.Subscriber;
import dev.smki.core.simulation.SimulationSeed;
import dev.smki.recovery.custody.Custodians;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.fleet.DeliverySettings;
import dev.smki.recovery.fleet.FailureInjection;
import dev.smki.recovery.fleet.FleetExecutor;
import dev.smki.recovery.incident.CompromisedKey;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.RelevantSubscribers;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The world one incident response runs in, made of small state slices, each owning its part: the {@linkplain #pki()
 * PKI}, {@linkplain #custody() custody and the HSM}, the {@linkplain #fleet() fleet}, {@linkplain #revocation()
 * revocation}, the {@linkplain #registry() registry} and the {@linkplain #clock() clock}, with what the actors will
 * decide ({@link #choices()}). It is the typed context of every procedure of this package: guards read it, and the
 * effects of accepted steps, defined with the steps, change it through the slices. Everything is made from an
 * {@link IncidentSetup}, so the state after a given list of accepted steps is always the same.
 */
public final class IncidentState {

    private final IncidentSetup setup;
    private final IncidentClock clock;
    private final PkiState pki;
    private final CustodyState custody;
    private final FleetState fleet;
    private final RegistryState registry;
    private final RevocationState revocation;
    private final List<String> events = new ArrayList<>();
    private CellReplacements sending;
    private RelevantSubscribers relevantSubscribers = RelevantSubscribers.NONE;

    private IncidentState(IncidentSetup setup) {
        this.setup = setup;
        this.clock = new IncidentClock(setup.start());
        TestPki testPki = TestPki.builder().seed(setup.seed()).clock(clock).build();
        this.pki = new PkiState(testPki);
        DeviceSettings deviceSettings = DeviceSettings.builder(testPki.deviceProvisioning())
                .clock(clock)
                .build();
        this.fleet = new FleetState(buildFleet(deviceSettings, setup), FleetExecutor.of(delivery(setup), clock), clock);
        Custodians roster = Custodians.empty();
        int i = 1;
        for (IncidentSetup.Custodian custodian : setup.custodians()) {
            roster.appointDirectly(custodian.id(), "Custodian " + i++, custodian.party(), setup.start());
        }
        this.custody = new CustodyState(
                roster, setup.quorum(), SimulationSeed.of(setup.seed()).secureRandom("custody/shares"));
        custody.store(
                CustodyKey.RECOVERY_PRIVATE_KEY,
                pki.certificate(RemotePartyRole.RECOVERY, CertificateUsage.DIGITAL_SIGNATURE)
                        .keyPair()
                        .orElseThrow()
                        .getPrivate()
                        .getEncoded());
        storeContingency(testPki);
        this.registry = new RegistryState(testPki);
        this.revocation = new RevocationState(registry.certificates(), clock);
    }

    /**
     * {@return the state made from {@code setup}: a seeded test PKI, a fleet, custodians holding shares}
     *
     * @param setup what the incident sets up
     */
    public static IncidentState create(IncidentSetup setup) {
        return new IncidentState(Objects.requireNonNull(setup, "setup"));
    }

    private static Fleet buildFleet(DeviceSettings settings, IncidentSetup setup) {
        int total = setup.devices();
        Fleet.Builder builder = Fleet.builder(settings).seed(setup.seed()).commissionedShare(setup.commissionedShare());
        int placed = 0;
        for (Map.Entry<DeviceType, Integer> share : setup.mix().entrySet()) {
            if (share.getKey() == DeviceType.ESME) {
                continue;
            }
            int count = (int) ((long) total * share.getValue() / 1000);
            builder.devices(share.getKey(), count);
            placed += count;
        }
        return builder.devices(DeviceType.ESME, total - placed).build();
    }

    private static DeliverySettings delivery(IncidentSetup setup) {
        return DeliverySettings.defaults()
                .withSeed(setup.seed())
                .withFailures(FailureInjection.none()
                        .withUncontactableDevices(setup.uncontactableShare())
                        .withBusy(setup.busyShare()))
                .withMaxAttempts(setup.retries() + 1);
    }

    void storeContingency(TestPki material) {
        custody.store(
                CustodyKey.CONTINGENCY_PRIVATE_KEY,
                material.contingency().keyPair().getPrivate().getEncoded());
        custody.store(
                CustodyKey.CONTINGENCY_SYMMETRIC_KEY,
                material.contingency().symmetricKey().toOctets());
    }

    /** {@return what the state was made from} */
    public IncidentSetup setup() {
        return setup;
    }

    /** {@return the incident's id} */
    public IncidentId incident() {
        return setup.id();
    }

    /** {@return the kind of key compromised, if the incident is a compromise} */
    public Optional<CompromisedKey> compromised() {
        return setup.compromised();
    }

    /** {@return what the actors decide when they act} */
    public ActorChoices choices() {
        return setup.choices();
    }

    /** {@return the clock slice} */
    public IncidentClock clock() {
        return clock;
    }

    /** {@return the PKI slice} */
    public PkiState pki() {
        return pki;
    }

    /** {@return the custody slice} */
    public CustodyState custody() {
        return custody;
    }

    /** {@return the fleet slice} */
    public FleetState fleet() {
        return fleet;
    }

    /** {@return the registry slice} */
    public RegistryState registry() {
        return registry;
    }

    /** {@return the revocation slice} */
    public RevocationState revocation() {
        return revocation;
    }

    /** {@return the certificate whose key is compromised (or replaced): the Root OCA, or the role's certificate} */
    public IssuedCertificate compromisedCertificate() {
        if (!setup.credentials().isEmpty()) {
            return pki.current().organisationCertificate(setup.credentials().get(0));
        }
        return certificateOf(setup.role(), setup.usage());
    }

    /**
     * {@return the Organisation credentials compromised together: the plan's list for a multi-cell compromise,
     * otherwise
     * the one of the incident's role and usage; empty when the role's key is not an Organisation key (Root, Issuing
     * OCA)}
     */
    public List<OrganisationCredential> compromisedCredentials() {
        if (!setup.credentials().isEmpty()) {
            return setup.credentials();
        }
        return switch (setup.role()) {
            case ROOT, ISSUING_AUTHORITY -> List.of();
            default -> List.of(OrganisationCredential.of(setup.role(), setup.usage()));
        };
    }

    /** {@return the compromised certificates: those of {@link #compromisedCredentials()}, or the CA certificate} */
    public List<IssuedCertificate> compromisedCertificates() {
        List<OrganisationCredential> credentials = compromisedCredentials();
        return credentials.isEmpty()
                ? List.of(compromisedCertificate())
                : credentials.stream()
                        .map(pki.current()::organisationCertificate)
                        .toList();
    }

    IssuedCertificate certificateOf(RemotePartyRole role, CertificateUsage usage) {
        return switch (role) {
            case ROOT -> pki.current().rootOca();
            case ISSUING_AUTHORITY -> pki.current().issuingOca();
            default -> pki.certificate(role, usage);
        };
    }

    /** {@return the Relevant Subscribers, once worked out at N5 (none before)} */
    public RelevantSubscribers relevantSubscribers() {
        return relevantSubscribers;
    }

    /**
     * Works out the Relevant Devices and the Relevant Subscribers of the compromise (N5): the Subscribers of the
     * compromised certificates, those whose certificates chain to the compromised key, and the Suppliers and Network
     * Operators whose Relevant Devices hold it; returns a note naming them by Party Category.
     */
    String scope() {
        String devices = fleet.scope(compromisedCertificate());
        Map<KeyIdentifier, RelevantSubscribers.Holder> holders = new HashMap<>();
        pki.current().organisationCertificates().forEach((credential, certificate) -> {
            if (credential.role() == RemotePartyRole.SUPPLIER
                    || credential.role() == RemotePartyRole.NETWORK_OPERATOR) {
                holders.put(
                        certificate.parsed().subjectKeyIdentifier().orElseThrow(),
                        new RelevantSubscribers.Holder(
                                Subscriber.ofRole(credential.role()).name(),
                                RelevantSubscribers.PartyCategory.of(credential.role())));
            }
        });
        Map<BigInteger, KeyIdentifier> caKeys = new HashMap<>();
        for (IssuedCertificate ca : pki.current().caCertificates()) {
            caKeys.put(ca.serialNumber(), ca.parsed().subjectKeyIdentifier().orElseThrow());
        }
        relevantSubscribers = RelevantSubscribers.of(
                registry.certificates(), compromisedCertificates(), fleet.relevant(), holders, caKeys);
        return devices + "; " + relevantSubscribers + "; notified, by Party Category "
                + relevantSubscribers.byCategory().entrySet().stream()
                        .map(e -> e.getKey().title() + " " + e.getValue())
                        .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Records the commands built for the Relevant Devices (R4), for the step that signs and sends them. */
    void prepareSending(CellReplacements commands) {
        sending = Objects.requireNonNull(commands, "commands");
    }

    CellReplacements requireSending() {
        if (sending == null) {
            throw new IllegalStateException("No commands have been built");
        }
        return sending;
    }

    /**
     * Returns how many commissioned Devices still hold each compromised certificate's key, one line: what a
     * verification step checks beyond the Relevant Devices' counts (every cell of a multi-cell compromise).
     */
    String stillHolding() {
        StringBuilder text = new StringBuilder("still holding the compromised keys:");
        for (IssuedCertificate certificate : compromisedCertificates()) {
            text.append(' ')
                    .append(certificate.parsed().subjectKeyIdentifier().orElseThrow())
                    .append('=')
                    .append(fleet.holding(certificate));
        }
        return text.toString();
    }

    /**
     * {@return whether {@code key} is authorised for this incident by an SMKI PMA decision or authorisation (REC-1)}
     *
     * @param key the key
     */
    public boolean isAuthorised(CustodyKey key) {
        return custody.isAuthorised(setup.id().value(), key);
    }

    /**
     * {@return whether every Relevant Device holds the new Root OCA or has been written off (REC-10); true when no Root
     * replacement is under way, since certificates then chain to the Root the Devices hold}
     */
    public boolean devicesHoldNewRoot() {
        return pki.newRootKey().map(fleet::allHold).orElse(true);
    }

    // ---- injected events ----

    /** {@return a note of each event injected so far, oldest first} */
    public List<String> events() {
        return List.copyOf(events);
    }

    /**
     * Makes the HSM fail every activation until {@code until} (an injected event); returns a note.
     *
     * @param until when it ends
     * @return a note of the event
     */
    public String failHsmUntil(Instant until) {
        custody.failHsmUntil(until);
        return note("the HSM fails every key activation until " + until);
    }

    /**
     * Ceases Key Custodian {@code custodian} (an injected event); returns a note.
     *
     * @param custodian the Key Custodian
     * @return a note of the event
     */
    public String ceaseCustodian(dev.smki.recovery.custody.CustodianId custodian) {
        custody.cease(custodian, clock.instant());
        return note(custodian + " ceased to be a Key Custodian");
    }

    /**
     * Records that the key of {@code role} for {@code usage} is found compromised while this incident is recovered
     * (an injected event): it is not this incident's to recover; returns a note naming the Devices exposed.
     *
     * @param role the role, such as DCC
     * @param usage the key usage
     * @return a note of the event
     */
    public String secondCompromise(RemotePartyRole role, CertificateUsage usage) {
        IssuedCertificate second = certificateOf(role, usage);
        return note("a second compromise, of " + second + ", found during the recovery: " + fleet.holding(second)
                + " commissioned Devices hold its key and need an incident of their own");
    }

    /**
     * Opens a Supplier of Last Resort event for the failed Supplier {@code role} with the revocation of its
     * certificates delayed by the SMKI PMA (an injected event overlapping the incident); returns a note.
     *
     * @param role the role, such as DCC
     * @return a note of the event
     */
    public String overlappingSolr(RemotePartyRole role) {
        String failed = Subscriber.ofRole(role).name();
        SolrEvent event = SolrEvent.of("SOLR-" + setup.id().value(), failed, "solr", "shared-resource-provider");
        revocation.openSolr(event);
        revocation.revocations().delayRevocation(event.id(), Requester.smkiPma());
        return note("a Supplier of Last Resort event for " + failed + " overlaps the incident; the SMKI PMA delays"
                + " the revocation of its certificates");
    }

    private String note(String text) {
        events.add(text);
        return text;
    }

    @Override
    public String toString() {
        return "IncidentState[" + setup.id() + "]";
    }
}
