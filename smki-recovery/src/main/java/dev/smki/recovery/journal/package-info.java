/**
 * Runs of a procedure and the tamper-evident journal each run writes before it answers: {@link
 * dev.smki.recovery.journal.ProcedureRun} decides attempts and appends one hash-chained JSON line per attempt to a
 * {@link dev.smki.recovery.journal.Journal} (a file or memory); {@link
 * dev.smki.recovery.journal.JournalVerification} checks a journal line by line; {@link
 * dev.smki.recovery.journal.JournalSeals} signs and checks a journal's seals. Generic, like the engine in {@code
 * dev.smki.recovery.workflow}: it knows nothing about SMKI.
 */
@NullMarked
package dev.smki.recovery.journal;

import org.jspecify.annotations.NullMarked;
