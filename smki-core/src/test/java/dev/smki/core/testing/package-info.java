/**
 * Test support shared with the other modules through smki-core's test jar: pre-generated keys and
 * QuickTheories generators for SMKI values.
 */
package dev.smki.core.testing;
