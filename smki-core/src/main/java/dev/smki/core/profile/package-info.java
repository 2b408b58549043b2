/**
 * The SMKI certificate profiles as validating rules (certificates.md §7, {@code CERT-0} to {@code CERT-52}),
 * the validator and its report.
 */
package dev.smki.core.profile;
