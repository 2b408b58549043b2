package dev.smki.recovery.custody;

import com.codahale.shamir.Scheme;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A simulated hardware security module for the keys used only in recovery: it splits each key into Shamir
 * shares (com.codahale:shamir) held by Key Custodians and keeps only a fingerprint, so a key can be used only
 * after a ceremony in which a quorum of appointed custodians presents shares, for an incident whose SMKI PMA
 * decision requires that key (REC-1, REC-2). Thread-safe.
 */
public final class SimulatedHsm {

    private final Custodians custodians;
    private final Quorum quorum;
    private final SecureRandom random;
    private final boolean distinctParties;
    private final Map<CustodyKey, Stored> stored = new EnumMap<>(CustodyKey.class);
    private long generations;

    private SimulatedHsm(Custodians custodians, Quorum quorum, SecureRandom random, boolean distinctParties) {
        this.custodians = Objects.requireNonNull(custodians, "custodians");
        this.quorum = Objects.requireNonNull(quorum, "quorum");
        this.random = Objects.requireNonNull(random, "random");
        this.distinctParties = distinctParties;
    }

    /**
     * {@return an HSM splitting keys {@code quorum.m()} of {@code quorum.n()} among {@code custodians}, drawing
     * Shamir coefficients from {@code random} (seed it for a reproducible rehearsal)}
     *
     * @param custodians the Key Custodians
     * @param quorum the custody quorum
     * @param random the source of randomness
     */
    public static SimulatedHsm create(Custodians custodians, Quorum quorum, SecureRandom random) {
        return new SimulatedHsm(custodians, quorum, random, false);
    }

    /** {@return a copy that also requires the custodians of one quorum to come from different Parties (CUS-4)} */
    public SimulatedHsm requiringDistinctParties() {
        return new SimulatedHsm(custodians, quorum, random, true);
    }

    /** {@return the quorum keys are split with} */
    public Quorum quorum() {
        return quorum;
    }

    /** {@return the roster whose appointed custodians hold shares} */
    public Custodians custodians() {
        return custodians;
    }

    /**
     * Takes {@code secret} into custody: splits it into N shares, one for each of the first N currently
     * appointed custodians (by id), keeps only a fingerprint, and returns the shares to hand out. Storing a
     * key again replaces it; shares of the older split no longer count.
     *
     * @param key the key
     * @param secret the key to take into custody
     * @return the shares, one for each custodian
     * @throws CustodyViolationException when fewer than N custodians are appointed
     */
    public synchronized List<KeyShare> store(CustodyKey key, byte[] secret) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
        List<KeyCustodian> appointed = custodians.appointed();
        if (appointed.size() < quorum.n()) {
            throw new CustodyViolationException(
                    CustodyRules.QUORUM,
                    "splitting " + key + " " + quorum + " needs " + quorum.n() + " appointed custodians, "
                            + appointed.size() + " are appointed");
        }
        Map<Integer, byte[]> parts = new Scheme(random, quorum.n(), quorum.m()).split(secret);
        long generation = ++generations;
        Map<Integer, CustodianId> holders = new TreeMap<>();
        List<KeyShare> shares = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Integer, byte[]> part : new TreeMap<>(parts).entrySet()) {
            CustodianId holder = appointed.get(i++).id();
            holders.put(part.getKey(), holder);
            shares.add(new KeyShare(key, holder, part.getKey(), generation, part.getValue()));
        }
        stored.put(key, new Stored(generation, fingerprint(secret), holders));
        return List.copyOf(shares);
    }

    /**
     * {@return whether {@code key} is in custody}
     *
     * @param key the key
     */
    public synchronized boolean holds(CustodyKey key) {
        return stored.containsKey(key);
    }

    /**
     * Begins a ceremony to activate {@code key} under {@code authorisation}.
     *
     * @param key the key
     * @param authorisation the SMKI PMA's authorisation
     * @return the activation, waiting for shares
     * @throws CustodyViolationException when the key is not in custody, or the authorisation does not require
     *     that key (REC-1)
     */
    public synchronized KeyActivation beginActivation(CustodyKey key, KeyUseAuthorisation authorisation) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(authorisation, "authorisation");
        if (!authorisation.authorises(key)) {
            throw new CustodyViolationException(
                    CustodyRules.DECISION_GATE,
                    "no SMKI PMA decision for incident " + authorisation.incidentReference() + " requires " + key);
        }
        Stored s = stored.get(key);
        if (s == null) {
            throw new CustodyViolationException(CustodyRules.QUORUM, key + " is not in custody");
        }
        return new KeyActivation(this, key, authorisation.incidentReference(), s.generation);
    }

    synchronized void checkShare(KeyActivation activation, KeyShare share, List<CustodianId> counted) {
        Stored s = stored.get(activation.key());
        if (share.key() != activation.key()
                || share.generation() != activation.generation()
                || s == null
                || s.generation != activation.generation()
                || !share.holder().equals(s.holders.get(share.index()))) {
            throw new CustodyViolationException(
                    CustodyRules.OWN_SHARE,
                    share + " is not a current share of " + activation.key() + " issued to " + share.holder());
        }
        if (!custodians.isAppointed(share.holder())) {
            throw new CustodyViolationException(
                    CustodyRules.QUORUM, share.holder() + " is not currently appointed, so their share does not count");
        }
        if (counted.contains(share.holder())) {
            throw new CustodyViolationException(
                    CustodyRules.QUORUM, share.holder() + " has already presented a share; one custodian counts once");
        }
        if (distinctParties) {
            String party = custodians.find(share.holder()).orElseThrow().party();
            for (CustodianId other : counted) {
                if (custodians.find(other).orElseThrow().party().equals(party)) {
                    throw new CustodyViolationException(
                            CustodyRules.DISTINCT_PARTIES,
                            share.holder() + " and " + other + " both come from " + party);
                }
            }
        }
    }

    synchronized byte[] reconstruct(KeyActivation activation, Map<Integer, byte[]> parts) {
        Stored s = stored.get(activation.key());
        if (s == null || s.generation != activation.generation()) {
            throw new CustodyViolationException(
                    CustodyRules.OWN_SHARE, activation.key() + " was re-split since this ceremony began");
        }
        byte[] secret = new Scheme(random, quorum.n(), quorum.m()).join(parts);
        if (!MessageDigest.isEqual(fingerprint(secret), s.fingerprint)) {
            throw new CustodyViolationException(
                    CustodyRules.OWN_SHARE, "the presented shares do not reconstruct " + activation.key());
        }
        return secret;
    }

    private static byte[] fingerprint(byte[] secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private record Stored(long generation, byte[] fingerprint, Map<Integer, CustodianId> holders) {}

    @Override
    public String toString() {
        return "SimulatedHsm[" + quorum + ", holds " + stored.keySet() + "]";
    }
}
