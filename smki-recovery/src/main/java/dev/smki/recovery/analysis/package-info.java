/**
 * Explores the orders in which a procedure definition lets its steps complete, and checks {@link
 * dev.smki.recovery.analysis.Invariant}s over every reachable set of completed steps ({@link
 * dev.smki.recovery.analysis.OrderingAnalysis}). Generic, like the engine in {@code dev.smki.recovery.workflow}:
 * it reads definitions, never runs them, and knows nothing about SMKI.
 */
@NullMarked
package dev.smki.recovery.analysis;

import org.jspecify.annotations.NullMarked;
