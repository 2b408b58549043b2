/**
 * SMKI environments: the policy, hwType and contingency-key OIDs that differ between the DCC test
 * environment, this library's simulated PKI and production. Start at
 * {@link dev.smki.core.environment.SmkiEnvironment}.
 */
@NullMarked
package dev.smki.core.environment;

import org.jspecify.annotations.NullMarked;
