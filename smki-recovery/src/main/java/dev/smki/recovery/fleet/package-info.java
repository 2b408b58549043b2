/**
 * Fleet recovery: sending one signed command to each of an incident's Relevant Devices and applying it in
 * parallel on all cores, with injected failures (decommissioned, uncontactable, busy), retries with a simulated
 * back-off, write-offs with a reason, and progress reports conserved and only moving forward. Deterministic for a
 * given seed whatever the number of threads. Start at {@link dev.smki.recovery.fleet.FleetExecutor}.
 */
@NullMarked
package dev.smki.recovery.fleet;

import org.jspecify.annotations.NullMarked;
