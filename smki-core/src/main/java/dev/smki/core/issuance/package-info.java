/**
 * The test PKI: a simulated SMKI whose CAs issue Organisation and Device Certificates that conform to their
 * profiles by default, deterministic from a seed, with the Root OCA's contingency material, Device CSRs, and
 * PEM, DER, PKCS#8 and PKCS#12 files. Start at {@link dev.smki.core.issuance.TestPki}.
 */
@NullMarked
package dev.smki.core.issuance;

import org.jspecify.annotations.NullMarked;
