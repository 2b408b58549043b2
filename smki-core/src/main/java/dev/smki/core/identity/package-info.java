/**
 * SMKI identities: EUI-64 identifiers and their ranges, Remote Party Roles, GBCS device types, key usages
 * and trust-anchor cell usages. Start at {@link dev.smki.core.identity.Eui64}.
 */
@NullMarked
package dev.smki.core.identity;

import org.jspecify.annotations.NullMarked;
