/**
 * Revocation in the simulated SMKI: the {@link dev.smki.core.revocation.CertificateRegistry} (the SMKI Repository
 * and its statuses), the Appendix D §8 revocation rules as reconstructed ({@link
 * dev.smki.core.revocation.RevocationRules}, configurable through {@link dev.smki.core.revocation.RevocationPolicy}),
 * requests and their handling ({@link dev.smki.core.revocation.Revocations}), the Organisation CRL and the ARL
 * ({@link dev.smki.core.revocation.RevocationList}), the Supplier of Last Resort delay ({@link
 * dev.smki.core.revocation.SupplierOfLastResort}) and the revocation of SMKI Registration Authority credentials
 * ({@link dev.smki.core.revocation.RaCredentials}). Start at {@link dev.smki.core.revocation.Revocations}.
 *
 * <p>Stability: built on reconstructed rules (recovery.md §3.2); provisional until checked against the SEC text.
 */
@NullMarked
package dev.smki.core.revocation;

import org.jspecify.annotations.NullMarked;
