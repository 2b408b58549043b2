package dev.smki.core.revocation;

import dev.smki.core.profile.ProfileKind;
import dev.smki.core.provenance.Confidence;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The parts of the revocation rules that the research notes call reconstructed or from memory, as data a user
 * holding the SEC text can correct without code (recovery.md §3.2): who may request revocation of which
 * certificate (REV-2, REV-3), whether Device Certificates are revocable at all (REV-4, default no, confidence
 * memory), which RFC 5280 code each SMKI reason publishes as (REV-6), who may request revocation of SMKI
 * Registration Authority credentials (REV-10), and the interval to a list's nextUpdate (REV-8). Immutable.
 *
 * <p>As a properties file ({@link #load}, {@link #toProperties}; {@code RevocationPolicyText} reads and writes it);
 * absent keys keep their defaults:
 *
 * <pre>
 * requesters.organisation=aro,dcc,smki-pma      who may request revocation of an Organisation Certificate
 * requesters.issuing-oca=dcc,smki-pma           ... of an Issuing OCA certificate (on the ARL)
 * requesters.issuing-dca=dcc,smki-pma           ... of an Issuing DCA certificate
 * requesters.device=aro,dcc,smki-pma            ... of a Device Certificate, when devices.revocable=true
 * requesters.confidence=reconstructed
 * devices.revocable=false
 * devices.confidence=memory
 * reason.key-compromise=keyCompromise           the RFC 5280 code of each SMKI reason
 * reasons.confidence=reconstructed
 * ra.requesters=holder,ra-manager,dcc,smki-pma,pma-member    who may request revocation of RA credentials
 * ra.confidence=reconstructed
 * list.nextUpdateInterval=PT24H                 nextUpdate - thisUpdate of every CRL and ARL
 * </pre>
 */
public final class RevocationPolicy {

    /** The interval from a list's thisUpdate to its nextUpdate unless set: one day, our choice (no SEC value found). */
    public static final Duration DEFAULT_NEXT_UPDATE_INTERVAL = Duration.ofDays(1);

    /** The token in {@code ra.requesters} that lets the holder of RA credentials ask for their own revocation. */
    public static final String HOLDER = "holder";

    /** The certificate kinds whose requesters are configurable; Root certificates are never listed (REV-9). */
    public static final Set<ProfileKind> REVOCABLE_KINDS = Collections.unmodifiableSet(
            EnumSet.of(ProfileKind.ORGANISATION, ProfileKind.ISSUING_OCA, ProfileKind.ISSUING_DCA, ProfileKind.DEVICE));

    private static final Set<RequesterKind> SUBSCRIBER_DCC_PMA =
            EnumSet.of(RequesterKind.AUTHORISED_RESPONSIBLE_OFFICER, RequesterKind.DCC, RequesterKind.SMKI_PMA);
    private static final Set<RequesterKind> DCC_PMA = EnumSet.of(RequesterKind.DCC, RequesterKind.SMKI_PMA);

    private static final RevocationPolicy DEFAULTS = new RevocationPolicy(
            defaultRequesters(),
            Confidence.RECONSTRUCTED,
            false,
            Confidence.MEMORY,
            defaultReasonCodes(),
            Confidence.RECONSTRUCTED,
            EnumSet.of(
                    RequesterKind.RA_MANAGER, RequesterKind.DCC, RequesterKind.SMKI_PMA, RequesterKind.SMKI_PMA_MEMBER),
            true,
            Confidence.RECONSTRUCTED,
            DEFAULT_NEXT_UPDATE_INTERVAL);

    private final Map<ProfileKind, Set<RequesterKind>> requesters;
    private final Confidence requestersConfidence;
    private final boolean deviceCertificatesRevocable;
    private final Confidence deviceConfidence;
    private final Map<RevocationReason, CrlReason> reasonCodes;
    private final Confidence reasonsConfidence;
    private final Set<RequesterKind> raRequesters;
    private final boolean holderMayRequest;
    private final Confidence raConfidence;
    private final Duration nextUpdateInterval;

    RevocationPolicy(
            Map<ProfileKind, Set<RequesterKind>> requesters,
            Confidence requestersConfidence,
            boolean deviceCertificatesRevocable,
            Confidence deviceConfidence,
            Map<RevocationReason, CrlReason> reasonCodes,
            Confidence reasonsConfidence,
            Set<RequesterKind> raRequesters,
            boolean holderMayRequest,
            Confidence raConfidence,
            Duration nextUpdateInterval) {
        EnumMap<ProfileKind, Set<RequesterKind>> copy = new EnumMap<>(ProfileKind.class);
        requesters.forEach((kind, set) -> {
            if (!REVOCABLE_KINDS.contains(kind)) {
                throw new IllegalArgumentException(
                        "Requesters are configured only for " + slugs(REVOCABLE_KINDS) + ", not " + kind.slug());
            }
            copy.put(
                    kind,
                    Collections.unmodifiableSet(
                            set.isEmpty() ? EnumSet.noneOf(RequesterKind.class) : EnumSet.copyOf(set)));
        });
        for (ProfileKind kind : REVOCABLE_KINDS) {
            copy.putIfAbsent(kind, Collections.unmodifiableSet(EnumSet.noneOf(RequesterKind.class)));
        }
        this.requesters = Collections.unmodifiableMap(copy);
        EnumMap<RevocationReason, CrlReason> codes = new EnumMap<>(RevocationReason.class);
        codes.putAll(reasonCodes);
        for (RevocationReason reason : RevocationReason.values()) {
            CrlReason code = codes.get(reason);
            if (code == null) {
                throw new IllegalArgumentException("No RFC 5280 code for the reason " + reason.slug());
            }
            if (!code.isPermanent()) {
                throw new IllegalArgumentException(
                        reason.slug() + " cannot publish as " + code + ": revocation is final (REV-1)");
            }
        }
        this.reasonCodes = Collections.unmodifiableMap(codes);
        this.requestersConfidence = Objects.requireNonNull(requestersConfidence, "requestersConfidence");
        this.deviceCertificatesRevocable = deviceCertificatesRevocable;
        this.deviceConfidence = Objects.requireNonNull(deviceConfidence, "deviceConfidence");
        this.reasonsConfidence = Objects.requireNonNull(reasonsConfidence, "reasonsConfidence");
        this.raRequesters = Collections.unmodifiableSet(
                raRequesters.isEmpty() ? EnumSet.noneOf(RequesterKind.class) : EnumSet.copyOf(raRequesters));
        this.holderMayRequest = holderMayRequest;
        this.raConfidence = Objects.requireNonNull(raConfidence, "raConfidence");
        Objects.requireNonNull(nextUpdateInterval, "nextUpdateInterval");
        if (nextUpdateInterval.isNegative() || nextUpdateInterval.isZero() || nextUpdateInterval.getNano() != 0) {
            throw new IllegalArgumentException(
                    "The nextUpdate interval is a positive whole number of seconds, got " + nextUpdateInterval);
        }
        this.nextUpdateInterval = nextUpdateInterval;
    }

    /**
     * {@return the reconstructed defaults: an Organisation Certificate may be revoked at the request of the
     * Subscriber through an ARO, the DCC or the SMKI PMA; Issuing CA certificates at the request of the DCC or the
     * SMKI PMA; Device Certificates not at all; RA credentials at the request of the holder, an RA Manager, the
     * DCC, the SMKI PMA or any SMKI PMA Member}
     */
    public static RevocationPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * {@return who may request revocation of a certificate of profile {@code kind}; none for Root certificates}
     *
     * @param kind the certificate profile
     */
    public Set<RequesterKind> requesters(ProfileKind kind) {
        Objects.requireNonNull(kind, "kind");
        return requesters.getOrDefault(kind, Set.of());
    }

    /** {@return how sure we are of {@link #requesters}} */
    public Confidence requestersConfidence() {
        return requestersConfidence;
    }

    /** {@return whether Device Certificates may be revoked at all} */
    public boolean deviceCertificatesRevocable() {
        return deviceCertificatesRevocable;
    }

    /** {@return how sure we are of {@link #deviceCertificatesRevocable}} */
    public Confidence deviceConfidence() {
        return deviceConfidence;
    }

    /**
     * {@return the RFC 5280 code a revocation for {@code reason} publishes as}
     *
     * @param reason the SMKI revocation reason
     */
    public CrlReason crlReason(RevocationReason reason) {
        return reasonCodes.get(Objects.requireNonNull(reason, "reason"));
    }

    /**
     * {@return the certificate reason (REV-6) that publishes as {@code code}, if exactly one does}
     *
     * @param code the RFC 5280 reason code
     */
    public Optional<RevocationReason> certificateReasonOf(CrlReason code) {
        Objects.requireNonNull(code, "code");
        List<RevocationReason> matches = Arrays.stream(RevocationReason.values())
                .filter(RevocationReason::appliesToCertificates)
                .filter(r -> reasonCodes.get(r) == code)
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** {@return how sure we are of the reasons and their codes} */
    public Confidence reasonsConfidence() {
        return reasonsConfidence;
    }

    /** {@return the kinds of requester who may ask for revocation of RA credentials (besides the holder)} */
    public Set<RequesterKind> raRequesters() {
        return raRequesters;
    }

    /** {@return whether the holder of RA credentials may ask for their own revocation} */
    public boolean holderMayRequest() {
        return holderMayRequest;
    }

    /** {@return how sure we are of {@link #raRequesters} and {@link #holderMayRequest}} */
    public Confidence raConfidence() {
        return raConfidence;
    }

    /** {@return the interval from a list's thisUpdate to its nextUpdate} */
    public Duration nextUpdateInterval() {
        return nextUpdateInterval;
    }

    /**
     * {@return this policy with {@code kinds} as who may request revocation of certificates of profile {@code kind}}
     *
     * @param kind the certificate profile
     * @param kinds who may request revocation
     */
    public RevocationPolicy withRequesters(ProfileKind kind, Set<RequesterKind> kinds) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kinds, "kinds");
        EnumMap<ProfileKind, Set<RequesterKind>> copy = new EnumMap<>(requesters);
        copy.put(kind, kinds);
        return new RevocationPolicy(
                copy,
                requestersConfidence,
                deviceCertificatesRevocable,
                deviceConfidence,
                reasonCodes,
                reasonsConfidence,
                raRequesters,
                holderMayRequest,
                raConfidence,
                nextUpdateInterval);
    }

    /**
     * {@return this policy with {@code confidence} for who may request revocation of certificates}
     *
     * @param confidence how sure we are of who may request revocation
     */
    public RevocationPolicy withRequestersConfidence(Confidence confidence) {
        return new RevocationPolicy(
                requesters,
                confidence,
                deviceCertificatesRevocable,
                deviceConfidence,
                reasonCodes,
                reasonsConfidence,
                raRequesters,
                holderMayRequest,
                raConfidence,
                nextUpdateInterval);
    }

    /**
     * {@return this policy with Device Certificates revocable or not, at {@code confidence}}
     *
     * @param revocable whether Device Certificates may be revoked
     * @param confidence how sure we are of it
     */
    public RevocationPolicy withDeviceCertificatesRevocable(boolean revocable, Confidence confidence) {
        return new RevocationPolicy(
                requesters,
                requestersConfidence,
                revocable,
                confidence,
                reasonCodes,
                reasonsConfidence,
                raRequesters,
                holderMayRequest,
                raConfidence,
                nextUpdateInterval);
    }

    /**
     * {@return this policy publishing {@code reason} as {@code code}}
     *
     * @param reason the SMKI revocation reason
     * @param code the RFC 5280 code it publishes as
     * @throws IllegalArgumentException when {@code code} is certificateHold or removeFromCRL
     */
    public RevocationPolicy withReasonCode(RevocationReason reason, CrlReason code) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(code, "code");
        EnumMap<RevocationReason, CrlReason> copy = new EnumMap<>(reasonCodes);
        copy.put(reason, code);
        return new RevocationPolicy(
                requesters,
                requestersConfidence,
                deviceCertificatesRevocable,
                deviceConfidence,
                copy,
                reasonsConfidence,
                raRequesters,
                holderMayRequest,
                raConfidence,
                nextUpdateInterval);
    }

    /**
     * {@return this policy with {@code kinds} (and the holder, when {@code holder}) as who may ask to revoke RA
     * credentials}
     *
     * @param kinds who may ask to revoke RA credentials
     * @param holder whether the holder may ask to revoke their own
     * @param confidence how sure we are of it
     */
    public RevocationPolicy withRaRequesters(Set<RequesterKind> kinds, boolean holder, Confidence confidence) {
        return new RevocationPolicy(
                requesters,
                requestersConfidence,
                deviceCertificatesRevocable,
                deviceConfidence,
                reasonCodes,
                reasonsConfidence,
                Objects.requireNonNull(kinds, "kinds"),
                holder,
                confidence,
                nextUpdateInterval);
    }

    /**
     * {@return this policy with {@code interval} from each list's thisUpdate to its nextUpdate}
     *
     * @param interval the time from thisUpdate to nextUpdate
     */
    public RevocationPolicy withNextUpdateInterval(Duration interval) {
        return new RevocationPolicy(
                requesters,
                requestersConfidence,
                deviceCertificatesRevocable,
                deviceConfidence,
                reasonCodes,
                reasonsConfidence,
                raRequesters,
                holderMayRequest,
                raConfidence,
                interval);
    }

    /**
     * {@return the policy in the properties file {@code file}; absent keys keep their defaults}
     *
     * @param file the properties file
     * @throws IllegalArgumentException naming the file and key when a key is unknown or a value malformed
     * @throws UncheckedIOException when the file cannot be read
     */
    public static RevocationPolicy load(Path file) {
        return RevocationPolicyText.load(file);
    }

    /**
     * {@return the policy in {@code text}, in properties syntax; absent keys keep their defaults}
     *
     * @param text the properties text
     * @throws IllegalArgumentException naming the key when a key is unknown or a value malformed
     */
    public static RevocationPolicy parse(String text) {
        return RevocationPolicyText.parse(text);
    }

    /** {@return the policy as a properties file that {@link #load} reads back to an equal policy} */
    public String toProperties() {
        return RevocationPolicyText.write(this);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RevocationPolicy other
                && requesters.equals(other.requesters)
                && requestersConfidence == other.requestersConfidence
                && deviceCertificatesRevocable == other.deviceCertificatesRevocable
                && deviceConfidence == other.deviceConfidence
                && reasonCodes.equals(other.reasonCodes)
                && reasonsConfidence == other.reasonsConfidence
                && raRequesters.equals(other.raRequesters)
                && holderMayRequest == other.holderMayRequest
                && raConfidence == other.raConfidence
                && nextUpdateInterval.equals(other.nextUpdateInterval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requesters, deviceCertificatesRevocable, reasonCodes, raRequesters, nextUpdateInterval);
    }

    @Override
    public String toString() {
        return "RevocationPolicy[" + toProperties().lines().skip(1).collect(Collectors.joining(", ")) + "]";
    }

    private static Map<ProfileKind, Set<RequesterKind>> defaultRequesters() {
        EnumMap<ProfileKind, Set<RequesterKind>> map = new EnumMap<>(ProfileKind.class);
        map.put(ProfileKind.ORGANISATION, SUBSCRIBER_DCC_PMA);
        map.put(ProfileKind.ISSUING_OCA, DCC_PMA);
        map.put(ProfileKind.ISSUING_DCA, DCC_PMA);
        map.put(ProfileKind.DEVICE, SUBSCRIBER_DCC_PMA);
        return map;
    }

    private static Map<RevocationReason, CrlReason> defaultReasonCodes() {
        EnumMap<RevocationReason, CrlReason> map = new EnumMap<>(RevocationReason.class);
        map.put(RevocationReason.KEY_COMPROMISE, CrlReason.KEY_COMPROMISE);
        map.put(RevocationReason.INCORRECT_DATA, CrlReason.AFFILIATION_CHANGED);
        map.put(RevocationReason.NO_LONGER_ELIGIBLE, CrlReason.PRIVILEGE_WITHDRAWN);
        map.put(RevocationReason.NO_LONGER_NEEDED, CrlReason.CESSATION_OF_OPERATION);
        map.put(RevocationReason.SUPERSEDED, CrlReason.SUPERSEDED);
        map.put(RevocationReason.PERSONNEL_LEFT, CrlReason.AFFILIATION_CHANGED);
        map.put(RevocationReason.SCREENING_FAILED, CrlReason.PRIVILEGE_WITHDRAWN);
        return map;
    }

    static String slugs(Set<ProfileKind> kinds) {
        return kinds.stream().map(ProfileKind::slug).toList().toString();
    }
}
