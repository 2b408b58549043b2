/**
 * Key custody: Key Custodians and their lifecycle, the M-of-N quorum, and a simulated HSM whose keys are
 * split into Shamir shares and activated only for an incident whose SMKI PMA decision requires them. Start at
 * {@link dev.smki.recovery.custody.SimulatedHsm}.
 */
@NullMarked
package dev.smki.recovery.custody;

import org.jspecify.annotations.NullMarked;
