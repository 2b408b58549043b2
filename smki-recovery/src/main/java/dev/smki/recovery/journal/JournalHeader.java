package dev.smki.recovery.journal;

import dev.smki.recovery.workflow.PayloadSummary;
import dev.smki.recovery.workflow.Procedure;
import java.time.Instant;
import java.util.Objects;

/**
 * The first line of a journal: which procedure definition it records, and what the run is about.
 *
 * @param procedure the procedure's name
 * @param definitionHash the procedure's {@linkplain Procedure#definitionHash() definition hash}
 * @param created when the journal was created
 * @param note what the run is about, such as the parameters of a rehearsal; empty unless given to {@link
 *     ProcedureRun#start(Procedure, Journal, java.time.Clock, Object, PayloadSummary)}
 * @param hash the SHA-256 of the line up to its hash field
 */
public record JournalHeader(
        String procedure, String definitionHash, Instant created, PayloadSummary note, String hash) {

    /**
     * Checks the components.
     *
     * @param procedure the procedure's name
     * @param definitionHash the procedure's {@linkplain Procedure#definitionHash() definition hash}
     * @param created when the journal was created
     * @param note what the run is about, such as the parameters of a rehearsal; empty unless given to {@link
     *     ProcedureRun#start(Procedure, Journal, java.time.Clock, Object, PayloadSummary)}
     * @param hash the SHA-256 of the line up to its hash field
     * @throws NullPointerException when a component is null
     */
    public JournalHeader {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(definitionHash, "definitionHash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(hash, "hash");
    }

    /**
     * {@return whether this journal records {@code procedure}, by name and definition hash}
     *
     * @param procedure the procedure
     */
    public boolean records(Procedure<?> procedure) {
        return this.procedure.equals(procedure.name()) && definitionHash.equals(procedure.definitionHash());
    }
}
