package dev.smki.recovery.custody;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A key ceremony in progress: custodians present their shares until the quorum is met, then the key is
 * activated for one incident. Progress shows t of M; {@link #reset()} starts over. A refused share changes
 * nothing. Thread-safe.
 */
public final class KeyActivation {

    private final SimulatedHsm hsm;
    private final CustodyKey key;
    private final String incidentReference;
    private final long generation;
    private final Map<CustodianId, KeyShare> presented = new LinkedHashMap<>();

    KeyActivation(SimulatedHsm hsm, CustodyKey key, String incidentReference, long generation) {
        this.hsm = hsm;
        this.key = key;
        this.incidentReference = incidentReference;
        this.generation = generation;
    }

    /** {@return the key being activated} */
    public CustodyKey key() {
        return key;
    }

    /** {@return the incident the key is being activated for} */
    public String incidentReference() {
        return incidentReference;
    }

    long generation() {
        return generation;
    }

    /**
     * Records that a custodian presented their share, and returns the progress.
     *
     * @param share the share of Devices commissioned, 0 to 1
     * @return the progress of the activation
     * @throws CustodyViolationException when the share is not a current share of this key issued to its
     *     holder (CUS-1), the holder is not currently appointed or has already presented (REC-2), or the
     *     holder's Party is already counted where distinct Parties are required (CUS-4)
     */
    public synchronized ActivationProgress present(KeyShare share) {
        Objects.requireNonNull(share, "share");
        hsm.checkShare(this, share, new ArrayList<>(presented.keySet()));
        presented.put(share.holder(), share);
        return progress();
    }

    /** {@return how many distinct, currently appointed custodians have presented, of the M required} */
    public synchronized ActivationProgress progress() {
        List<CustodianId> counted = presented.keySet().stream()
                .filter(hsm.custodians()::isAppointed)
                .toList();
        return new ActivationProgress(counted.size(), hsm.quorum().m(), counted);
    }

    /** Forgets every presented share. */
    public synchronized void reset() {
        presented.clear();
    }

    /**
     * Activates the key from the presented shares of custodians who are still appointed.
     *
     * @return the activated key
     * @throws CustodyViolationException when fewer than M of them remain (REC-2), or the shares do not
     *     reconstruct the key in custody
     */
    public synchronized ActivatedKey activate() {
        ActivationProgress progress = progress();
        if (!progress.isQuorate()) {
            throw new CustodyViolationException(
                    CustodyRules.QUORUM,
                    key + " needs " + progress.required() + " currently appointed custodians, " + progress
                            + " have presented shares");
        }
        Map<Integer, byte[]> parts = new LinkedHashMap<>();
        for (CustodianId id : progress.counted()) {
            KeyShare share = presented.get(id);
            parts.put(share.index(), share.secret());
        }
        ActivatedKey activated = new ActivatedKey(key, incidentReference, hsm.reconstruct(this, parts));
        presented.clear();
        return activated;
    }

    @Override
    public String toString() {
        return "KeyActivation[" + key + " for " + incidentReference + ", " + progress() + "]";
    }
}
