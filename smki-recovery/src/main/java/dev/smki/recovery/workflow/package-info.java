/**
 * The generic step-ordered procedure engine: definitions, runs, guards, the journal and ordering analysis. It
 * knows nothing about keys: actors are roles, payloads are opaque apart from their summaries.
 *
 * <p>Start at {@link dev.smki.recovery.workflow.Procedure#named} to define a procedure, {@link
 * dev.smki.recovery.workflow.ProcedureRun#start} to run it with a {@link dev.smki.recovery.workflow.Journal},
 * {@link dev.smki.recovery.workflow.JournalVerification} to check a journal and {@link
 * dev.smki.recovery.workflow.OrderingAnalysis} to explore the orders a definition allows.
 */
package dev.smki.recovery.workflow;
