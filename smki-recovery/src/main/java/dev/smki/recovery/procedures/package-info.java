/**
 * The SEC SMKI recovery procedures as data, one class per procedure reading like its table: {@link
 * dev.smki.recovery.procedures.Notify}, {@link dev.smki.recovery.procedures.Decide} (with the {@link
 * dev.smki.recovery.procedures.RecoveryKeyGuidance}), {@link dev.smki.recovery.procedures.MethodOne}, {@link
 * dev.smki.recovery.procedures.RecoveryKeyUse}, {@link dev.smki.recovery.procedures.Contingency}, {@link
 * dev.smki.recovery.procedures.Distribute}, {@link dev.smki.recovery.procedures.CsrCoordination}, {@link
 * dev.smki.recovery.procedures.RecoveryKeyDirection}, {@link dev.smki.recovery.procedures.Revoke}, {@link
 * dev.smki.recovery.procedures.SupplierOfLastResortDelay}, {@link dev.smki.recovery.procedures.Exercise} and
 * {@link dev.smki.recovery.procedures.CustodianLifecycle}; their composition into one incident's response ({@link
 * dev.smki.recovery.procedures.IncidentResponses}); the guards enforcing the REC invariants ({@link
 * dev.smki.recovery.procedures.RecoveryGuards}); the analysis of alternative contingency orders ({@link
 * dev.smki.recovery.procedures.ContingencyOrders}); and what a user may change ({@link
 * dev.smki.recovery.procedures.ProcedureSettings}). Start at {@link
 * dev.smki.recovery.procedures.IncidentResponses}.
 *
 * <p>Stability: most steps are inferred or reconstructed from the research notes (recovery.md §2); each step
 * cites its source and confidence, and every duration and reconstructed step is configurable.
 */
package dev.smki.recovery.procedures;
