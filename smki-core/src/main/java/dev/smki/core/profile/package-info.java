/**
 * The SMKI certificate profiles as validating rules ({@code CERT-0} to {@code CERT-53}: certificates.md §7
 * plus unparseable input and validity at the validation instant), the validator and its report. Start at
 * {@link dev.smki.core.profile.CertificateValidator}.
 */
@NullMarked
package dev.smki.core.profile;

import org.jspecify.annotations.NullMarked;
