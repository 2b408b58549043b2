package dev.smki.recovery.procedures;

import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.custody.KeyShare;
import dev.smki.recovery.workflow.Effect;
import dev.smki.recovery.workflow.Offer;
import dev.smki.recovery.workflow.Payload;
import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.StepId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A key ceremony of a procedure: the per-custodian attendance step (its item the custodian's id, {@code KC-02}, or
 * {@code KC-02@2} at the second session), the step activating the keys once a quorum is present, and which keys.
 * Attendance presents the custodian's shares (CUS-1, REC-2) and records them present; activation reconstructs the
 * keys from the shares of the custodians present, under an SMKI PMA authorisation (REC-1, REC-2, CUS-5).
 *
 * <p>{@link #all()} names every ceremony of the procedures, so that whoever drives a run knows which steps a plan's
 * attendance events and sessions apply to.
 *
 * @param attendance the per-custodian attendance step
 * @param activation the step activating the keys
 * @param keys the keys the ceremony activates, read from the incident (the Recovery Key Direction's authorising key)
 */
public record KeyCeremony(StepId attendance, StepId activation, Function<IncidentState, Set<CustodyKey>> keys) {

    /**
     * Checks the components.
     *
     * @param attendance the per-custodian attendance step
     * @param activation the step activating the keys
     * @param keys the keys the ceremony activates, read from the incident (the Recovery Key Direction's authorising
     *     key)
     * @throws NullPointerException when a component is null
     */
    public KeyCeremony {
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(keys, "keys");
    }

    /** {@return every ceremony of the procedures of this package} */
    public static List<KeyCeremony> all() {
        return List.of(
                Contingency.CEREMONY,
                RecoveryKeyUse.CEREMONY,
                RecoveryKeyReplacement.CEREMONY,
                RecoveryKeyDirection.CEREMONY,
                ContingencyKeyCompromise.CEREMONY,
                Exercise.CEREMONY);
    }

    /**
     * {@return the ceremony whose attendance or activation step is {@code step}, if any}
     *
     * @param step the step
     */
    public static Optional<KeyCeremony> of(StepId step) {
        return all().stream()
                .filter(c -> c.attendance().equals(step) || c.activation().equals(step))
                .findFirst();
    }

    /**
     * {@return the attendance item of {@code custodian} at {@code session}: {@code KC-02}, or {@code KC-02@2}}
     *
     * @param custodian the Key Custodian
     * @param session the session, from 1
     */
    public static String item(CustodianId custodian, int session) {
        return session == 1 ? custodian.value() : custodian.value() + "@" + session;
    }

    /**
     * {@return the custodian an attendance item names}
     *
     * @param item the item, such as a Device
     */
    public static CustodianId custodian(String item) {
        int at = item.indexOf('@');
        return CustodianId.of(at < 0 ? item : item.substring(0, at));
    }

    /**
     * {@return the session an attendance item is for, from 1}
     *
     * @param item the item, such as a Device
     */
    public static int session(String item) {
        int at = item.indexOf('@');
        return at < 0 ? 1 : Integer.parseInt(item.substring(at + 1));
    }

    /**
     * Returns what an attending custodian hands over: their current shares of the ceremony's keys, or, where the
     * actors' choices say so, the shares of the next custodian on the roster.
     */
    Offer<IncidentState> offer() {
        return (state, item) -> {
            String attendanceItem = item.orElseThrow();
            CustodianId custodian = custodian(attendanceItem);
            CustodianId holder =
                    state.choices().wrongShares().contains(attendanceItem) ? otherThan(state, custodian) : custodian;
            return new Attendance(
                    custodian, session(attendanceItem), state.custody().sharesOf(holder, keys.apply(state)));
        };
    }

    private static CustodianId otherThan(IncidentState state, CustodianId custodian) {
        List<CustodianId> holders = new ArrayList<>(state.custody().shares().keySet());
        int at = holders.indexOf(custodian);
        return holders.isEmpty() ? custodian : holders.get((at + 1) % holders.size());
    }

    /** Returns the effect of an accepted attendance: the custodian is present at the session. */
    Effect<IncidentState> attend() {
        return (state, attempt) -> {
            String attendanceItem = attempt.item().orElseThrow();
            CustodianId custodian = custodian(attendanceItem);
            state.custody().attend(custodian, session(attendanceItem));
            return custodian + " present at session " + session(attendanceItem) + ": "
                    + keys.apply(state).stream()
                            .sorted()
                            .map(k -> k + " " + state.custody().ceremony(k))
                            .collect(Collectors.joining(", "));
        };
    }

    /** Returns the effect of an accepted activation: the keys are reconstructed and active. */
    Effect<IncidentState> activate() {
        return (state, attempt) -> state.custody()
                .activate(
                        keys.apply(state).stream().sorted().toList(),
                        state.incident().value());
    }

    /** Returns the effect that deactivates the ceremony's keys. */
    String deactivate(IncidentState state) {
        return state.custody().deactivate(keys.apply(state).stream().sorted().toList());
    }

    /**
     * What a custodian hands over at a ceremony: the shares they present. The journal records whose shares they
     * are, never the shares.
     *
     * @param custodian the custodian attending
     * @param session the session, from 1
     * @param shares the shares presented
     */
    public record Attendance(CustodianId custodian, int session, List<KeyShare> shares) implements Payload {

        /**
         * Checks the components.
         *
         * @param custodian the custodian attending
         * @param session the session, from 1
         * @param shares the shares presented
         * @throws NullPointerException when a component is null
         */
        public Attendance {
            Objects.requireNonNull(custodian, "custodian");
            shares = List.copyOf(shares);
        }

        @Override
        public PayloadSummary summary() {
            return PayloadSummary.builder()
                    .put("custodian", custodian.value())
                    .put("session", Integer.toString(session))
                    .put(
                            "sharesOf",
                            shares.stream()
                                    .map(s -> s.holder().value())
                                    .distinct()
                                    .collect(Collectors.joining(",")))
                    .build();
        }
    }
}
