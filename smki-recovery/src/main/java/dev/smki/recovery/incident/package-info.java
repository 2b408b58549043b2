/**
 * Compromise incidents: their identifiers, the kinds of compromised key, the recovery mechanisms and the
 * SMKI PMA's decision. Start at {@link dev.smki.recovery.incident.PmaDecision}.
 */
package dev.smki.recovery.incident;
