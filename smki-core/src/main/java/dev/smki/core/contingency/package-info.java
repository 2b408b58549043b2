/**
 * The Root OCA's contingency key (recovery.md §1.3): the contingency public key that the Root OCA certificate
 * carries wrapped under the Symmetric Key ({@link dev.smki.core.contingency.WrappedApexContingencyKey}, wrapped
 * by a {@link dev.smki.core.contingency.ContingencyWrap}), and the {@link dev.smki.core.contingency.SymmetricKey}
 * that a contingency command releases to unwrap it. Shared by the test PKI, which makes them, and the simulated
 * Devices, which unwrap them; the encoding is reconstructed (see {@code WrappedApexContingencyKey.CONFIDENCE}).
 */
@NullMarked
package dev.smki.core.contingency;

import org.jspecify.annotations.NullMarked;
