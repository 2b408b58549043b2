/**
 * Registration of Parties with the SMKI Registration Authority: SEC User Roles and the Organisation
 * Information Form rule on EUI-64 ranges (Appendix D §5.1 with Section H1.5). Start at
 * {@link dev.smki.core.registration.OrganisationInformationRules}.
 */
@NullMarked
package dev.smki.core.registration;

import org.jspecify.annotations.NullMarked;
