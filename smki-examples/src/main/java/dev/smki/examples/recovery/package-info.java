/** Runnable examples of the SEC recovery procedures and rehearsals; start with {@link RehearseAContingency}. */
package dev.smki.examples.recovery;
