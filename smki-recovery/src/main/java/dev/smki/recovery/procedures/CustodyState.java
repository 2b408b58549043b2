package dev.smki.recovery.procedures;

import dev.smki.core.contingency.SymmetricKey;
import dev.smki.core.device.Authoriser;
import dev.smki.core.identity.Eui64;
import dev.smki.core.issuance.SigningKey;
import dev.smki.recovery.custody.ActivatedKey;
import dev.smki.recovery.custody.ActivationProgress;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.Custodians;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyActivation;
import dev.smki.recovery.custody.KeyCustodian;
import dev.smki.recovery.custody.KeyShare;
import dev.smki.recovery.custody.KeyUseAuthorisation;
import dev.smki.recovery.custody.Quorum;
import dev.smki.recovery.custody.SimulatedHsm;
import dev.smki.recovery.incident.PmaDecision;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The custody slice of an {@link IncidentState}: the SMKI PMA's authorisations (its decision D3, a Recovery Key
 * Direction, an authorisation of the key replacing the Recovery key, an exercise approval), the Key Custodians and the
 * shares they hold, who is present at the current
 * session, the simulated HSM and the keys it has activated. Changed only by the effects of accepted steps and by the
 * events a plan injects (a custodian ceasing, an HSM failure).
 *
 * <p>Custodians may be present before any decision (they are notified early, seed 002 §3.6); a key is activated only
 * under an authorisation that requires it (REC-1), from the shares of at least M distinct, currently appointed
 * custodians present at the session (REC-2).
 */
public final class CustodyState {

    private final Custodians custodians;
    private final Quorum quorum;
    private final SimulatedHsm hsm;
    private final Map<CustodianId, List<KeyShare>> shares = new TreeMap<>();
    private final List<KeyUseAuthorisation> authorisations = new ArrayList<>();
    private final Map<CustodyKey, ActivatedKey> activated = new EnumMap<>(CustodyKey.class);
    private final Set<CustodianId> present = new LinkedHashSet<>();
    private int session = 1;
    private PmaDecision decision;
    private RecoveryKeyReplacement.AfterUse afterUse;
    private RecoveryKeyDirection.Direction direction;
    private Instant notifiedAt;
    private Instant hsmUnavailableUntil = Instant.MIN;

    CustodyState(Custodians custodians, Quorum quorum, SecureRandom random) {
        this.custodians = Objects.requireNonNull(custodians, "custodians");
        this.quorum = Objects.requireNonNull(quorum, "quorum");
        this.hsm = SimulatedHsm.create(custodians, quorum, random);
    }

    /** {@return the quorum keys are split with} */
    public Quorum quorum() {
        return quorum;
    }

    /** {@return the roster} */
    public Custodians custodians() {
        return custodians;
    }

    /** {@return the simulated HSM} */
    public SimulatedHsm hsm() {
        return hsm;
    }

    /** {@return the shares each custodian holds now, by custodian} */
    public Map<CustodianId, List<KeyShare>> shares() {
        Map<CustodianId, List<KeyShare>> copy = new TreeMap<>();
        shares.forEach((id, held) -> copy.put(id, List.copyOf(held)));
        return copy;
    }

    /** Takes {@code secret} into custody as {@code key}, handing new shares to the appointed custodians. */
    void store(CustodyKey key, byte[] secret) {
        for (KeyShare share : hsm.store(key, secret)) {
            List<KeyShare> held = shares.computeIfAbsent(share.holder(), h -> new ArrayList<>());
            held.removeIf(old -> old.key() == share.key());
            held.add(share);
        }
        shares.keySet().removeIf(id -> !custodians.isAppointed(id));
    }

    // ---- authorisations ----

    /** {@return the SMKI PMA's decision for the incident (D3), once made} */
    public Optional<PmaDecision> decision() {
        return Optional.ofNullable(decision);
    }

    void decide(PmaDecision pmaDecision) {
        decision = Objects.requireNonNull(pmaDecision, "pmaDecision");
        authorisations.add(pmaDecision);
    }

    void authorise(KeyUseAuthorisation authorisation) {
        authorisations.add(Objects.requireNonNull(authorisation, "authorisation"));
    }

    /**
     * {@return whether an SMKI PMA authorisation for {@code incident} requires {@code key} (REC-1)}
     *
     * @param incident the incident
     * @param key the key
     */
    public boolean isAuthorised(String incident, CustodyKey key) {
        return authorisations.stream().anyMatch(a -> a.incidentReference().equals(incident) && a.authorises(key));
    }

    /** {@return what was decided about the Recovery key after its use, if anything (RK0)} */
    public Optional<RecoveryKeyReplacement.AfterUse> afterUse() {
        return Optional.ofNullable(afterUse);
    }

    void decideAfterUse(RecoveryKeyReplacement.AfterUse decided) {
        afterUse = Objects.requireNonNull(decided, "decided");
    }

    /** {@return the SMKI PMA's Recovery Key Direction, once given (RKD1)} */
    public Optional<RecoveryKeyDirection.Direction> direction() {
        return Optional.ofNullable(direction);
    }

    /** Records the SMKI PMA's Recovery Key Direction, which authorises the Recovery key for its use (REC-1). */
    void direct(RecoveryKeyDirection.Direction given) {
        direction = Objects.requireNonNull(given, "given");
        authorise(given);
    }

    // ---- sessions and attendance ----

    /** {@return when the custodians were notified of the session, if they were} */
    public Optional<Instant> notifiedAt() {
        return Optional.ofNullable(notifiedAt);
    }

    void notifyCustodians(Instant at) {
        notifiedAt = Objects.requireNonNull(at, "at");
    }

