package dev.smki.recovery.incident;

import dev.smki.core.certificate.KeyIdentifier;
import dev.smki.core.device.Device;
import dev.smki.core.device.DeviceCredentials;
import dev.smki.core.device.TrustAnchorCell;
import dev.smki.core.identity.RemotePartyRole;
import dev.smki.core.issuance.IssuedCertificate;
import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.Citation;
import dev.smki.core.provenance.Confidence;
import dev.smki.core.provenance.RuleId;
import dev.smki.core.provenance.Seeds;
import dev.smki.core.provenance.SourcedRule;
import dev.smki.core.revocation.CertificateRegistry;
import dev.smki.core.revocation.RegisteredCertificate;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Relevant Subscribers of an incident, worked out at N5 with the Relevant Devices and notified then (recovery.md
 * §2.1 N5): the Subscriber for the compromised certificate (SEC L10.30(b), verified), the Subscribers whose
 * certificates chain to the compromised key (an OCA's), and the Subscribers whose Devices hold it: the Supplier and
 * Network Operator whose keys sit in a Relevant Device's cells ({@link #RULE}, inferred). Each is listed with its SEC
 * Party Category (seed 003 §4 names the categories; which category each simulated Party is in is this simulation's
 * choice) and with how many Relevant Devices are theirs. Immutable.
 *
 * @param subscribers the Relevant Subscribers, by name
 */
public record RelevantSubscribers(List<RelevantSubscriber> subscribers) {

    /** SCOPE-2: who the Relevant Subscribers are. */
    public static final SourcedRule RULE = new SourcedRule(
            RuleId.of("SCOPE-2"),
            "The Relevant Subscribers are the Subscriber for the compromised Organisation or OCA Certificate, the"
                    + " Subscribers whose certificates chain to the compromised key, and the Subscribers (Suppliers and"
                    + " Network Operators) whose Relevant Devices hold it; each is notified when the scope is worked"
                    + " out.",
            Confidence.INFERRED,
            List.of(
                    Citation.of("SEC Section L10.30(b)", "\"Relevant Subscriber\", via the SEC glossary"),
                    Citation.of("recovery.md", "§1.1, §2.1 N5 [I]"),
                    Seeds.PARTY_CATEGORIES));

    /** No Relevant Subscriber: an incident not scoped yet. */
    public static final RelevantSubscribers NONE = new RelevantSubscribers(List.of());

    /**
     * Checks the components.
     *
     * @param subscribers the Relevant Subscribers, by name
     * @throws NullPointerException when a component is null
     */
    public RelevantSubscribers {
        subscribers = List.copyOf(subscribers);
    }

    /** Why a Subscriber is relevant. */
    public enum Reason {
        /** It is the Subscriber for the compromised certificate (L10.30(b)). */
        SUBSCRIBER_OF_COMPROMISED_CERTIFICATE,
        /** Its certificates chain to the compromised key (an OCA's). */
        CHAINS_TO_COMPROMISED_KEY,
        /** Its Devices hold the compromised key. */
        DEVICES_HOLD_COMPROMISED_KEY;

        /** {@return the name in reports: {@code subscriber-of-compromised-certificate}, ..} */
        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The SEC Party Categories, as seed 003 §4 lists them. */
    public enum PartyCategory {
        /** Large Suppliers. */
        LARGE_SUPPLIERS("Large Suppliers"),
        /** Small Suppliers. */
        SMALL_SUPPLIERS("Small Suppliers"),
        /** Electricity Network Operators. */
        ELECTRICITY_NETWORK_OPERATORS("Electricity Network Operators"),
        /** Gas Network Operators. */
        GAS_NETWORK_OPERATORS("Gas Network Operators"),
        /** Other SEC Parties. */
        OTHER_SEC_PARTIES("Other SEC Parties"),
        /** The DCC. */
        DCC("DCC");

        private final String title;

        PartyCategory(String title) {
            this.title = title;
        }

        /** {@return the category as seed 003 writes it, such as {@code Large Suppliers}} */
        public String title() {
            return title;
        }

        /**
         * {@return the category of the simulated Party playing {@code role}: the Supplier a Large Supplier, the Network
         * Operator an Electricity Network Operator, the DCC's own roles the DCC, any other an Other SEC Party (this
         * simulation's choice, reconstructed)}
         *
         * @param role the role, such as DCC
         */
        public static PartyCategory of(RemotePartyRole role) {
            return switch (Objects.requireNonNull(role, "role")) {
                case SUPPLIER -> LARGE_SUPPLIERS;
                case NETWORK_OPERATOR -> ELECTRICITY_NETWORK_OPERATORS;
                case ROOT, RECOVERY, ACCESS_CONTROL_BROKER, TRANSITIONAL_COS, WAN_PROVIDER, ISSUING_AUTHORITY -> DCC;
                default -> OTHER_SEC_PARTIES;
            };
        }
    }

    /**
     * One Relevant Subscriber.
     *
     * @param name the Subscriber, as the registry names it (such as {@code supplier}, or {@code DCC})
     * @param category its SEC Party Category
     * @param reasons why it is relevant
     * @param devices how many Relevant Devices are its own (hold its Supplier or Network Operator key)
     */
    public record RelevantSubscriber(String name, PartyCategory category, Set<Reason> reasons, long devices) {

        /**
         * Checks the components.
         *
         * @param name the Subscriber, as the registry names it (such as {@code supplier}, or {@code DCC})
         * @param category its SEC Party Category
         * @param reasons why it is relevant
         * @param devices how many Relevant Devices are its own (hold its Supplier or Network Operator key)
         * @throws NullPointerException when a component is null
         * @throws IllegalArgumentException when the device count is negative
         */
        public RelevantSubscriber {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(category, "category");
            reasons = Collections.unmodifiableSet(EnumSet.copyOf(reasons));
            if (devices < 0) {
                throw new IllegalArgumentException("A device count is not negative");
            }
        }

        /** Returns {@code name (category): reasons, n Relevant Devices}. */
        @Override
        public String toString() {
            return name + " (" + category.title() + "): "
                    + reasons.stream().map(Reason::slug).collect(Collectors.joining(", "))
                    + (devices > 0 ? ", " + devices + " Relevant Devices" : "");
        }
    }

    /**
     * Works out the Relevant Subscribers of a compromise of {@code compromised}, whose Relevant Devices are {@code
     * relevant}; {@code holders} names the Subscriber of each Supplier and Network Operator key a cell may hold, the
     * registry the certificates issued, and {@code caKeys} the key identifier of each CA certificate by serial, to
     * follow chains through an Issuing OCA.
     *
     * @param registry the certificate registry
     * @param compromised the compromised certificates
     * @param relevant the Relevant Devices
     * @param holders the Subscriber of each Supplier and Network Operator key a cell may hold
     * @param caKeys the key identifier of each CA certificate, by serial
     * @return the Relevant Subscribers
     */
    public static RelevantSubscribers of(
            CertificateRegistry registry,
            Collection<IssuedCertificate> compromised,
            List<Device> relevant,
            Map<KeyIdentifier, Holder> holders,
            Map<BigInteger, KeyIdentifier> caKeys) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(relevant, "relevant");
        Objects.requireNonNull(holders, "holders");
        Map<String, Entry> found = new TreeMap<>();
        for (IssuedCertificate certificate : compromised) {
            registry.find(certificate.serialNumber())
                    .ifPresent(r -> entry(found, r.subscriber().name(), category(r))
                            .reasons
                            .add(Reason.SUBSCRIBER_OF_COMPROMISED_CERTIFICATE));
            Deque<KeyIdentifier> issuers = new ArrayDeque<>();
            Set<KeyIdentifier> seen = new HashSet<>();
            issuers.add(certificate.parsed().subjectKeyIdentifier().orElseThrow());
            while (!issuers.isEmpty()) {
                KeyIdentifier issuer = issuers.poll();
                if (!seen.add(issuer)) {
                    continue;
                }
                for (RegisteredCertificate issued : registry.issuedBy(issuer)) {
                    if (issued.kind() == ProfileKind.DEVICE || issued.serial().equals(certificate.serialNumber())) {
                        continue;
                    }
                    entry(found, issued.subscriber().name(), category(issued))
                            .reasons
                            .add(Reason.CHAINS_TO_COMPROMISED_KEY);
                    KeyIdentifier caKey = caKeys.get(issued.serial());
                    if (caKey != null) {
                        issuers.add(caKey);
                    }
                }
            }
        }
        Map<DeviceCredentials, List<Holder>> judged = new IdentityHashMap<>();
        for (Device device : relevant) {
            for (Holder holder : judged.computeIfAbsent(device.credentials(), c -> holdersOf(c, holders))) {
                Entry e = entry(found, holder.subscriber(), holder.category());
                e.reasons.add(Reason.DEVICES_HOLD_COMPROMISED_KEY);
                e.devices++;
            }
        }
        List<RelevantSubscriber> subscribers = new ArrayList<>();
        found.forEach((name, e) -> subscribers.add(new RelevantSubscriber(name, e.category, e.reasons, e.devices)));
        return new RelevantSubscribers(subscribers);
    }

    private static List<Holder> holdersOf(DeviceCredentials credentials, Map<KeyIdentifier, Holder> holders) {
        List<Holder> list = new ArrayList<>();
        for (TrustAnchorCell cell : credentials.cells()) {
            Holder holder = holders.get(cell.subjectKeyId());
            if (holder != null && !list.contains(holder)) {
                list.add(holder);
            }
        }
        return list;
    }

    private static PartyCategory category(RegisteredCertificate certificate) {
        return certificate.role().map(PartyCategory::of).orElse(PartyCategory.DCC);
    }

    private static Entry entry(Map<String, Entry> found, String name, PartyCategory category) {
        return found.computeIfAbsent(name, n -> new Entry(category));
    }

    /**
     * The Subscriber of a key that a Relevant Device's cell may hold, when the Device is theirs.
     *
     * @param subscriber the Subscriber's name
     * @param category its Party Category
     */
    public record Holder(String subscriber, PartyCategory category) {

        /**
         * Checks the components.
         *
         * @param subscriber the Subscriber's name
         * @param category its Party Category
         * @throws NullPointerException when a component is null
         */
        public Holder {
            Objects.requireNonNull(subscriber, "subscriber");
            Objects.requireNonNull(category, "category");
        }
    }

    /** {@return how many Relevant Subscribers there are} */
    public int size() {
        return subscribers.size();
    }

    /** {@return the Relevant Subscribers' names, in order} */
    public List<String> names() {
        return subscribers.stream().map(RelevantSubscriber::name).toList();
    }

    /** {@return how many Relevant Subscribers are in each Party Category, in category order} */
    public Map<PartyCategory, Long> byCategory() {
        Map<PartyCategory, Long> counts = new TreeMap<>();
        subscribers.forEach(s -> counts.merge(s.category(), 1L, Long::sum));
        return Collections.unmodifiableMap(counts);
    }

    /** Returns {@code n Relevant Subscribers: a (..), b (..)}. */
    @Override
    public String toString() {
        return subscribers.size()
                + (subscribers.size() == 1 ? " Relevant Subscriber" : " Relevant Subscribers")
                + (subscribers.isEmpty()
                        ? ""
                        : ": "
                                + subscribers.stream()
                                        .map(RelevantSubscriber::toString)
                                        .collect(Collectors.joining("; ")));
    }

    private static final class Entry {
        final PartyCategory category;
        final Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        long devices;

        Entry(PartyCategory category) {
            this.category = category;
        }
    }
}
