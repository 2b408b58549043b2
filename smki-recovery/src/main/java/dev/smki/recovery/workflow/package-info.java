/**
 * The generic step-ordered procedure engine: procedure definitions, steps, actors, guards, effects, attempts,
 * refusals and outcomes. It knows nothing about keys: actors are roles, payloads are opaque apart from their
 * summaries, and a procedure is typed by the context its guards read and its steps' effects change ({@code
 * Procedure<C>}). A step's definition, guards, offer and effect are defined together ({@link
 * dev.smki.recovery.workflow.Procedure.Builder#does}); whoever drives a run applies the effects.
 *
 * <p>Start at {@link dev.smki.recovery.workflow.Procedure#named} to define a procedure. Runs and their journal are
 * in {@code dev.smki.recovery.journal}; the analysis of the step orders a definition allows is in {@code
 * dev.smki.recovery.analysis}. Neither is needed to define a procedure, and this package depends on neither.
 */
@NullMarked
package dev.smki.recovery.workflow;

import org.jspecify.annotations.NullMarked;
