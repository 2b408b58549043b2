/**
 * Rehearsals of exercise plans over a simulated world: a seeded test PKI, a fleet of Devices, Key Custodians with a
 * simulated HSM, revocation and a simulated clock, driven move by move through the plan's procedure, custodians'
 * sessions and injected events, with every attempt journalled, each accepted step's own effect carried out, and
 * resumable from the journal, whose header records the plan. Start at {@link dev.smki.recovery.rehearsal.Rehearsal}.
 */
@NullMarked
package dev.smki.recovery.rehearsal;

import org.jspecify.annotations.NullMarked;
