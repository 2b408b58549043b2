/**
 * The generic step-ordered procedure engine: definitions, runs, guards, the journal and ordering analysis.
 * It knows nothing about keys.
 */
package dev.smki.recovery.workflow;
