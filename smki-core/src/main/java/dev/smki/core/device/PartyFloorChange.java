package dev.smki.core.device;

import dev.smki.core.identity.RemotePartyRole;
import java.util.List;
import java.util.Objects;

/**
 * A RemotePartySeqNumberChange: the new sequence-number floor of one Remote Party, with its specialist floors
 * ({@code SEQUENCE { remotePartyRole, floorSeqNumber INTEGER, specialistFloorSeqNumber SEQUENCE OF
 * SpecialistSeqNumber OPTIONAL }}, observed in the DCC's Reference Test Data Set). A command carries these for
 * parties other than the one whose cells it replaces (otherRemotePartySeqNumberChanges, GBCS: "should be present
 * if one role (e.g. recovery, transitionalCoS) is changing credentials for another role"); a response lists the
 * floors the command set.
 *
 * @param role the party
 * @param floor its new floor, not negative
 * @param specialistFloors its new specialist floors, possibly none
 */
public record PartyFloorChange(RemotePartyRole role, long floor, List<SpecialistFloor> specialistFloors) {

    /**
     * Checks the change.
     *
     * @param role the party
     * @param floor its new floor, not negative
     * @param specialistFloors its new specialist floors, possibly none
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the floor is negative
     */
    public PartyFloorChange {
        Objects.requireNonNull(role, "role");
        specialistFloors = List.copyOf(specialistFloors);
        if (floor < 0) {
            throw new IllegalArgumentException("A sequence-number floor is not negative: " + floor);
        }
    }

    /**
     * {@return the change of {@code role}'s floor to {@code floor}, with no specialist floor}
     *
     * @param role the party
     * @param floor its new floor, not negative
     */
    public static PartyFloorChange of(RemotePartyRole role, long floor) {
        return new PartyFloorChange(role, floor, List.of());
    }
}
