package dev.smki.recovery.procedures;

import dev.smki.core.registration.RangeDeclaration;
import dev.smki.core.revocation.SolrStatus;
import dev.smki.recovery.custody.ActivationProgress;
import dev.smki.recovery.custody.CustodianId;
import dev.smki.recovery.custody.CustodyKey;
import dev.smki.recovery.incident.IncidentId;
import dev.smki.recovery.incident.PmaDecision;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the guards of the recovery procedures read about the world outside a procedure run: the incident, the
 * SMKI PMA's authorisations, the key ceremonies and custodians, the new Root OCA, the Relevant Devices, the
 * Recovery Key Direction, the Organisation Information Forms and a Supplier of Last Resort event. Put the one
 * instance describing the incident in the run's {@link dev.smki.recovery.workflow.RunContext}; guards read it
 * when a step is attempted, never when a journal is replayed.
 */
public interface IncidentState {

    /** Returns the incident the run belongs to. */
    IncidentId incident();

    /** Returns the SMKI PMA's decision for this incident (D3), once made. */
    Optional<PmaDecision> decision();

    /**
     * Returns whether an SMKI PMA authorisation for this incident (a decision D3, a direction RK2, an exercise
     * approval T2) requires {@code key} (REC-1).
     */
    boolean isAuthorised(CustodyKey key);

    /** Returns the progress of the ceremony activating {@code key} for this incident, once one has begun. */
    Optional<ActivationProgress> ceremony(CustodyKey key);

    /** Returns whether {@code custodian} is currently appointed (REC-2). */
    boolean isAppointed(CustodianId custodian);

    /** Returns whether {@code key} is activated for this incident and not yet deactivated (CUS-2). */
    boolean isActive(CustodyKey key);

    /** Returns whether a new Root OCA carrying fresh contingency material exists (C2; REC-6). */
    boolean hasNewRoot();

    /** Returns whether the new OCA certificates are published in the SMKI Repository (CS1; REC-10). */
    boolean isNewOcaPublished();

    /** Returns how far the incident's Relevant Devices are with the current device updates (REC-8). */
    DeviceScope scope();

    /**
     * Returns whether every Relevant Device holds the new Root OCA or has been written off (REC-10); true when no
     * Root replacement is under way, since certificates then chain to the Root the Devices hold.
     */
    boolean devicesHoldNewRoot();

    /** Returns the Recovery Key Direction given for this incident, if any (RK0). */
    Optional<RecoveryKeyDirection.Direction> recoveryKeyDirection();

    /** Returns the items of the CSR submission schedule issued at CS2 (one per certificate to re-issue). */
    Set<String> csrSchedule();

    /** Returns the EUI-64 ranges the Parties declared on their Organisation Information Forms (OIF-4). */
    List<RangeDeclaration> organisationInformation();

    /** Returns where this incident's Supplier of Last Resort event stands, if it is one (REC-12). */
    Optional<SolrStatus> solrEvent();
}
