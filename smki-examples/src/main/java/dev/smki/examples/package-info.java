/**
 * Runnable examples of the library, each a {@code main} backed by a test; start with {@link
 * dev.smki.examples.RunAProcedure}.
 */
package dev.smki.examples;
