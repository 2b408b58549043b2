/**
 * The generic step-ordered procedure engine: definitions, runs, guards, the journal and ordering analysis. It
 * knows nothing about keys: actors are roles, payloads are opaque apart from their summaries, and a procedure is
 * typed by the context its guards read and its steps' effects change ({@code Procedure<C>}, {@code
 * ProcedureRun<C>}). A step's definition, guards, offer and effect are defined together ({@link
 * dev.smki.recovery.workflow.Procedure.Builder#does}); whoever drives a run applies the effects.
 *
 * <p>Start at {@link dev.smki.recovery.workflow.Procedure#named} to define a procedure, {@link
 * dev.smki.recovery.workflow.ProcedureRun#start} to run it with a {@link dev.smki.recovery.workflow.Journal},
 * {@link dev.smki.recovery.workflow.JournalVerification} to check a journal and {@link
 * dev.smki.recovery.workflow.OrderingAnalysis} to explore the orders a definition allows.
 */
package dev.smki.recovery.workflow;
