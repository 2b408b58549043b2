/**
 * Compromise incidents: their identifiers, the kinds of compromised key, the recovery mechanisms and the
 * SMKI PMA's decision. Start at {@link dev.smki.recovery.incident.PmaDecision}.
 */
@NullMarked
package dev.smki.recovery.incident;

import org.jspecify.annotations.NullMarked;
