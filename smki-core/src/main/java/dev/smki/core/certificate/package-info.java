/**
 * One parsed SMKI certificate, {@link dev.smki.core.certificate.SmkiCertificate}: its kind, Remote Party Role,
 * EUI-64, key usage, key identifiers, policies and validity, decoded once and shared by the profile validator,
 * the simulated devices and revocation.
 */
@NullMarked
package dev.smki.core.certificate;

import org.jspecify.annotations.NullMarked;
