/**
 * Rehearsals of incident responses over a simulated world: a seeded test PKI, a fleet of Devices, Key Custodians
 * with a simulated HSM, revocation and a simulated clock, driven step by step through the SEC recovery procedures
 * with every attempt journalled, and resumable from the journal. Start at {@link
 * dev.smki.recovery.rehearsal.Rehearsal}.
 */
package dev.smki.recovery.rehearsal;
