package dev.smki.core.revocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a SoLR event stands: open or closed, the revocation delay, the MPID transfer, and the revocation
 * requests held under Section L16.
 *
 * @param event the event
 * @param open whether the event is still open
 * @param revocationDelay where the SMKI PMA's revocation delay stands
 * @param endedBy what ended the delay (or was reached before any delay), once reached
 * @param mpidTransfer where the MPID transfer stands
 * @param held the revocation requests held while the delay is in force, oldest first
 */
public record SolrStatus(
        SolrEvent event,
        boolean open,
        Delay revocationDelay,
        Optional<SolrEndCondition> endedBy,
        MpidTransfer mpidTransfer,
        List<RevocationRequest> held) {

    /** Where the revocation delay stands. */
    public enum Delay {
        /** The SMKI PMA has not delayed revocation. */
        NOT_DELAYED,
        /** The SMKI PMA delays revocation; requests are held. */
        IN_FORCE,
        /** An end condition was reached (or the SMKI PMA ended the delay); revocations proceed, and this simulation does not delay them again (SOLR-7, reconstructed). */
        ENDED
    }

    /** Where the transfer of the failed Supplier's MPIDs to the SoLR stands (MP185). */
    public enum MpidTransfer {
        /** Not transferred yet, and not delayed. */
        DUE,
        /** Delayed by the SMKI PMA until the SoLR agrees the transfer with the SMKI PMA and the DCC. */
        DELAYED,
        /** Transferred to the SoLR. */
        TRANSFERRED
    }

    /**
     * Checks the components.
     *
     * @param event the event
     * @param open whether the event is still open
     * @param revocationDelay where the SMKI PMA's revocation delay stands
     * @param endedBy what ended the delay (or was reached before any delay), once reached
     * @param mpidTransfer where the MPID transfer stands
     * @param held the revocation requests held while the delay is in force, oldest first
     * @throws NullPointerException when a component is null
     */
    public SolrStatus {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(revocationDelay, "revocationDelay");
        Objects.requireNonNull(endedBy, "endedBy");
        Objects.requireNonNull(mpidTransfer, "mpidTransfer");
        held = List.copyOf(held);
    }

    /** {@return whether the SMKI PMA's revocation delay is in force} */
    public boolean isDelayInForce() {
        return revocationDelay == Delay.IN_FORCE;
    }
}