    /**
     * {@return whether {@code custodian} is currently appointed (REC-2)}
     *
     * @param custodian the Key Custodian
     */
    public boolean isAppointed(CustodianId custodian) {
        return custodians.isAppointed(custodian);
    }

    /**
     * {@return whether {@code share} is a current share issued to {@code custodian} (CUS-1)}
     *
     * @param share the share of Devices commissioned, 0 to 1
     * @param custodian the Key Custodian
     */
    public boolean isCurrentShareOf(KeyShare share, CustodianId custodian) {
        return share.holder().equals(custodian)
                && shares.getOrDefault(custodian, List.of()).contains(share);
    }

    /**
     * {@return the shares {@code custodian} holds of {@code keys}, in key order}
     *
     * @param custodian the Key Custodian
     * @param keys the keys
     */
    public List<KeyShare> sharesOf(CustodianId custodian, Collection<CustodyKey> keys) {
        return shares.getOrDefault(custodian, List.of()).stream()
                .filter(s -> keys.contains(s.key()))
                .toList();
    }

    /** {@return the session under way, from 1} */
    public int session() {
        return session;
    }

    /** {@return the custodians present at the session under way, in the order they came} */
    public List<CustodianId> present() {
        return List.copyOf(present);
    }

    /** Records {@code custodian} present at {@code newSession}; a later session starts with nobody present. */
    void attend(CustodianId custodian, int newSession) {
        if (newSession != session) {
            session = newSession;
            present.clear();
        }
        present.add(custodian);
    }

    /**
     * {@return how far the ceremony activating {@code key} is: the custodians present at the session who are
     * appointed and hold a current share of it, of the M required}
     *
     * @param key the key
     */
    public ActivationProgress ceremony(CustodyKey key) {
        List<CustodianId> counted = present.stream()
                .filter(custodians::isAppointed)
                .filter(id -> !sharesOf(id, Set.of(key)).isEmpty())
                .toList();
        return new ActivationProgress(counted.size(), quorum.m(), counted);
    }

    /**
     * {@return whether the HSM works at {@code now}, no injected failure being under way (CUS-5)}
     *
     * @param now the time now
     */
    public boolean isHsmAvailable(Instant now) {
        return !now.isBefore(hsmUnavailableUntil);
    }

    /** {@return when an injected HSM failure ends, if one was injected} */
    public Optional<Instant> hsmUnavailableUntil() {
        return hsmUnavailableUntil.equals(Instant.MIN) ? Optional.empty() : Optional.of(hsmUnavailableUntil);
    }

    void failHsmUntil(Instant until) {
        hsmUnavailableUntil = Objects.requireNonNull(until, "until");
    }

    /** Ceases {@code custodian}, whose shares then never count (an injected event). */
    void cease(CustodianId custodian, Instant at) {
        custodians.cease(custodian, at);
    }

    /** Appoints a new custodian, as a roster refresh does (T7). */
    KeyCustodian appoint(CustodianId id, String party, Instant at) {
        return custodians.appointDirectly(id, "Custodian " + id.value(), party, at);
    }

    // ---- activated keys ----

    /** Activates {@code keys} for {@code incident} from the shares of the custodians present; returns a note. */
    String activate(Collection<CustodyKey> keys, String incident) {
        List<String> done = new ArrayList<>();
        for (CustodyKey key : keys) {
            KeyUseAuthorisation authorisation = authorisations.stream()
                    .filter(a -> a.incidentReference().equals(incident) && a.authorises(key))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("No authorisation for " + incident + " requires " + key));
            KeyActivation ceremony = hsm.beginActivation(key, authorisation);
            for (CustodianId id : ceremony(key).counted()) {
                sharesOf(id, Set.of(key)).forEach(ceremony::present);
            }
            ActivationProgress progress = ceremony.progress();
            activated.put(key, ceremony.activate());
            done.add(key + " by " + progress.counted());
        }
        return "activated " + String.join(", ", done);
    }

    /**
     * {@return whether {@code key} is activated and not yet deactivated (CUS-2)}
     *
     * @param key the key
     */
    public boolean isActive(CustodyKey key) {
        ActivatedKey active = activated.get(key);
        return active != null && active.isActive();
    }

    /** Deactivates {@code keys}; returns a note. */
    String deactivate(Collection<CustodyKey> keys) {
        List<CustodyKey> done = new ArrayList<>();
        for (CustodyKey key : keys) {
            if (isActive(key)) {
                activated.get(key).deactivate();
                done.add(key);
            }
        }
        return done.isEmpty() ? "no key was active" : "deactivated " + done;
    }

    /** Returns the signer of the active {@code key}, speaking as {@code originator} with {@code publicKey}. */
    Authoriser signer(CustodyKey key, Eui64 originator, PublicKey publicKey) {
        if (!isActive(key)) {
            throw new IllegalStateException(key + " is not active");
        }
        return Authoriser.of(
                originator,
                SigningKey.of(new KeyPair(publicKey, activated.get(key).privateKey())));
    }

    /** Returns the Symmetric Key recovered from custody, while it is active. */
    SymmetricKey symmetricKey() {
        if (!isActive(CustodyKey.CONTINGENCY_SYMMETRIC_KEY)) {
            throw new IllegalStateException("The Symmetric Key is not active");
        }
        return SymmetricKey.of(
                activated.get(CustodyKey.CONTINGENCY_SYMMETRIC_KEY).secret());
    }

    /** Returns the holders of the shares, for a note. */
    String holders() {
        return quorum + " among " + shares.keySet();
    }
}
