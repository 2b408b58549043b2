package dev.smki.recovery.custody;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The roster of Key Custodians and their lifecycle: nominate, vet, appoint, cease (rule CUS-3). Thread-safe;
 * a refused step changes nothing.
 */
public final class Custodians {

    private final Map<CustodianId, KeyCustodian> roster = new TreeMap<>();

    /** {@return an empty roster} */
    public static Custodians empty() {
        return new Custodians();
    }

    /**
     * Nominates a new custodian.
     *
     * @param id the id
     * @param name the name
     * @param party the SEC Party
     * @param at when it happens
     * @return the custodian, nominated
     * @throws CustodyViolationException when the id is already on the roster
     */
    public synchronized KeyCustodian nominate(CustodianId id, String name, String party, Instant at) {
        Objects.requireNonNull(id, "id");
        if (roster.containsKey(id)) {
            throw new CustodyViolationException(CustodyRules.LIFECYCLE, id + " is already on the roster");
        }
        KeyCustodian custodian = new KeyCustodian(id, name, party, CustodianStatus.NOMINATED, at);
        roster.put(id, custodian);
        return custodian;
    }

    /**
     * Records that the nominated custodian passed security screening.
     *
     * @param id the id
     * @param at when it happens
     * @return the custodian, vetted
     */
    public synchronized KeyCustodian vet(CustodianId id, Instant at) {
        return move(id, CustodianStatus.NOMINATED, CustodianStatus.VETTED, at);
    }

    /**
     * Appoints a vetted custodian, whose shares then count.
     *
     * @param id the id
     * @param at when it happens
     * @return the custodian, appointed
     */
    public synchronized KeyCustodian appoint(CustodianId id, Instant at) {
        return move(id, CustodianStatus.VETTED, CustodianStatus.APPOINTED, at);
    }

    /**
     * Records that a custodian ceased (resigned, left their Party, removed); they never count again.
     *
     * @param id the id
     * @param at when it happens
     * @return the custodian, ceased
     */
    public synchronized KeyCustodian cease(CustodianId id, Instant at) {
        KeyCustodian custodian = require(id);
        if (custodian.status() == CustodianStatus.CEASED) {
            throw new CustodyViolationException(CustodyRules.LIFECYCLE, id + " has already ceased");
        }
        KeyCustodian ceased = custodian.withStatus(CustodianStatus.CEASED, at);
        roster.put(id, ceased);
        return ceased;
    }

    /**
     * Nominates, vets and appoints a custodian in one go, as a rehearsal's set-up does.
     *
     * @param id the id
     * @param name the name
     * @param party the SEC Party
     * @param at when it happens
     * @return the custodian, appointed
     * @throws CustodyViolationException when the id is already on the roster
     */
    public synchronized KeyCustodian appointDirectly(CustodianId id, String name, String party, Instant at) {
        nominate(id, name, party, at);
        vet(id, at);
        return appoint(id, at);
    }

    /**
     * {@return the custodian with {@code id}, if on the roster}
     *
     * @param id the id
     */
    public synchronized Optional<KeyCustodian> find(CustodianId id) {
        return Optional.ofNullable(roster.get(id));
    }

    /**
     * {@return whether {@code id} is currently appointed}
     *
     * @param id the id
     */
    public synchronized boolean isAppointed(CustodianId id) {
        KeyCustodian custodian = roster.get(id);
        return custodian != null && custodian.isAppointed();
    }

    /** {@return the currently appointed custodians, by id} */
    public synchronized List<KeyCustodian> appointed() {
        return roster.values().stream().filter(KeyCustodian::isAppointed).toList();
    }

    /** {@return every custodian on the roster, by id} */
    public synchronized List<KeyCustodian> all() {
        return new ArrayList<>(roster.values());
    }

    private KeyCustodian move(CustodianId id, CustodianStatus from, CustodianStatus to, Instant at) {
        KeyCustodian custodian = require(id);
        if (custodian.status() != from) {
            throw new CustodyViolationException(
                    CustodyRules.LIFECYCLE,
                    id + " cannot become " + to + " from " + custodian.status() + " (needs " + from + ")");
        }
        KeyCustodian moved = custodian.withStatus(to, at);
        roster.put(id, moved);
        return moved;
    }

    private KeyCustodian require(CustodianId id) {
        KeyCustodian custodian = roster.get(Objects.requireNonNull(id, "id"));
        if (custodian == null) {
            throw new CustodyViolationException(CustodyRules.LIFECYCLE, id + " is not on the roster");
        }
        return custodian;
    }
}
