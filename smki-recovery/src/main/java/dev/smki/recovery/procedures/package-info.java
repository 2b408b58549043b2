/**
 * The SEC SMKI recovery procedures, one class per procedure reading like its table, each step defined in one place
 * with its guards, what its actor hands over and its effect on the incident's state: {@link
 * dev.smki.recovery.procedures.Notify}, {@link dev.smki.recovery.procedures.Decide} (with the {@link
 * dev.smki.recovery.procedures.RecoveryKeyGuidance}), {@link dev.smki.recovery.procedures.MethodOne}, {@link
 * dev.smki.recovery.procedures.RecoveryKeyUse}, {@link dev.smki.recovery.procedures.Contingency}, {@link
 * dev.smki.recovery.procedures.Distribute}, {@link dev.smki.recovery.procedures.CsrCoordination}, {@link
 * dev.smki.recovery.procedures.RecoveryKeyReplacement}, {@link dev.smki.recovery.procedures.Revoke}, {@link
 * dev.smki.recovery.procedures.SupplierOfLastResortDelay}, {@link dev.smki.recovery.procedures.Exercise} and
 * {@link dev.smki.recovery.procedures.CustodianLifecycle}; their composition into one incident's response ({@link
 * dev.smki.recovery.procedures.IncidentResponses}, {@link dev.smki.recovery.procedures.BuiltInProcedure}); the state
 * they run on, {@link dev.smki.recovery.procedures.IncidentState}, made of small slices ({@link
 * dev.smki.recovery.procedures.PkiState}, {@link dev.smki.recovery.procedures.CustodyState}, {@link
 * dev.smki.recovery.procedures.FleetState}, {@link dev.smki.recovery.procedures.RegistryState}, {@link
 * dev.smki.recovery.procedures.RevocationState}, {@link dev.smki.recovery.procedures.IncidentClock}); the guards
 * enforcing the REC invariants ({@link dev.smki.recovery.procedures.RecoveryGuards}) and the invariants over
 * step orders ({@link dev.smki.recovery.procedures.RecoveryInvariants}); the analysis of alternative contingency orders ({@link
 * dev.smki.recovery.procedures.ContingencyOrders}); and what a user may change ({@link
 * dev.smki.recovery.procedures.ProcedureSettings}). Start at {@link
 * dev.smki.recovery.procedures.IncidentResponses}.
 *
 * <p>Stability: most steps are inferred or reconstructed from the research notes (recovery.md §2); each step
 * cites its source and confidence, and every duration and reconstructed step is configurable.
 */
@NullMarked
package dev.smki.recovery.procedures;

import org.jspecify.annotations.NullMarked;
