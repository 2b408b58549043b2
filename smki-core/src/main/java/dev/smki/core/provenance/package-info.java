/**
 * Where the library's rules come from and how sure we are of them: {@link dev.smki.core.provenance.RuleId},
 * {@link dev.smki.core.provenance.Citation} and {@link dev.smki.core.provenance.Confidence}.
 */
@NullMarked
package dev.smki.core.provenance;

import org.jspecify.annotations.NullMarked;
